import { Injectable, inject } from '@angular/core';
import { SUITE_CLIENT, unwrap, type Schemas } from '@wechat-mfe/suite-api';

export type MassSend = Schemas['MassSend'];
export type MassSendPage = Schemas['MassSendPage'];
export type MassSendStatus = Schemas['MassSendStatus'];
export type MassSendQuota = Schemas['MassSendQuota'];
export type MassSendEstimate = Schemas['MassSendEstimate'];
export type MassSendDraftDocument = Schemas['MassSendDraftDocument'];
export type MassSendResultEvent = Schemas['MassSendResultEvent'];
export type Tag = Schemas['Tag'];
export type Segment = Schemas['Segment'];
export type Fan = Schemas['FansFan'];

/** Media types come from the materials library (the shared material picker). */
export type MediaType = 'image' | 'voice' | 'video' | 'news';

/** What a send carries: text typed here, or a material of the account by its media id. */
export type MassSendContent = { type: 'text'; text: string } | { type: MediaType; mediaId: string; title?: string };

/** Who receives a send. */
export type MassSendAudience =
  | { type: 'all' }
  | { type: 'tag'; tagId: number }
  | { type: 'segment'; segmentId: string }
  | { type: 'openids'; openids: string[] };

/** The mass-send endpoints of the suite API, one method per call; failures throw `ProblemError`. */
@Injectable({ providedIn: 'root' })
export class MassSendApi {
  private readonly client = inject(SUITE_CLIENT);

  list(appid: string, query: { offset: number; limit: number }, signal?: AbortSignal): Promise<MassSendPage> {
    return unwrap(this.client.GET('/api/wechat/accounts/{appid}/mass-sends', { params: { path: { appid }, query }, signal }));
  }

  get(appid: string, massSendId: number, signal?: AbortSignal): Promise<MassSend> {
    return unwrap(this.client.GET('/api/wechat/accounts/{appid}/mass-sends/{massSendId}', { params: { path: { appid, massSendId } }, signal }));
  }

  create(appid: string, body: { audience: MassSendAudience; content: MassSendContent; sendAt?: string; clientMsgId: string }): Promise<MassSend> {
    return unwrap(this.client.POST('/api/wechat/accounts/{appid}/mass-sends', { params: { path: { appid } }, body }));
  }

  cancel(appid: string, massSendId: number): Promise<MassSend> {
    return unwrap(this.client.POST('/api/wechat/accounts/{appid}/mass-sends/{massSendId}/cancel', { params: { path: { appid, massSendId } } }));
  }

  estimate(appid: string, audience: MassSendAudience, signal?: AbortSignal): Promise<MassSendEstimate> {
    return unwrap(this.client.POST('/api/wechat/accounts/{appid}/mass-sends/estimate', { params: { path: { appid } }, body: { audience }, signal }));
  }

  preview(appid: string, openid: string, content: MassSendContent): Promise<unknown> {
    return unwrap(this.client.POST('/api/wechat/accounts/{appid}/mass-sends/preview', { params: { path: { appid } }, body: { openid, content } }));
  }

  quota(appid: string, signal?: AbortSignal): Promise<MassSendQuota> {
    return unwrap(this.client.GET('/api/wechat/accounts/{appid}/mass-sends/quota', { params: { path: { appid } }, signal }));
  }

  async draft(appid: string, signal?: AbortSignal): Promise<MassSendDraftDocument | null> {
    return (await unwrap(this.client.GET('/api/wechat/accounts/{appid}/mass-sends/draft', { params: { path: { appid } }, signal }))).document;
  }

  saveDraft(appid: string, document: MassSendDraftDocument): Promise<unknown> {
    return unwrap(this.client.PUT('/api/wechat/accounts/{appid}/mass-sends/draft', { params: { path: { appid } }, body: document }));
  }

  discardDraft(appid: string): Promise<unknown> {
    return unwrap(this.client.DELETE('/api/wechat/accounts/{appid}/mass-sends/draft', { params: { path: { appid } } }));
  }

  async tags(appid: string, signal?: AbortSignal): Promise<Tag[]> {
    return (await unwrap(this.client.GET('/api/wechat/accounts/{appid}/tags', { params: { path: { appid } }, signal }))).items;
  }

  async segments(signal?: AbortSignal): Promise<Segment[]> {
    return (await unwrap(this.client.GET('/api/host/segments', { signal }))).items;
  }

  /** Subscribed fans whose openid starts with `prefix` (the preview's fan search). */
  async searchFans(appid: string, prefix: string, signal?: AbortSignal): Promise<Fan[]> {
    const page = await unwrap(
      this.client.GET('/api/wechat/accounts/{appid}/fans', {
        params: { path: { appid }, query: { openid: prefix, state: 'subscribed', limit: 8, sort: 'openid', order: 'asc' } },
        signal,
      }),
    );
    return page.items;
  }
}
