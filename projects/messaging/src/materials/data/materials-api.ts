import { Injectable, InjectionToken, inject } from '@angular/core';
import { SUITE_CLIENT, ifMatch, unwrap, type Schemas } from '@wechat-mfe/suite-api';

export type Material = Schemas['Material'];
export type MaterialDetail = Schemas['MaterialDetail'];
export type MaterialPage = Schemas['MaterialPage'];
export type MaterialTab = Schemas['MaterialTab'];
export type MaterialUsage = Schemas['MaterialUsage'];
export type ArticleInput = Schemas['MaterialArticleInput'];

/**
 * Where uploads are posted (XMLHttpRequest, for its upload progress; the generated client uses
 * fetch, which reports none). Same origin by default, like the suite client in embedded mode.
 */
export const MATERIALS_API_BASE = new InjectionToken<string>('materials API base', { providedIn: 'root', factory: () => '/api' });

/** What the library asks the server for: type, search, permanence and page all happen there. */
export interface MaterialQuery {
  readonly type: MaterialTab;
  readonly q: string;
  readonly permanent: boolean | null;
  readonly offset: number;
  readonly limit: number;
}

/** The material endpoints of the suite API (uploads: `MaterialUploader`); failures throw `ProblemError`. */
@Injectable({ providedIn: 'root' })
export class MaterialsApi {
  private readonly client = inject(SUITE_CLIENT);

  list(appid: string, query: MaterialQuery, signal?: AbortSignal): Promise<MaterialPage> {
    const { q, permanent, ...rest } = query;
    return unwrap(
      this.client.GET('/api/wechat/accounts/{appid}/materials', {
        params: { path: { appid }, query: { ...rest, ...(q ? { q } : {}), ...(permanent === null ? {} : { permanent }) } },
        signal,
      }),
    );
  }

  get(appid: string, mediaId: string, signal?: AbortSignal): Promise<MaterialDetail> {
    return unwrap(this.client.GET('/api/wechat/accounts/{appid}/materials/{mediaId}', { params: { path: { appid, mediaId } }, signal }));
  }

  remove(appid: string, mediaId: string): Promise<unknown> {
    return unwrap(this.client.DELETE('/api/wechat/accounts/{appid}/materials/{mediaId}', { params: { path: { appid, mediaId } } }));
  }

  createArticle(appid: string, articles: ArticleInput[]): Promise<MaterialDetail> {
    return unwrap(this.client.POST('/api/wechat/accounts/{appid}/materials/news', { params: { path: { appid } }, body: { articles } }));
  }

  /**
   * Replaces the article's items. With `revision` (the one the edit started from, sent as `If-Match`)
   * a save over a newer version fails with a `STALE` problem instead of replacing it (ADR 0024).
   */
  updateArticle(appid: string, mediaId: string, articles: ArticleInput[], revision?: string): Promise<MaterialDetail> {
    const header = revision === undefined ? {} : ifMatch(revision);
    return unwrap(this.client.PUT('/api/wechat/accounts/{appid}/materials/{mediaId}/news', { params: { path: { appid, mediaId }, header }, body: { articles } }));
  }
}
