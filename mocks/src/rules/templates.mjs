import { fieldError, validation, wechatRefused } from '../lib/problems.mjs';

/**
 * WeChat's template-message rules (PRODUCT §4), as plain functions the routes, the job and the tests
 * call. The UI applies the same rules in `projects/messaging/src/templates/send/template-fields.ts`:
 * change both together.
 *
 * Field values (WeChat's rules since 2023; values are counted in characters, i.e. code points):
 * - every value is required, one line, and at most 20 characters unless its kind allows more;
 * - `thing` ≤ 20 characters of any text;
 * - `number` ≤ 32 digits, optionally with a decimal part;
 * - `amount` money: an optional currency sign (¥ ￥ $ € £), ≤ 10 integer digits, up to 2 decimals,
 *   an optional trailing 元;
 * - `time` a date with a 24-hour time (`2026年11月11日 10:30`, `2026-11-11 10:30`, seconds allowed) or
 *   a time alone (`10:30`); `date` a date (`2026年11月11日`, `2026-11-11`) with an optional time;
 * - `phrase` ≤ 5 Chinese characters only;
 * - `character_string` ≤ 32 letters, digits and ASCII symbols (no spaces);
 * - `phone_number` ≤ 17 digits, `+`, `-` and spaces;
 * - other kinds (`car_number`, `name`, …) ≤ 20 characters.
 * There is no colour and no first/remark line: a data key the template does not have is refused.
 */

/** WeChat's limit of templates an account holds ("template num exceeds limit", 45026). */
export const TEMPLATE_LIMIT = 25;
export const VALUE_MAX = 20;
export const URL_MAX = 1024;
export const OPENID_PATTERN = /^o[A-Za-z0-9_-]{27}$/;
export const OPENID_LIST_MAX = 1_000;
const APPID_PATTERN = /^wx[0-9a-f]{16}$/;

const DATE = String.raw`(\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2}|\d{4}/\d{1,2}/\d{1,2})`;
const TIME = String.raw`([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?`;
const KIND_RULES = {
  thing: { max: 20 },
  number: { max: 32, pattern: /^\d+(\.\d+)?$/, rule: 'number' },
  amount: { max: 20, pattern: /^[¥￥$€£]?\d{1,10}(\.\d{1,2})?元?$/, rule: 'amount' },
  time: { max: 20, pattern: new RegExp(`^(${DATE}\\s*${TIME}|${TIME})$`), rule: 'time' },
  date: { max: 20, pattern: new RegExp(`^${DATE}(\\s*${TIME})?$`), rule: 'date' },
  phrase: { max: 5, pattern: /^\p{Script=Han}+$/u, rule: 'phrase' },
  character_string: { max: 32, pattern: /^[\x21-\x7E]+$/, rule: 'characterString' },
  phone_number: { max: 17, pattern: /^[\d+\- ]+$/, rule: 'phoneNumber' },
};

const MESSAGES = {
  required: 'is required',
  tooLong: (max) => `must be at most ${max} characters`,
  lineBreak: 'must be one line',
  number: 'must be digits (a decimal part is allowed)',
  amount: 'must be an amount of money such as ¥299.00 or 12.5元',
  time: 'must be a 24-hour time such as 2026年11月11日 10:30 or 10:30',
  date: 'must be a date such as 2026年11月11日 or 2026-11-11',
  phrase: 'must be Chinese characters only',
  characterString: 'must be letters, digits or symbols without spaces',
  phoneNumber: 'must be digits, +, - or spaces',
};

/** The fields of a template's content, in order: `{{thing1.DATA}}` → `{ key: 'thing1', kind: 'thing', label: '商品名称' }`. */
export function templateFields(content) {
  const fields = [];
  for (const line of content.split('\n')) {
    for (const match of line.matchAll(/\{\{\s*([A-Za-z_]+?)(\d*)\.DATA\s*\}\}/g)) {
      const before = line.slice(0, match.index).replace(/[：:]\s*$/, '').trim();
      fields.push({ key: `${match[1]}${match[2]}`, kind: match[1], label: before || `${match[1]}${match[2]}` });
    }
  }
  return fields;
}

/** The rule a value breaks, as `{rule, max?}`, or null when WeChat accepts it. */
export function checkFieldValue(kind, value) {
  const rule = KIND_RULES[kind] ?? { max: VALUE_MAX };
  const text = typeof value === 'string' ? value : '';
  if (text.trim() === '') return { rule: 'required' };
  if (/[\r\n]/.test(text)) return { rule: 'lineBreak' };
  if ([...text].length > rule.max) return { rule: 'tooLong', max: rule.max };
  if (rule.pattern && !rule.pattern.test(text.trim())) return { rule: rule.rule };
  return null;
}

