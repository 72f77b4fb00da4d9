import { Injectable, computed, inject, signal } from '@angular/core';
import { toProblem, type Problem } from '@wechat-mfe/ui';
import { FanActionsApi, type FanTag } from '../data/fan-actions-api';

/**
 * The selected account's tags with their fan counts, shared by the filter, the batch bar, the
 * fan detail and the tag manager of one fans page (provided by the list), so a change made in
 * one place shows in all of them.
 */
@Injectable()
export class TagDirectory {
  private readonly api = inject(FanActionsApi);
  private readonly state = signal<{ appid: string | null; tags: readonly FanTag[]; limit: number }>({ appid: null, tags: [], limit: 100 });
  private abort: AbortController | null = null;

  readonly tags = computed(() => this.state().tags);
  readonly limit = computed(() => this.state().limit);
  readonly names = computed(() => new Map(this.tags().map((t) => [t.id, t.name])));
  /** Why the last load failed (the tag manager offers a retry); null once tags arrived. */
  readonly problem = signal<Problem | null>(null);

  /** Loads the account's tags; a previous account's answer never lands. */
  load(appid: string): Promise<void> {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    if (this.state().appid !== appid) this.state.set({ appid, tags: [], limit: 100 });
    return this.api.tags(appid, abort.signal).then(
      (list) => {
        if (abort.signal.aborted) return;
        this.state.set({ appid, tags: list.items, limit: list.limit });
        this.problem.set(null);
      },
      (error: unknown) => {
        if (!abort.signal.aborted) this.problem.set(toProblem(error));
      },
    );
  }

  reload(): Promise<void> {
    const appid = this.state().appid;
    return appid ? this.load(appid) : Promise.resolve();
  }
}
