import type { MassSendQuota } from '../mass-send-api';

export type AudienceType = 'all' | 'tag' | 'segment' | 'openids';

/** What the quota panel says before a send. */
export interface QuotaView {
  readonly used: number;
  readonly limit: number;
  readonly remaining: number;
  /** `day` for subscription accounts, `month` for service accounts (China calendar). */
  readonly period: 'day' | 'month';
  /** No send is possible until the period ends (the server would answer 45028). */
  readonly exhausted: boolean;
  /** This send uses the last one of the period. */
  readonly lastOne: boolean;
  /** The account has not signed the mass-send agreement (48003): nothing can be sent. */
  readonly blocked: boolean;
  /**
   * How many mass sends a fan receives at most per month, or null where no such rule applies: PRODUCT §4
   * sets it for service accounts only (a subscription account's limit is its one send a day).
   */
  readonly fanMonthlyLimit: number | null;
}

export function quotaView(quota: MassSendQuota): QuotaView {
  return {
    used: quota.used,
    limit: quota.limit,
    remaining: quota.remaining,
    period: quota.period,
    exhausted: quota.remaining === 0,
    lastOne: quota.remaining === 1,
    blocked: !quota.agreementSigned,
    fanMonthlyLimit: quota.accountType === 'service' ? quota.fanMonthlyLimit : null,
  };
}

/**
 * Which audiences the account may use (PRODUCT §4): by tag needs a verified account, an openid list
 * a verified service account. Returns the translation key of the reason, or null when allowed.
 */
export function audienceUnavailableReason(account: { type: string; verified: boolean }, audience: AudienceType): string | null {
  if (audience === 'tag' && !account.verified) return 'massSend.audience.needsVerified';
  if (audience === 'openids' && (account.type !== 'service' || !account.verified)) return 'massSend.audience.needsVerifiedService';
  return null;
}
