import { Injectable, inject } from '@angular/core';
import { SUITE_CLIENT, unwrap, type Schemas } from '@wechat-mfe/suite-api';

export type InboxMessage = Schemas['InboxMessage'];
export type InboxMessageType = Schemas['InboxMessageType'];
export type InboxMessagePage = Schemas['InboxMessagePage'];
export type InboxItem = Schemas['InboxItem'];
export type InboxFan = Schemas['InboxFan'];
export type InboxConversation = Schemas['InboxConversation'];
export type InboxReplyWindow = Schemas['InboxReplyWindow'];
export type InboxReplyInput = Schemas['InboxReplyInput'];
export type InboxReplySent = Schemas['InboxReplySent'];

/** The list's filters; `q` empty means no search. */
export interface InboxFilters {
  readonly type: InboxMessageType | null;
  readonly starred: boolean;
  readonly needsReply: boolean;
  readonly q: string;
}

/** `data` of the `inbox.message` event on the suite's stream. */
export interface InboxMessageEvent {
  readonly appid: string;
  readonly messageId: number;
  readonly openid: string;
  readonly direction: 'in' | 'out';
}

/** The inbox endpoints of the suite API; failures throw `ProblemError`. */
@Injectable({ providedIn: 'root' })
export class InboxApi {
  private readonly client = inject(SUITE_CLIENT);

  list(appid: string, filters: InboxFilters, page: { cursor?: string | null; limit: number }, signal?: AbortSignal): Promise<InboxMessagePage> {
    const query = {
      ...(filters.type ? { type: filters.type } : {}),
      ...(filters.starred ? { starred: true } : {}),
      ...(filters.needsReply ? { needsReply: true } : {}),
      ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
      ...(page.cursor ? { cursor: page.cursor } : {}),
      limit: page.limit,
    };
    return unwrap(this.client.GET('/api/wechat/accounts/{appid}/inbox/messages', { params: { path: { appid }, query }, signal }));
  }

  conversation(appid: string, openid: string, signal?: AbortSignal): Promise<InboxConversation> {
    return unwrap(this.client.GET('/api/wechat/accounts/{appid}/inbox/fans/{openid}/conversation', { params: { path: { appid, openid } }, signal }));
  }

  reply(appid: string, openid: string, body: InboxReplyInput): Promise<InboxReplySent> {
    return unwrap(this.client.POST('/api/wechat/accounts/{appid}/inbox/fans/{openid}/replies', { params: { path: { appid, openid } }, body }));
  }

  setStarred(appid: string, messageId: number, starred: boolean): Promise<InboxMessage> {
    const params = { path: { appid, messageId } };
    return unwrap(
      starred
        ? this.client.PUT('/api/wechat/accounts/{appid}/inbox/messages/{messageId}/star', { params })
        : this.client.DELETE('/api/wechat/accounts/{appid}/inbox/messages/{messageId}/star', { params }),
    );
  }
}
