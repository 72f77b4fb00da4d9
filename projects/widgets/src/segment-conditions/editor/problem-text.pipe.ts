import { Pipe, PipeTransform, inject } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { problemsAt, type SegmentProblem } from '../model';

/**
 * The translated problem of one field (`'root.children[0]' | problemOf: problems : 'match.text'`), or
 * null. Impure on purpose: it must follow the language as well as the problems.
 */
@Pipe({ name: 'problemOf', pure: false })
export class ProblemOfPipe implements PipeTransform {
  private readonly transloco = inject(TranslocoService);

  transform(path: string, problems: readonly SegmentProblem[], field?: string): string | null {
    const target = field ? `${path}.${field}` : path;
    const problem = problemsAt(problems, path).find((p) => p.path === target);
    return problem ? this.transloco.translate(`segment.problem.${problem.key}`, problem.params ?? {}) : null;
  }
}
