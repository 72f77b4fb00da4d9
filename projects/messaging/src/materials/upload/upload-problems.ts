import { describeProblem, type Problem, type ProblemMessage } from '@wechat-mfe/ui';

/** WeChat's material refusals, worded for an upload (45009 means the permanent limit here, not a daily quota). */
const UPLOAD_CODES = ['WECHAT_40005', 'WECHAT_40006', 'WECHAT_40007', 'WECHAT_45001', 'WECHAT_45007', 'WECHAT_45009'];

/** The message of a refused upload or article save: ours for WeChat's material codes, else the shared one. */
export function uploadProblemKey(problem: Problem | null | undefined): ProblemMessage {
  if (problem?.code && UPLOAD_CODES.includes(problem.code)) return { key: `materials.problem.${problem.code}`, params: {} };
  return describeProblem(problem);
}
