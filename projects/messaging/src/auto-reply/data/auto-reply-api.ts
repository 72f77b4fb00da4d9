import { Injectable, inject } from '@angular/core';
import { SUITE_CLIENT, ifMatch, unwrap, type Schemas } from '@wechat-mfe/suite-api';

export type AutoReplyReply = Schemas['AutoReplyReply'];
export type AutoReplyToggle = Schemas['AutoReplyToggle'];
/** A switchable reply as saved, with its revision. */
export type AutoReplySetting = Schemas['AutoReplySetting'];
export type AutoReplySettings = Schemas['AutoReplySettings'];
export type AutoReplyKeyword = Schemas['AutoReplyKeyword'];
export type AutoReplyRule = Schemas['AutoReplyRule'];
export type AutoReplyRuleInput = Schemas['AutoReplyRuleInput'];
export type AutoReplyTestResult = Schemas['AutoReplyTestResult'];
/** The two switchable replies: sent on follow, and when no keyword rule matches. */
export type ReplySettingKind = 'onFollow' | 'defaultReply';

/** The auto-reply endpoints of the suite API; failures throw `ProblemError`. */
@Injectable({ providedIn: 'root' })
export class AutoReplyApi {
  private readonly client = inject(SUITE_CLIENT);

  settings(appid: string, signal?: AbortSignal): Promise<AutoReplySettings> {
    return unwrap(this.client.GET('/api/wechat/accounts/{appid}/auto-reply', { params: { path: { appid } }, signal }));
  }

  async rules(appid: string, signal?: AbortSignal): Promise<AutoReplyRule[]> {
    return (await unwrap(this.client.GET('/api/wechat/accounts/{appid}/auto-reply/rules', { params: { path: { appid } }, signal }))).items;
  }

  /** Over `revision` (the setting as the user saw it): a change saved meanwhile is refused (`STALE`). */
  saveSetting(appid: string, kind: ReplySettingKind, body: AutoReplyToggle, revision: string): Promise<AutoReplySetting> {
    const params = { path: { appid }, header: ifMatch(revision) };
    return unwrap(
      kind === 'onFollow'
        ? this.client.PUT('/api/wechat/accounts/{appid}/auto-reply/on-follow', { params, body })
        : this.client.PUT('/api/wechat/accounts/{appid}/auto-reply/default', { params, body }),
    );
  }

  createRule(appid: string, body: AutoReplyRuleInput): Promise<AutoReplyRule> {
    return unwrap(this.client.POST('/api/wechat/accounts/{appid}/auto-reply/rules', { params: { path: { appid } }, body }));
  }

  /**
   * Over `revision` (the rule as the user saw it): someone else's save meanwhile is refused (`STALE`).
   * Null (not known) saves unconditionally.
   */
  updateRule(appid: string, ruleId: number, body: AutoReplyRuleInput, revision: string | null): Promise<AutoReplyRule> {
    const header = revision === null ? {} : ifMatch(revision);
    return unwrap(this.client.PUT('/api/wechat/accounts/{appid}/auto-reply/rules/{ruleId}', { params: { path: { appid, ruleId }, header }, body }));
  }

  deleteRule(appid: string, ruleId: number): Promise<unknown> {
    return unwrap(this.client.DELETE('/api/wechat/accounts/{appid}/auto-reply/rules/{ruleId}', { params: { path: { appid, ruleId } } }));
  }

  test(appid: string, text: string): Promise<AutoReplyTestResult> {
    return unwrap(this.client.POST('/api/wechat/accounts/{appid}/auto-reply/test', { params: { path: { appid } }, body: { text } }));
  }
}
