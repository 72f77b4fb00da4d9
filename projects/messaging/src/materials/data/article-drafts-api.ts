import { Injectable, inject } from '@angular/core';
import { SUITE_CLIENT, unwrap, type Schemas } from '@wechat-mfe/suite-api';

/** The article editor's state as the server keeps it for the signed-in user. */
export type ArticleDraftDocument = Schemas['ArticleDraftDocument'];
export type ArticleDraftItem = Schemas['ArticleDraftItem'];

/** The draft key of an article never saved (a saved one's is its media id). */
export const NEW_ARTICLE_DRAFT_KEY = 'new';

/**
 * The signed-in user's unsaved article edits per account and article (`/article-drafts/{key}`);
 * failures throw `ProblemError`. Saving or deleting the article clears them on the server too.
 */
@Injectable({ providedIn: 'root' })
export class ArticleDraftsApi {
  private readonly client = inject(SUITE_CLIENT);

  /** The user's draft, or null when there is none. */
  async get(appid: string, draftKey: string, signal?: AbortSignal): Promise<ArticleDraftDocument | null> {
    const path = { appid, draftKey };
    return (await unwrap(this.client.GET('/api/wechat/accounts/{appid}/article-drafts/{draftKey}', { params: { path }, signal }))).document;
  }

  save(appid: string, draftKey: string, document: ArticleDraftDocument): Promise<unknown> {
    const path = { appid, draftKey };
    return unwrap(this.client.PUT('/api/wechat/accounts/{appid}/article-drafts/{draftKey}', { params: { path }, body: document }));
  }

  discard(appid: string, draftKey: string): Promise<unknown> {
    const path = { appid, draftKey };
    return unwrap(this.client.DELETE('/api/wechat/accounts/{appid}/article-drafts/{draftKey}', { params: { path } }));
  }
}