const messageOf = (problem) => (problem.rule === 'tooLong' ? MESSAGES.tooLong(problem.max) : MESSAGES[problem.rule]);

/** 400 naming every bad value (`data.thing1.value`) and every key the template does not have (`data.first`). */
export function assertTemplateData(fields, data) {
  const errors = [];
  const known = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(data ?? {})) {
    if (!known.has(key)) errors.push({ field: `data.${key}`, message: 'is not a field of this template' });
  }
  for (const field of fields) {
    const problem = checkFieldValue(field.kind, data?.[field.key]?.value);
    if (problem) errors.push({ field: `data.${field.key}.value`, message: messageOf(problem) });
  }
  if (errors.length) throw validation(errors);
  return Object.fromEntries(fields.map((f) => [f.key, { value: data[f.key].value.trim() }]));
}

/** A link URL (http/https) or a mini-program page, not both; 400 naming the field. */
export function assertLink({ url, miniprogram }) {
  if (url !== undefined && miniprogram !== undefined) throw fieldError('miniprogram', 'cannot be combined with url: choose one link');
  if (url !== undefined) {
    let parsed = null;
    try {
      parsed = new URL(url);
    } catch {
      // Not a URL at all: the same answer as another scheme.
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || url.length > URL_MAX) {
      throw fieldError('url', `must be an http or https URL of at most ${URL_MAX} characters`);
    }
    return { url };
  }
  if (miniprogram !== undefined) {
    if (!APPID_PATTERN.test(miniprogram.appid ?? '')) throw fieldError('miniprogram.appid', 'must be a mini-program appid (wx + 16 hex digits)');
    const pagepath = (miniprogram.pagepath ?? '').trim();
    if (!pagepath || /\s/.test(pagepath)) throw fieldError('miniprogram.pagepath', 'must be a page path such as pages/index/index?id=1');
    return { miniprogram: { appid: miniprogram.appid, pagepath } };
  }
  return {};
}

/** 45026 when the account already holds the maximum of templates. */
export function assertTemplateRoom(count) {
  if (count >= TEMPLATE_LIMIT) throw wechatRefused(45026, `template num exceeds limit: an account holds at most ${TEMPLATE_LIMIT} templates`);
}

/** 400 naming each malformed or repeated openid (`audience.openids[2]`), or the list's size. */
export function assertOpenids(openids) {
  const seen = new Map();
  const errors = [];
  const valid = [];
  openids.forEach((raw, index) => {
    const openid = raw.trim();
    if (!OPENID_PATTERN.test(openid)) errors.push({ field: `audience.openids[${index}]`, message: 'is not a valid openid' });
    else if (seen.has(openid)) errors.push({ field: `audience.openids[${index}]`, message: `duplicates item ${seen.get(openid)}` });
    else {
      seen.set(openid, index);
      valid.push(openid);
    }
  });
  if (errors.length) throw validation(errors);
  if (valid.length < 1 || valid.length > OPENID_LIST_MAX) throw fieldError('audience.openids', `must list 1–${OPENID_LIST_MAX} openids`);
  return valid;
}

/** What a sync changes: WeChat's list is the truth. Both sides are lists of `{templateId}`. */
export function syncDiff(local, remote) {
  const localIds = new Set(local.map((t) => t.templateId));
  const remoteIds = new Set(remote.map((t) => t.templateId));
  return {
    added: remote.filter((t) => !localIds.has(t.templateId)),
    removed: local.filter((t) => !remoteIds.has(t.templateId)),
    unchanged: remote.filter((t) => localIds.has(t.templateId)),
  };
}

/**
 * Whether a fan gets the message, as WeChat answers `message/template/send` per openid.
 * @param {{ subscribed: number, blacklisted: number } | undefined} fan
 * @returns {{ status: 'sent' } | { status: 'failed', errcode: number, reason: 'unknown_openid' | 'unsubscribed' | 'blacklisted' }}
 */
export function deliveryOf(fan) {
  if (!fan) return { status: 'failed', errcode: 40003, reason: 'unknown_openid' };
  if (!fan.subscribed) return { status: 'failed', errcode: 43004, reason: 'unsubscribed' };
  if (fan.blacklisted) return { status: 'failed', errcode: 43019, reason: 'blacklisted' };
  return { status: 'sent' };
}

/** Template messages need a verified service account; the feature name of the refusal otherwise. */
export const templatesRefusal = (account) => (account.type === 'service' && account.verified ? null : 'Template messages');
