import { Pipe, PipeTransform } from '@angular/core';
import { Problem } from './problem';

/** A translation key plus its parameters, ready for `{{ m.key | transloco: m.params }}`. */
export interface ProblemMessage {
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/** The codes with a message of their own (ARCHITECTURE §5, PRODUCT §4). */
export const KNOWN_PROBLEM_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN_ROLE',
  'FORBIDDEN_ACCOUNT',
  'ACCOUNT_TYPE_UNSUPPORTED',
  'NOT_FOUND',
  'CONFLICT',
  'STALE',
  'WECHAT_STILL_AUTHORIZED',
  'MOCK_FAULT',
  'NETWORK',
  'TIMEOUT',
  'WECHAT_40007',
  'WECHAT_40016',
  'WECHAT_40017',
  'WECHAT_40018',
  'WECHAT_40025',
  'WECHAT_45009',
  'WECHAT_45015',
  'WECHAT_45028',
  'WECHAT_45065',
  'WECHAT_48001',
  'WECHAT_48003',
] as const;

const KNOWN = new Set<string>(KNOWN_PROBLEM_CODES);
const WECHAT_CODE = /^WECHAT_(-?\d+)$/;

/**
 * The translated message for a problem: its code's own message, a generic "WeChat refused the
 * request (errcode N)" for other WeChat codes, else a generic message naming the HTTP status.
 */
export function describeProblem(problem: Problem | null | undefined): ProblemMessage {
  const code = problem?.code;
  if (code && KNOWN.has(code)) return { key: `ui.problem.${code}`, params: {} };
  const wechat = code ? WECHAT_CODE.exec(code) : null;
  if (wechat) return { key: 'ui.problem.wechatOther', params: { errcode: Number(wechat[1]) } };
  if (problem?.status) return { key: 'ui.problem.unknownStatus', params: { status: problem.status } };
  return { key: 'ui.problem.unknown', params: {} };
}

/** The translation key of a problem's message (see `describeProblem` for its parameters). */
export function problemMessageKey(problem: Problem | null | undefined): string {
  return describeProblem(problem).key;
}

/**
 * `problem | problemMessage` gives `{key, params}` for the transloco pipe; pure, so it runs again
 * only when the problem object changes (the transloco pipe handles language switches):
 * `@let m = problem | problemMessage; {{ m.key | transloco: m.params }}`.
 */
@Pipe({ name: 'problemMessage' })
export class ProblemMessagePipe implements PipeTransform {
  transform(problem: Problem | null | undefined): ProblemMessage {
    return describeProblem(problem);
  }
}
