import { Injectable, inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import { toProblem } from '@wechat-mfe/ui';
import { EMPTY, catchError, exhaustMap, forkJoin, from, map, merge, of, switchMap, takeUntil, withLatestFrom } from 'rxjs';
import type { Job } from '@wechat-mfe/suite-api';
import { FanSyncApi } from './fan-sync-api';
import { FanSyncApiActions, FanSyncPanelActions, fanSyncFeature } from './fan-sync.store';

/**
 * The user's last finished sync job, when it tells the run's story: a failed job while the run
 * is unfinished, a succeeded one once it is finished (another user's later run may differ).
 */
function lastOutcome(job: Job | null, resumable: boolean): Job | null {
  if (!job) return null;
  if (job.status === 'failed' || job.status === 'cancelled') return resumable ? job : null;
  return job.status === 'succeeded' && !resumable ? job : null;
}

@Injectable()
export class FanSyncEffects {
  private readonly actions$ = inject(Actions);
  private readonly store = inject(Store);
  private readonly api = inject(FanSyncApi);

  /**
   * On open, asks where the account's sync stands: its last run (resumable?) and the user's
   * running sync job (`GET /api/jobs?active=true`), so a sync started before a navigation or a
   * reload is found and followed again; else the user's last sync job, so its error or result
   * is still shown after a reload.
   */
  readonly open$ = createEffect(() =>
    this.actions$.pipe(
      ofType(FanSyncPanelActions.opened),
      switchMap(({ appid }) =>
        forkJoin({ state: from(this.api.state(appid)), running: this.api.running(appid), latest: from(this.api.latest(appid)) }).pipe(
          map(({ state, running, latest }) =>
            FanSyncApiActions.stateLoaded({ appid, run: state.run, job: running ?? lastOutcome(latest, state.run?.resumable === true) }),
          ),
          catchError((error: unknown) => of(FanSyncApiActions.stateFailed({ appid, problem: toProblem(error) }))),
        ),
      ),
    ),
  );

  /** One start at a time; the server answers a new, resumed or already running job. */
  readonly start$ = createEffect(() =>
    this.actions$.pipe(
      ofType(FanSyncPanelActions.syncClicked),
      withLatestFrom(this.store.select(fanSyncFeature.selectFanSyncState)),
      exhaustMap(([, { appid, phase }]) =>
        !appid || phase !== 'starting'
          ? EMPTY
          : from(this.api.start(appid)).pipe(
              map((jobId) => FanSyncApiActions.started({ appid, jobId })),
              catchError((error: unknown) => of(FanSyncApiActions.startFailed({ appid, problem: toProblem(error) }))),
            ),
      ),
    ),
  );

  /** Follows the job until it finishes, the control closes or another account is opened. */
  readonly watch$ = createEffect(() =>
    merge(
      this.actions$.pipe(ofType(FanSyncApiActions.started)),
      this.actions$.pipe(
        ofType(FanSyncApiActions.stateLoaded),
        map(({ appid, job }) => (job && (job.status === 'queued' || job.status === 'running') ? { appid, jobId: job.id } : null)),
      ),
      this.actions$.pipe(ofType(FanSyncPanelActions.opened), map(() => null)),
    ).pipe(
      switchMap((follow) =>
        !follow
          ? EMPTY
          : this.api.watch(follow.jobId).pipe(
              map((job) => FanSyncApiActions.jobUpdated({ appid: follow.appid, job })),
              catchError((error: unknown) => of(FanSyncApiActions.watchFailed({ appid: follow.appid, problem: toProblem(error) }))),
              takeUntil(this.actions$.pipe(ofType(FanSyncPanelActions.closed))),
            ),
      ),
    ),
  );
}
