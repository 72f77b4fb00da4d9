import { Injectable, inject } from '@angular/core';
import { SUITE_CLIENT, ifMatch, unwrap, type Schemas } from '@wechat-mfe/suite-api';
import { toQuery, type FanFilter } from './fans-api';

export type FanTag = Schemas['FanTagsTag'];
export type FanTagList = Schemas['FanTagsTagList'];
export type OpenidPage = Schemas['FanTagsOpenidPage'];
export type RemarkSaved = Schemas['FansRemarkSaved'];

/** Tag management, batch (un)tagging, the blacklist and remarks; failures throw `ProblemError`. */
@Injectable({ providedIn: 'root' })
export class FanActionsApi {
  private readonly client = inject(SUITE_CLIENT);

  tags(appid: string, signal?: AbortSignal): Promise<FanTagList> {
    return unwrap(this.client.GET('/api/wechat/accounts/{appid}/tags', { params: { path: { appid } }, signal }));
  }

  createTag(appid: string, name: string): Promise<FanTag> {
    return unwrap(this.client.POST('/api/wechat/accounts/{appid}/tags', { params: { path: { appid } }, body: { name } }));
  }

  /** Renames over the name `revision` stands for: a tag renamed since is refused with `STALE` (ADR 0024). */
  renameTag(appid: string, tagId: number, name: string, revision: string): Promise<FanTag> {
    return unwrap(
      this.client.PATCH('/api/wechat/accounts/{appid}/tags/{tagId}', { params: { path: { appid, tagId }, header: ifMatch(revision) }, body: { name } }),
    );
  }

  async deleteTag(appid: string, tagId: number): Promise<void> {
    await unwrap(this.client.DELETE('/api/wechat/accounts/{appid}/tags/{tagId}', { params: { path: { appid, tagId } } }));
  }

  /** Adds (`add`) or removes a tag for at most 50 fans; answers how many changed. */
  async tagFans(appid: string, tagId: number, openids: readonly string[], add: boolean): Promise<number> {
    const options = { params: { path: { appid, tagId } }, body: { openids: [...openids] } };
    const answer = add
      ? await unwrap(this.client.POST('/api/wechat/accounts/{appid}/tags/{tagId}/fans/add', options))
      : await unwrap(this.client.POST('/api/wechat/accounts/{appid}/tags/{tagId}/fans/remove', options));
    return answer.changed;
  }

  /** Blacklists (or lifts it for) at most 20 fans; answers how many changed. */
  async blacklist(appid: string, openids: readonly string[], blacklisted: boolean): Promise<number> {
    const options = { params: { path: { appid } }, body: { openids: [...openids] } };
    const answer = blacklisted
      ? await unwrap(this.client.POST('/api/wechat/accounts/{appid}/blacklist/add', options))
      : await unwrap(this.client.POST('/api/wechat/accounts/{appid}/blacklist/remove', options));
    return answer.changed;
  }

  /** Saves over the remark `revision` stands for (the detail's `remarkRevision`): a remark changed since is refused with `STALE`. */
  setRemark(appid: string, openid: string, remark: string, revision: string): Promise<RemarkSaved> {
    return unwrap(
      this.client.PUT('/api/wechat/accounts/{appid}/fans/{openid}/remark', {
        params: { path: { appid, openid }, header: ifMatch(revision) },
        body: { remark },
      }),
    );
  }

  matchingOpenids(appid: string, filter: FanFilter, offset: number, limit: number, signal?: AbortSignal): Promise<OpenidPage> {
    return unwrap(
      this.client.GET('/api/wechat/accounts/{appid}/fan-openids', {
        params: { path: { appid }, query: { ...toQuery(filter), offset, limit } },
        signal,
      }),
    );
  }
}
