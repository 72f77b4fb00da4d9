import { createActionGroup, createFeature, createReducer, createSelector, emptyProps, on, props } from '@ngrx/store';
import type { Job } from '@wechat-mfe/suite-api';
import type { JobProgressView, Problem } from '@wechat-mfe/ui';
import type { FanSyncResult, FanSyncRun } from './fan-sync-api';

/** What the "Sync WeChat fans" control does. */
export const FanSyncPanelActions = createActionGroup({
  source: 'Fan Sync Panel',
  events: {
    Opened: props<{ appid: string }>(),
    /** The control left the page: stop following the job (it keeps running on the server). */
    Closed: emptyProps(),
    /** "Sync WeChat fans" or "Resume": the server decides, from its cursor, which it is. */
    'Sync Clicked': emptyProps(),
  },
});

/** Answers of the suite API about the sync of `appid`. */
export const FanSyncApiActions = createActionGroup({
  source: 'Fan Sync API',
  events: {
    'State Loaded': props<{ appid: string; run: FanSyncRun | null; job: Job | null }>(),
    'State Failed': props<{ appid: string; problem: Problem }>(),
    Started: props<{ appid: string; jobId: string }>(),
    'Start Failed': props<{ appid: string; problem: Problem }>(),
    'Job Updated': props<{ appid: string; job: Job }>(),
    'Watch Failed': props<{ appid: string; problem: Problem }>(),
  },
});

export type FanSyncPhase = 'loading' | 'idle' | 'starting' | 'running' | 'failed' | 'succeeded';

export interface FanSyncSliceState {
  readonly appid: string | null;
  readonly phase: FanSyncPhase;
  /** The latest snapshot of the sync job this control follows. */
  readonly job: Job | null;
  /** The server's last run of the account (before any job was followed here). */
  readonly run: FanSyncRun | null;
  /** Why the last start or sync failed (a refused start keeps the last job's progress on screen). */
  readonly problem: Problem | null;
}

export const initialFanSyncState: FanSyncSliceState = { appid: null, phase: 'loading', job: null, run: null, problem: null };

const ofAccount = (state: FanSyncSliceState, appid: string) => state.appid === appid;

/** A job snapshot → the phase it puts the control in. */
function phaseOf(job: Job): FanSyncPhase {
  switch (job.status) {
    case 'succeeded':
      return 'succeeded';
    case 'failed':
    case 'cancelled':
      return 'failed';
    default:
      return 'running';
  }
}

export const fanSyncFeature = createFeature({
  name: 'fanSync',
  reducer: createReducer(
    initialFanSyncState,
    on(FanSyncPanelActions.opened, (state, { appid }) => (state.appid === appid && state.phase !== 'loading' ? state : { ...initialFanSyncState, appid })),
    on(FanSyncApiActions.stateLoaded, (state, { appid, run, job }) => {
      if (!ofAccount(state, appid)) return state;
      if (job) return { ...state, run, job, phase: phaseOf(job), problem: null };
      return { ...state, run, job: null, phase: run?.status === 'failed' ? 'failed' : 'idle', problem: null };
    }),
    on(FanSyncApiActions.stateFailed, (state, { appid, problem }) => (ofAccount(state, appid) ? { ...state, phase: 'idle', problem } : state)),
    on(FanSyncPanelActions.syncClicked, (state) =>
      state.phase === 'running' || state.phase === 'starting' || state.phase === 'loading' ? state : { ...state, phase: 'starting', problem: null },
    ),
    on(FanSyncApiActions.started, (state, { appid }) => (ofAccount(state, appid) ? { ...state, phase: 'running' } : state)),
    on(FanSyncApiActions.startFailed, (state, { appid, problem }) =>
      ofAccount(state, appid) ? { ...state, phase: state.job ? phaseOf(state.job) : state.run?.resumable ? 'failed' : 'idle', problem } : state,
    ),
    on(FanSyncApiActions.jobUpdated, (state, { appid, job }) =>
      ofAccount(state, appid) ? { ...state, job, phase: phaseOf(job), problem: job.status === 'failed' ? (job.error ?? null) : null } : state,
    ),
    // Progress stays on screen; the next click asks the server again.
    on(FanSyncApiActions.watchFailed, (state, { appid, problem }) => (ofAccount(state, appid) ? { ...state, phase: 'failed', problem } : state)),
  ),
  extraSelectors: ({ selectPhase, selectJob, selectRun }) => ({
    /** What `wx-job-progress` shows: the followed job, else an unfinished run of an earlier visit. */
    selectProgress: createSelector(selectJob, selectRun, selectPhase, (job, run, phase): JobProgressView | null => {
      if (job) return { status: job.status, progress: { done: job.progress.done, total: job.progress.total || null }, error: job.error };
      if (phase === 'starting') return { status: 'queued', progress: { done: run?.resumable ? run.done : 0, total: run?.resumable ? run.total || null : null } };
      return null;
    }),
    /**
     * Whether the next start continues an unfinished run (the button says "Resume"): a followed
     * job that failed, or a run the server reports as resumable.
     */
    selectResumable: createSelector(selectJob, selectRun, selectPhase, (job, run, phase) =>
      phase === 'failed' || (phase === 'idle' && !job && run?.resumable === true),
    ),
    /** Where an unfinished run of an earlier visit stopped ("1,000 of 1,900"), when no job is followed here. */
    selectStoppedRun: createSelector(selectJob, selectRun, (job, run) => (!job && run?.resumable ? run : null)),
    /** The finished sync's created / updated / unsubscribed. */
    selectResult: createSelector(selectJob, (job): FanSyncResult | null =>
      job?.status === 'succeeded' && job.result ? (job.result as unknown as FanSyncResult) : null,
    ),
    selectBusy: createSelector(selectPhase, (phase) => phase === 'loading' || phase === 'starting' || phase === 'running'),
  }),
});
