import { InjectionToken } from '@angular/core';
import type { ArticleDraft } from './article-rules';

/** What the editor had that the server does not have yet. */
export interface UnsavedArticle {
  readonly drafts: readonly ArticleDraft[];
  readonly index: number;
  /** The saved article these changes apply to; null for one never saved. */
  readonly savedId: string | null;
}

/**
 * Unsaved article edits by account and article, kept while the module's code stays loaded: switching
 * the account re-creates the editor for the other account, and leaving the page destroys it; either
 * way the edits wait here until the editor for the same account and article shows again, is saved or
 * is discarded. In memory on purpose: a reload or a user switch (which reloads) ends them, so one
 * user's draft never shows to another on a shared browser.
 */
export class UnsavedArticles {
  private readonly byKey = new Map<string, UnsavedArticle>();

  static key(appid: string, mediaId: string | null): string {
    return `${appid}|${mediaId ?? 'new'}`;
  }

  get(key: string): UnsavedArticle | undefined {
    return this.byKey.get(key);
  }

  set(key: string, article: UnsavedArticle): void {
    this.byKey.set(key, article);
  }

  clear(key: string): void {
    this.byKey.delete(key);
  }
}

/** One per page load, in module scope: single-spa destroys the application's injectors on unmount. */
const kept = new UnsavedArticles();

/** The unsaved edits (a token so each spec starts with none). */
export const UNSAVED_ARTICLES = new InjectionToken<UnsavedArticles>('UNSAVED_ARTICLES', { providedIn: 'root', factory: () => kept });
