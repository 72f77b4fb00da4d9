import { Injectable, inject } from '@angular/core';
import { SUITE_CLIENT, unwrap, type Schemas } from '@wechat-mfe/suite-api';

/** The article editor's state as the server keeps it for the signed-in user. */
export type ArticleDraftDocument = Schemas['ArticleDraftDocument'];
export type ArticleDraftItem = Schemas['ArticleDraftItem'];
/** A draft as the server keeps it: the document and when it was last saved. */
export interface StoredArticleDraft {
  readonly document: ArticleDraftDocument;
  readonly updatedAt: string;
}

/** The draft key of an article never saved (a saved one's is its media id). */
export const NEW_ARTICLE_DRAFT_KEY = 'new';

/** Chromium lets requests that outlive their page carry 64 KiB in all; leave room for another. */
export const KEEPALIVE_MAX_BYTES = 48 * 1024;

/**
 * The signed-in user's unsaved article edits per account and article (`/article-drafts/{key}`);
 * failures throw `ProblemError`. Saving or deleting the article clears them on the server too.
 */
@Injectable({ providedIn: 'root' })
export class ArticleDraftsApi {
  private readonly client = inject(SUITE_CLIENT);

  /** The user's draft and when it was last saved, or null when there is none. */
  async get(appid: string, draftKey: string, signal?: AbortSignal): Promise<StoredArticleDraft | null> {
    const path = { appid, draftKey };
    const { document, updatedAt } = await unwrap(this.client.GET('/api/wechat/accounts/{appid}/article-drafts/{draftKey}', { params: { path }, signal }));
    return document && updatedAt ? { document, updatedAt } : null;
  }

  save(appid: string, draftKey: string, document: ArticleDraftDocument): Promise<unknown> {
    const path = { appid, draftKey };
    // The editor saves at once when the tab is hidden or closed; `keepalive` lets that request finish
    // after the page is gone. The browser refuses it for large bodies, so only drafts that fit ask for it.
    const keepalive = new TextEncoder().encode(JSON.stringify(document)).length <= KEEPALIVE_MAX_BYTES;
    return unwrap(this.client.PUT('/api/wechat/accounts/{appid}/article-drafts/{draftKey}', { params: { path }, body: document, keepalive }));
  }

  discard(appid: string, draftKey: string): Promise<unknown> {
    const path = { appid, draftKey };
    return unwrap(this.client.DELETE('/api/wechat/accounts/{appid}/article-drafts/{draftKey}', { params: { path } }));
  }
}
