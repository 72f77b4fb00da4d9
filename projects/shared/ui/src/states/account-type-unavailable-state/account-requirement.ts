import type { WechatAccount } from '@wechat-mfe/account-context';

/**
 * What a feature needs from the selected account (PRODUCT §1, §4): a service account, a verified
 * account, or both; `feature` is the translation key of the feature's name ("渠道二维码").
 */
export interface AccountRequirement {
  readonly type?: 'service';
  readonly verified?: boolean;
  /** Translation key of the feature's name, as it reads mid-sentence (e.g. `ui.feature.qrCodes`). */
  readonly feature: string;
}

/** The account fields a requirement looks at. */
export type AccountKind = Pick<WechatAccount, 'name' | 'type' | 'verified'>;

/** Whether the account may use the feature. */
export function meetsRequirement(account: AccountKind, requirement: AccountRequirement | null | undefined): boolean {
  if (!requirement) return true;
  if (requirement.type && account.type !== requirement.type) return false;
  return !requirement.verified || account.verified;
}

/**
 * WeChat's gated features and what they need, with the library's name keys. Modules pass these to
 * `wx-account-gate` (`[requires]="features.qrCodes"`) or use them to disable single actions.
 */
export const WECHAT_FEATURES = {
  /** Channel QR codes: service accounts only. */
  qrCodes: { type: 'service', feature: 'ui.feature.qrCodes' },
  /** Template messages: verified service accounts only. */
  templates: { type: 'service', verified: true, feature: 'ui.feature.templates' },
  /** Mass send by tag: verified accounts. */
  massSendByTag: { verified: true, feature: 'ui.feature.massSendByTag' },
  /** Mass send to an OpenID list: verified service accounts only. */
  massSendByOpenid: { type: 'service', verified: true, feature: 'ui.feature.massSendByOpenid' },
  /** Mini-program menu buttons: verified accounts. */
  miniProgramMenu: { verified: true, feature: 'ui.feature.miniProgramMenu' },
} as const satisfies Record<string, AccountRequirement>;
