import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, output, untracked } from '@angular/core';
import { DecimalPipe } from '@angular/common';
import { Store } from '@ngrx/store';
import { TranslocoPipe } from '@jsverse/transloco';
import { JobProgress, ProblemMessagePipe } from '@wechat-mfe/ui';
import type { FanSyncResult } from './fan-sync-api';
import { FanSyncPanelActions, fanSyncFeature } from './fan-sync.store';

let nextPanelId = 0;

/**
 * "Sync WeChat fans" for one account: the button (it says "Resume" when the server holds an
 * unfinished run), the job's progress, a failure's mapped message and the result. Used on
 * /wechat/fans and /host/contacts.
 */
@Component({
  selector: 'wx-fan-sync-panel',
  imports: [TranslocoPipe, ProblemMessagePipe, JobProgress, DecimalPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './fan-sync-panel.html',
  styleUrl: './fan-sync-panel.scss',
})
export class FanSyncPanel {
  /** Unique per instance: the section is labelled by its heading. */
  protected readonly headingId = `fan-sync-heading-${++nextPanelId}`;
  /** The account to sync. */
  readonly appid = input.required<string>();
  /** Its name, shown in the heading where the page lists several accounts. */
  readonly accountName = input<string>();
  /** Emits the result once a sync followed here succeeds (e.g. to reload a list). */
  readonly synced = output<FanSyncResult>();

  private readonly store = inject(Store);
  protected readonly phase = this.store.selectSignal(fanSyncFeature.selectPhase);
  protected readonly progress = this.store.selectSignal(fanSyncFeature.selectProgress);
  protected readonly resumable = this.store.selectSignal(fanSyncFeature.selectResumable);
  protected readonly stoppedRun = this.store.selectSignal(fanSyncFeature.selectStoppedRun);
  protected readonly result = this.store.selectSignal(fanSyncFeature.selectResult);
  protected readonly busy = this.store.selectSignal(fanSyncFeature.selectBusy);
  private readonly problem = this.store.selectSignal(fanSyncFeature.selectProblem);
  private readonly job = this.store.selectSignal(fanSyncFeature.selectJob);
  /** A problem the progress does not show already (a refused start, a lost connection). */
  protected readonly otherProblem = computed(() => {
    const problem = this.problem();
    return problem && !(this.job()?.status === 'failed' && this.job()?.error === problem) ? problem : null;
  });

  constructor() {
    effect(() => {
      const appid = this.appid();
      untracked(() => this.store.dispatch(FanSyncPanelActions.opened({ appid })));
    });
    let announced: unknown = null;
    effect(() => {
      const result = this.result();
      if (result && result !== announced) {
        announced = result;
        untracked(() => this.synced.emit(result));
      }
    });
    inject(DestroyRef).onDestroy(() => this.store.dispatch(FanSyncPanelActions.closed()));
  }

  protected sync(): void {
    this.store.dispatch(FanSyncPanelActions.syncClicked());
  }
}
