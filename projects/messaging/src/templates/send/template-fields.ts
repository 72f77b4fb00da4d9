/**
 * WeChat's template-message rules on the client, so the form explains a value before the server
 * refuses it. The mock applies the same rules (`mocks/src/rules/templates.mjs`, which documents them):
 * change both together. Values are counted in characters (code points), as WeChat counts them.
 */

/** What is wrong with one value: a translation key under `templates.rule.` and its parameters. */
export interface FieldProblem {
  readonly rule: 'required' | 'lineBreak' | 'tooLong' | 'number' | 'amount' | 'time' | 'date' | 'phrase' | 'characterString' | 'phoneNumber';
  readonly max?: number;
}

export const VALUE_MAX = 20;
export const URL_MAX = 1024;
const OPENID_PATTERN = /^o[A-Za-z0-9_-]{27}$/;
const APPID_PATTERN = /^wx[0-9a-f]{16}$/;

const DATE = String.raw`(\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2}|\d{4}/\d{1,2}/\d{1,2})`;
const TIME = String.raw`([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?`;

interface KindRule {
  readonly max: number;
  readonly pattern?: RegExp;
  readonly rule?: FieldProblem['rule'];
}

const KIND_RULES: Readonly<Record<string, KindRule>> = {
  thing: { max: 20 },
  number: { max: 32, pattern: /^\d+(\.\d+)?$/, rule: 'number' },
  amount: { max: 20, pattern: /^[¥￥$€£]?\d{1,10}(\.\d{1,2})?元?$/, rule: 'amount' },
  time: { max: 20, pattern: new RegExp(`^(${DATE}\\s*${TIME}|${TIME})$`), rule: 'time' },
  date: { max: 20, pattern: new RegExp(`^${DATE}(\\s*${TIME})?$`), rule: 'date' },
  phrase: { max: 5, pattern: /^\p{Script=Han}+$/u, rule: 'phrase' },
  character_string: { max: 32, pattern: /^[\x21-\x7E]+$/, rule: 'characterString' },
  phone_number: { max: 17, pattern: /^[\d+\- ]+$/, rule: 'phoneNumber' },
};

/** The most characters a field of this kind takes. */
export const maxLengthOf = (kind: string): number => (KIND_RULES[kind] ?? { max: VALUE_MAX }).max;

/** Characters as WeChat counts them (an emoji is one). */
export const characterCount = (value: string): number => [...value].length;

/** The rule a value breaks, or null when WeChat accepts it. */
export function checkFieldValue(kind: string, value: string): FieldProblem | null {
  const rule = KIND_RULES[kind] ?? { max: VALUE_MAX };
  if (value.trim() === '') return { rule: 'required' };
  if (/[\r\n]/.test(value)) return { rule: 'lineBreak' };
  if (characterCount(value) > rule.max) return { rule: 'tooLong', max: rule.max };
  if (rule.pattern && rule.rule && !rule.pattern.test(value.trim())) return { rule: rule.rule };
  return null;
}

/** The link of a send as the form holds it. */
export interface LinkInput {
  readonly kind: 'none' | 'url' | 'miniprogram';
  readonly url: string;
  readonly appid: string;
  readonly pagepath: string;
}

export type LinkProblems = Partial<Record<'url' | 'miniprogram.appid' | 'miniprogram.pagepath', 'url' | 'appid' | 'pagepath'>>;

/** A URL must be http(s); a mini-program page needs its appid and a path. The form offers one or the other, never both. */
export function checkLink(link: LinkInput): LinkProblems {
  if (link.kind === 'url') {
    let protocol = '';
    try {
      protocol = new URL(link.url.trim()).protocol;
    } catch {
      // Not a URL: the same message as another scheme.
    }
    return protocol === 'http:' || protocol === 'https:' ? (link.url.trim().length > URL_MAX ? { url: 'url' } : {}) : { url: 'url' };
  }
  if (link.kind === 'miniprogram') {
    const problems: LinkProblems = {};
    if (!APPID_PATTERN.test(link.appid.trim())) problems['miniprogram.appid'] = 'appid';
    if (!link.pagepath.trim() || /\s/.test(link.pagepath.trim())) problems['miniprogram.pagepath'] = 'pagepath';
    return problems;
  }
  return {};
}

/** The link part of the request body. */
export function linkBody(link: LinkInput): { url?: string; miniprogram?: { appid: string; pagepath: string } } {
  if (link.kind === 'url') return { url: link.url.trim() };
  if (link.kind === 'miniprogram') return { miniprogram: { appid: link.appid.trim(), pagepath: link.pagepath.trim() } };
  return {};
}

/** Openids pasted one per line (or separated by commas/spaces): the valid ones, and the lines that are not openids. */
export function parseOpenids(text: string): { openids: string[]; invalid: string[] } {
  const entries = text.split(/[\s,，;]+/).map((e) => e.trim()).filter(Boolean);
  const openids = [...new Set(entries.filter((e) => OPENID_PATTERN.test(e)))];
  return { openids, invalid: entries.filter((e) => !OPENID_PATTERN.test(e)) };
}

/**
 * The values of every field of a template by key, and the problem of each, for the form and the
 * preview: `{ thing1: { rule: 'tooLong', max: 20 } }`.
 */
export function checkTemplateValues(fields: readonly { key: string; kind: string }[], values: Readonly<Record<string, string>>): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  for (const field of fields) {
    const problem = checkFieldValue(field.kind, values[field.key] ?? '');
    if (problem) problems[field.key] = problem;
  }
  return problems;
}

/** The server's field name (`data.thing1.value`) → the form's field key (`thing1`). */
export const fieldKeyOfServerError = (field: string): string | null => /^data\.([A-Za-z_]+\d*)(\.value)?$/.exec(field)?.[1] ?? null;
