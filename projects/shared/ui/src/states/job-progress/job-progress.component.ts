import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Problem } from '../../problems/problem';
import { ProblemMessagePipe } from '../../problems/problem-message';

/** The lifecycle of a job of the suite's one job engine (ARCHITECTURE §5). */
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** What `wx-job-progress` shows of a job: status, items done of total, and why it failed. */
export interface JobProgressView {
  readonly status: JobStatus;
  /** `total` is `null` (or missing) while the job does not know it yet, e.g. before WeChat answers. */
  readonly progress: { readonly done: number; readonly total?: number | null };
  readonly error?: Problem | null;
}

/**
 * A long operation's progress (fan sync, mass send, uploads): the translated status, a native
 * progress bar (`.wx-progress`) (determinate once the total is known) and "1,234 / 2,000", which screen readers
 * also get as the bar's `aria-valuetext`. Only the status is a live region: announcing every
 * tick of the count would drown everything else.
 */
@Component({
  selector: 'wx-job-progress',
  imports: [TranslocoPipe, ProblemMessagePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'wx-job-progress', '[attr.data-status]': 'job().status' },
  template: `
    @let count = (total() === null ? 'ui.job.countUnknown' : 'ui.job.count') | transloco: counts();
    <div class="wx-job-line">
      <span class="wx-job-status" role="status">{{ 'ui.job.status.' + job().status | transloco }}</span>
      <span class="wx-job-count">{{ count }}</span>
    </div>
    <progress
      class="wx-progress"
      max="100"
      [attr.value]="mode() === 'determinate' ? percent() : null"
      [attr.aria-label]="label() ?? ('ui.job.progress' | transloco)"
      [attr.aria-valuetext]="count"
    ></progress>
    @if (job().status === 'failed') {
      @let message = job().error | problemMessage;
      <p class="wx-job-error" role="alert">{{ message.key | transloco: message.params }}</p>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
    }
    .wx-job-line {
      display: flex;
      justify-content: space-between;
      gap: 1rem;
      font: var(--mat-sys-body-medium);
    }
    .wx-job-count {
      color: var(--mat-sys-on-surface-variant);
      font-variant-numeric: tabular-nums;
    }
    .wx-job-error {
      margin: 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class JobProgress {
  /** The job to show. */
  readonly job = input.required<JobProgressView>();
  /** Already translated accessible name of the bar (defaults to "任务进度"), e.g. "粉丝同步进度". */
  readonly label = input<string>();

  private readonly transloco = inject(TranslocoService);
  // Digits are grouped per the UI language; zh-CN and en both write "1,234".
  private readonly lang = toSignal(this.transloco.langChanges$, { initialValue: this.transloco.getActiveLang() });
  private readonly numberFormat = computed(() => new Intl.NumberFormat(this.lang()));

  protected readonly total = computed(() => {
    const total = this.job().progress.total;
    return typeof total === 'number' && total > 0 ? total : null;
  });

  /** Indeterminate only while running towards an unknown total; a waiting job does not move. */
  protected readonly mode = computed(() =>
    this.total() === null && this.job().status === 'running' ? 'indeterminate' : 'determinate',
  );

  /** Whole percent, rounded down so 99.6 % never shows as done. */
  protected readonly percent = computed(() => {
    const total = this.total();
    if (total === null) return this.job().status === 'succeeded' ? 100 : 0;
    return Math.min(100, Math.floor((this.job().progress.done / total) * 100));
  });

  /** The numbers of "1,234 / 2,000", formatted for the UI language. */
  protected readonly counts = computed(() => {
    const format = this.numberFormat();
    const total = this.total();
    return { done: format.format(this.job().progress.done), total: total === null ? '' : format.format(total) };
  });
}
