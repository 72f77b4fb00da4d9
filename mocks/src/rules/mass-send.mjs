import { hash32 } from '../lib/prng.mjs';
import { fieldError, validation, wechatRefused } from '../lib/problems.mjs';

/**
 * WeChat's mass-send rules (PRODUCT §4), as plain functions the routes, the job and the tests call.
 *
 * Quota periods are China calendar days and months (Asia/Shanghai, UTC+8, no DST), as WeChat counts
 * them: a subscription account has 1 send per day, a service account 4 per calendar month, and
 * each fan receives at most 4 mass sends per calendar month (fans over it are skipped, "filtered").
 */

export const SUBSCRIPTION_DAILY_LIMIT = 1;
export const SERVICE_MONTHLY_LIMIT = 4;
export const FAN_MONTHLY_LIMIT = 4;
export const OPENID_LIST_MIN = 2;
export const OPENID_LIST_MAX = 10_000;
/** How far ahead a send may be scheduled. */
export const SCHEDULE_HORIZON_DAYS = 30;
/** A repeated clientMsgId within this window is WeChat's 45065. */
export const CLIENT_MSG_ID_WINDOW_MS = 24 * 3_600_000;
/** Mock-clock delay between the end of a send's job and WeChat's MASSSENDJOBFINISH push. */
export const RESULT_DELAY_MS = 2_000;
/** WeChat's openids: 28 characters, "o" then URL-safe base64. */
export const OPENID_PATTERN = /^o[A-Za-z0-9_-]{27}$/;
export const MEDIA_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The quota period of an account type containing instant `ms`: `{period, key, startsAt, endsAt}` (ISO). */
export function quotaPeriod(accountType, ms) {
  const china = new Date(ms + CHINA_OFFSET_MS);
  const y = china.getUTCFullYear();
  const m = china.getUTCMonth();
  if (accountType === 'subscription') {
    const d = china.getUTCDate();
    const start = Date.UTC(y, m, d) - CHINA_OFFSET_MS;
    return { period: 'day', key: china.toISOString().slice(0, 10), startsAt: iso(start), endsAt: iso(start + 86_400_000) };
  }
  return { period: 'month', key: monthKey(ms), startsAt: iso(Date.UTC(y, m, 1) - CHINA_OFFSET_MS), endsAt: iso(Date.UTC(y, m + 1, 1) - CHINA_OFFSET_MS) };
}

/** The China calendar month of an instant, e.g. `2026-11`: the key of the per-fan counts. */
export const monthKey = (ms) => new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 7);

export const accountLimit = (accountType) => (accountType === 'subscription' ? SUBSCRIPTION_DAILY_LIMIT : SERVICE_MONTHLY_LIMIT);

const iso = (ms) => new Date(ms).toISOString();

/** 45028 when `used` sends already fill the period (scheduled sends hold their slot). */
export function assertAccountQuota(accountType, used) {
  if (used >= accountLimit(accountType)) {
    throw wechatRefused(45028, accountType === 'subscription'
      ? 'has no mass-send quota: a subscription account sends once per day'
      : 'has no mass-send quota: a service account sends 4 times per month');
  }
}

/**
 * Whether WeChat's per-fan monthly limit applies to an account: service accounts only (PRODUCT §4,
 * "service 4/month and each fan at most 4/month"); a subscription account's limit is its send a day.
 */
export const fanLimitApplies = (accountType) => accountType === 'service';

/** Whether a fan of an account of `accountType` who already received `count` mass sends this month is skipped. */
export const isFilteredByFanLimit = (count, accountType) => fanLimitApplies(accountType) && count >= FAN_MONTHLY_LIMIT;

/**
 * Which audiences an account may use: by tag needs a verified account; an openid list a verified
 * service account. The suite refuses before calling WeChat (ACCOUNT_TYPE_UNSUPPORTED, like every
 * feature gated by account type), so the UI can explain it the same way it explains the others.
 * @returns {string | null} the feature name when refused
 */
export function audienceRefusal(account, audience) {
  if (audience.type === 'tag' && !account.verified) return 'Mass send by tag';
  if (audience.type === 'openids' && (account.type !== 'service' || !account.verified)) return 'Mass send to an openid list';
  return null;
}

/**
 * Checks each entry of an openid list: its format, and whether it repeats an earlier entry.
 * @returns {{ valid: string[], invalid: {index: number, openid: string}[], duplicates: {index: number, openid: string, firstIndex: number}[] }}
 */
export function checkOpenidList(openids) {
  const first = new Map();
  const valid = [];
  const invalid = [];
  const duplicates = [];
  openids.forEach((raw, index) => {
    const openid = raw.trim();
    if (!OPENID_PATTERN.test(openid)) invalid.push({ index, openid });
    else if (first.has(openid)) duplicates.push({ index, openid, firstIndex: first.get(openid) });
    else {
      first.set(openid, index);
      valid.push(openid);
    }
  });
  return { valid, invalid, duplicates };
}

/** 400 naming every bad entry (`audience.openids[3]`), or the list's size. */
export function assertOpenidList(openids) {
  const { valid, invalid, duplicates } = checkOpenidList(openids);
  const errors = [
    ...invalid.map((e) => ({ field: `audience.openids[${e.index}]`, message: 'is not a valid openid' })),
    ...duplicates.map((e) => ({ field: `audience.openids[${e.index}]`, message: `duplicates item ${e.firstIndex}` })),
  ];
  if (errors.length) throw validation(errors);
  if (valid.length < OPENID_LIST_MIN || valid.length > OPENID_LIST_MAX) {
    throw fieldError('audience.openids', `must list ${OPENID_LIST_MIN}–${OPENID_LIST_MAX} openids`);
  }
  return valid;
}

/**
 * Host segments have no WeChat counterpart, so the mock gives each a deterministic membership: a fan
 * belongs to segment S when FNV-1a(`S.id:openid`) mod 10,000 < S.size, i.e. about size/10,000 of
 * every account's fans (高价值客户 1,284 → 12.84 %), always the same fans.
 */
export const inSegment = (segment, openid) => hash32(`${segment.id}:${openid}`) % 10_000 < segment.size;

/** `sendAt` must lie after now (mock clock) and within the horizon. */
export function assertSendAt(sendAt, nowMs) {
  const at = Date.parse(sendAt);
  if (Number.isNaN(at)) throw fieldError('sendAt', 'must be an ISO date-time with an offset');
  if (at <= nowMs) throw fieldError('sendAt', 'must be in the future');
  if (at > nowMs + SCHEDULE_HORIZON_DAYS * 86_400_000) throw fieldError('sendAt', `must be within ${SCHEDULE_HORIZON_DAYS} days`);
  return at;
}

/** Text is 1–600 characters of non-blank text; media carry a media id of WeChat's format. */
export function assertContent(content) {
  if (content.type === 'text') {
    if (!content.text.trim()) throw fieldError('content.text', 'must not be blank');
  } else if (!MEDIA_ID_PATTERN.test(content.mediaId)) {
    // That the material exists, is the account's and of this type: services/material-references.mjs.
    throw fieldError('content.mediaId', 'is not a valid media id');
  }
}

/** A one-line summary of the content for lists (text is cut at 60 characters). */
export function contentSummary(content) {
  if (content.type === 'text') return content.text.length > 60 ? `${content.text.slice(0, 60)}…` : content.text;
  return content.title ? `[${content.type}] ${content.title}` : `[${content.type}] ${content.mediaId}`;
}
