import { Pipe, PipeTransform } from '@angular/core';
import { describeProblem, type Problem, type ProblemMessage } from '@wechat-mfe/ui';

/** WeChat codes only template messages meet; their messages live in this page's translations. */
const TEMPLATE_CODES = new Set(['WECHAT_45026', 'WECHAT_40037', 'WECHAT_43004', 'WECHAT_43019', 'WECHAT_40003']);

/** Like `problemMessage`, with the template-message codes translated by this page. */
@Pipe({ name: 'templateProblem' })
export class TemplateProblemPipe implements PipeTransform {
  transform(problem: Problem | null | undefined): ProblemMessage {
    return problem?.code && TEMPLATE_CODES.has(problem.code) ? { key: `templates.problem.${problem.code}`, params: {} } : describeProblem(problem);
  }
}
