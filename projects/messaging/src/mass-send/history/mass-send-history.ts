import { ChangeDetectionStrategy, Component, ElementRef, OnDestroy, OnInit, inject, input, signal } from '@angular/core';
import { DatePipe, DecimalPipe } from '@angular/common';
import { Store } from '@ngrx/store';
import { TranslocoPipe } from '@jsverse/transloco';
import { EmptyState, ErrorState, JobProgress, LoadingState, ProblemMessagePipe, toProblem, type JobProgressView, type Problem } from '@wechat-mfe/ui';
import { MassSendApi, type MassSend } from '../mass-send-api';
import { MassSendHistoryPageActions, massSendHistoryFeature } from './mass-send-history.store';
import { MassSendAudienceLabel, MassSendContentSummary } from './mass-send-labels';

/**
 * The account's sends, newest first, paged on the server: status updated live (job progress and
 * WeChat's results over the event stream, polling while something is scheduled or sending), cancel
 * for a scheduled send after an inline confirmation, and a per-send detail panel.
 */
@Component({
  selector: 'wx-mass-send-history',
  imports: [DatePipe, DecimalPipe, TranslocoPipe, EmptyState, ErrorState, LoadingState, JobProgress, ProblemMessagePipe, MassSendAudienceLabel, MassSendContentSummary],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './mass-send-history.html',
  styleUrl: './mass-send-history.scss',
})
export class MassSendHistory implements OnInit, OnDestroy {
  /** The account whose sends are shown. */
  readonly appid = input.required<string>();

  private readonly store = inject(Store);
  private readonly api = inject(MassSendApi);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  protected readonly sends = this.store.selectSignal(massSendHistoryFeature.selectSends);
  protected readonly status = this.store.selectSignal(massSendHistoryFeature.selectStatus);
  protected readonly problem = this.store.selectSignal(massSendHistoryFeature.selectProblem);
  protected readonly page = this.store.selectSignal(massSendHistoryFeature.selectPage);
  protected readonly offset = this.store.selectSignal(massSendHistoryFeature.selectOffset);
  protected readonly limit = this.store.selectSignal(massSendHistoryFeature.selectLimit);

  /** The send whose cancellation waits for confirmation, whether it is underway, and what went wrong. */
  protected readonly confirming = signal<number | null>(null);
  protected readonly cancelling = signal(false);
  protected readonly cancelProblem = signal<Problem | null>(null);
  protected readonly detailOf = signal<number | null>(null);

  ngOnInit(): void {
    this.store.dispatch(MassSendHistoryPageActions.opened());
  }

  ngOnDestroy(): void {
    this.store.dispatch(MassSendHistoryPageActions.closed());
  }

  protected goTo(offset: number): void {
    this.store.dispatch(MassSendHistoryPageActions.pageChanged({ offset: Math.max(0, offset) }));
  }

  protected retry(): void {
    this.store.dispatch(MassSendHistoryPageActions.retried());
  }

  protected toggleDetail(send: MassSend): void {
    this.detailOf.set(this.detailOf() === send.id ? null : send.id);
  }

  /** "Keep it": closes the confirmation and gives the focus back to the button that opened it. */
  protected keep(send: MassSend): void {
    this.confirming.set(null);
    this.host.nativeElement.querySelector<HTMLElement>(`#mass-send-${send.id}-cancel`)?.focus();
  }

  protected async cancel(send: MassSend): Promise<void> {
    this.cancelling.set(true);
    this.cancelProblem.set(null);
    try {
      const cancelled = await this.api.cancel(this.appid(), send.id);
      this.confirming.set(null);
      this.store.dispatch(MassSendHistoryPageActions.sendCancelled({ massSend: cancelled }));
    } catch (error) {
      this.cancelProblem.set(toProblem(error));
      // It may have started meanwhile: show the current state.
      this.store.dispatch(MassSendHistoryPageActions.retried());
    } finally {
      this.cancelling.set(false);
    }
  }

  /** The send's job as `wx-job-progress` shows it; null when there is nothing to show. */
  protected jobView(send: MassSend): JobProgressView | null {
    if (send.status !== 'sending' || !send.progress) return null;
    return { status: 'running', progress: send.progress };
  }
}
