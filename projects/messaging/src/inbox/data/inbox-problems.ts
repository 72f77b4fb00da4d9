import { describeProblem, type Problem, type ProblemMessage } from '@wechat-mfe/ui';

/** The window's refusals in the inbox's words (45047 has no shared message); others as the suite words them. */
const INBOX_CODES = ['WECHAT_45015', 'WECHAT_45047'];

export function inboxProblemKey(problem: Problem | null | undefined): ProblemMessage {
  if (problem?.code && INBOX_CODES.includes(problem.code)) return { key: `inbox.problem.${problem.code}`, params: {} };
  return describeProblem(problem);
}
