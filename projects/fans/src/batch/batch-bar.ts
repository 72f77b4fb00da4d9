import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { DecimalPipe } from '@angular/common';
import { Store } from '@ngrx/store';
import { TranslocoPipe } from '@jsverse/transloco';
import { toProblem, type Problem } from '@wechat-mfe/ui';
import { FanActionsApi } from '../data/fan-actions-api';
import { FanProblemPipe } from '../data/fan-problems';
import { TagDirectory } from '../tags/tag-directory';
import { FanListPageActions, SELECT_ALL_CAP } from '../list/fan-list.store';
import {
  BLACKLIST_CHUNK, TAGGING_CHUNK, batchCounts, cancelBatch, failedChunks, planBatch, retryRest, runBatch, type BatchPlan,
} from './batch-plan';

/** What a batch does to each fan of the selection. */
export type BatchKind = 'tag' | 'untag' | 'blacklist' | 'unblacklist';

interface Run {
  /** Tells a run from the next one: a call of a dismissed run must not land in a new one. */
  readonly id: number;
  readonly kind: BatchKind;
  readonly appid: string;
  readonly tagId: number | null;
  readonly tagName: string | null;
  readonly plan: BatchPlan;
}

/** Rejected openids shown by name before "and N more". */
const SHOWN_REJECTED = 10;

/**
 * The selection's count, "select all matching", and the batch actions over the selection:
 * (un)tag in calls of 50, (un)blacklist in calls of 20, with progress, cancel, the failed calls
 * and refused fans named, and "retry the rest" that never sends a finished call again.
 */
@Component({
  selector: 'wx-fan-batch-bar',
  imports: [DecimalPipe, TranslocoPipe, FanProblemPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './batch-bar.html',
  styleUrl: './batch-bar.scss',
})
export class FanBatchBar {
  readonly appid = input.required<string>();
  readonly selection = input.required<readonly string[]>();
  /** Fans matching the filter (null while unknown). */
  readonly matching = input<number | null>(null);
  readonly selecting = input(false);
  readonly selectionProblem = input<Problem | null>(null);

  private readonly store = inject(Store);
  private readonly api = inject(FanActionsApi);
  protected readonly directory = inject(TagDirectory);
  protected readonly cap = SELECT_ALL_CAP;
  protected readonly shownRejected = SHOWN_REJECTED;

  protected readonly tagId = signal<number | null>(null);
  private runs = 0;
  protected readonly run = signal<Run | null>(null);
  protected readonly counts = computed(() => {
    const run = this.run();
    return run ? batchCounts(run.plan) : null;
  });
  protected readonly percent = computed(() => {
    const c = this.counts();
    return c && c.total ? Math.floor(((c.succeeded + c.rejected) / c.total) * 100) : 0;
  });
  protected readonly failed = computed(() => {
    const run = this.run();
    return run ? failedChunks(run.plan) : [];
  });
  protected readonly busy = computed(() => this.run()?.plan.status === 'running');
  protected readonly allSelected = computed(() => {
    const matching = this.matching();
    return matching !== null && this.selection().length >= Math.min(matching, SELECT_ALL_CAP);
  });

  constructor() {
    // Another account: a run of the previous one stops before its next call.
    effect(() => {
      this.appid();
      untracked(() => this.run.update((run) => (run ? { ...run, plan: cancelBatch(run.plan) } : run)));
    });
    // The chosen tag may have been deleted in the tag manager.
    effect(() => {
      const ids = this.directory.tags().map((t) => t.id);
      untracked(() => this.tagId() !== null && !ids.includes(this.tagId()!) && this.tagId.set(null));
    });
  }

  protected selectAll(): void {
    this.store.dispatch(FanListPageActions.allMatchingRequested());
  }

  protected clear(): void {
    this.store.dispatch(FanListPageActions.selectionCleared());
  }

  protected chooseTag(value: string): void {
    this.tagId.set(value === '' ? null : Number(value));
  }

  protected start(kind: BatchKind): void {
    // One run at a time; the buttons stay enabled (and focused) while it runs.
    if (this.busy()) return;
    const tagId = kind === 'tag' || kind === 'untag' ? this.tagId() : null;
    if ((kind === 'tag' || kind === 'untag') && tagId === null) return;
    const size = tagId === null ? BLACKLIST_CHUNK : TAGGING_CHUNK;
    const tagName = tagId === null ? null : (this.directory.names().get(tagId) ?? String(tagId));
    this.run.set({ id: ++this.runs, kind, appid: this.appid(), tagId, tagName, plan: planBatch(this.selection(), size) });
    void this.drive();
  }

  protected retry(): void {
    const run = this.run();
    if (!run || run.plan.status !== 'paused') return;
    this.run.set({ ...run, plan: retryRest(run.plan) });
    void this.drive();
  }

  protected cancel(): void {
    this.run.update((run) => (run ? { ...run, plan: cancelBatch(run.plan) } : run));
  }

  protected dismiss(): void {
    this.run.set(null);
  }

  private async drive(): Promise<void> {
    const started = this.run()!;
    const { id, kind, appid, tagId } = started;
    const call = (openids: readonly string[]) =>
      tagId !== null
        ? this.api.tagFans(appid, tagId, openids, kind === 'tag')
        : this.api.blacklist(appid, openids, kind === 'blacklist');
    // Once dismissed (or replaced), this run reads as cancelled and writes nowhere.
    const current = () => {
      const run = this.run();
      return run?.id === id ? run.plan : cancelBatch(started.plan);
    };
    const update = (plan: BatchPlan) => this.run.update((run) => (run?.id === id ? { ...run, plan } : run));
    await runBatch(current, update, call, toProblem);
    // Whatever happened, some fans may have changed: the rows and the tag counts are read again.
    this.store.dispatch(FanListPageActions.fansChanged());
    void this.directory.reload();
  }
}
