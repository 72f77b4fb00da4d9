import { Pipe, PipeTransform } from '@angular/core';
import { describeProblem, type Problem, type ProblemMessage } from '@wechat-mfe/ui';

/**
 * WeChat's tag, tagging and blacklist errors have messages of this module (`fanProblems.<code>`);
 * every other problem keeps the shared message.
 */
export const FAN_PROBLEM_CODES = [
  'WECHAT_40003',
  'WECHAT_40032',
  'WECHAT_45056',
  'WECHAT_45057',
  'WECHAT_45058',
  'WECHAT_45059',
  'WECHAT_45157',
  'WECHAT_45158',
] as const;

const OWN = new Set<string>(FAN_PROBLEM_CODES);

export function describeFanProblem(problem: Problem | null | undefined): ProblemMessage {
  const code = problem?.code;
  if (code && OWN.has(code)) return { key: `fanProblems.${code}`, params: {} };
  // A field error of ours ("name", "remark") reads better than "the request is not valid".
  const field = problem?.code === 'VALIDATION' ? problem.errors?.[0]?.field : undefined;
  if (field === 'name' || field === 'remark') return { key: `fanProblems.VALIDATION_${field}`, params: {} };
  return describeProblem(problem);
}

/** `problem | fanProblem` → `{key, params}` for the transloco pipe. */
@Pipe({ name: 'fanProblem' })
export class FanProblemPipe implements PipeTransform {
  transform(problem: Problem | null | undefined): ProblemMessage {
    return describeFanProblem(problem);
  }
}
