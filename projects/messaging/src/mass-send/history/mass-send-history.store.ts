import { createActionGroup, createFeature, createReducer, createSelector, emptyProps, on, props } from '@ngrx/store';
import { createEntityAdapter, type EntityState } from '@ngrx/entity';
import { AccountContextActions, type Problem } from '@wechat-mfe/ui';
import type { MassSend, MassSendPage } from '../mass-send-api';

/** What the history list does. */
export const MassSendHistoryPageActions = createActionGroup({
  source: 'Mass Send History',
  events: {
    Opened: emptyProps(),
    Closed: emptyProps(),
    'Page Changed': props<{ offset: number }>(),
    Retried: emptyProps(),
    'Send Cancelled': props<{ massSend: MassSend }>(),
  },
});

/** The compose form, when the server accepted a send. */
export const MassSendComposeActions = createActionGroup({
  source: 'Mass Send Compose',
  events: {
    Sent: props<{ massSend: MassSend }>(),
  },
});

/** Pushes on the event stream (and the polling that stands in when it drops). */
export const MassSendLiveActions = createActionGroup({
  source: 'Mass Send Live',
  events: {
    'Result Arrived': props<{ appid: string; massSend: MassSend }>(),
    'Job Progressed': props<{ jobId: string; done: number; total: number }>(),
    'Poll Due': emptyProps(),
  },
});

export const MassSendApiActions = createActionGroup({
  source: 'Mass Send API',
  events: {
    'Page Loaded': props<{ appid: string; page: MassSendPage }>(),
    'Page Failed': props<{ appid: string; problem: Problem }>(),
  },
});

export interface MassSendHistoryState extends EntityState<MassSend> {
  readonly appid: string | null;
  readonly active: boolean;
  readonly offset: number;
  readonly limit: number;
  readonly total: number;
  readonly status: 'idle' | 'loading' | 'loaded' | 'error';
  readonly problem: Problem | null;
}

export const HISTORY_PAGE_SIZE = 10;

// The server orders the page (newest first).
const adapter = createEntityAdapter<MassSend>({ sortComparer: false });

const initialState: MassSendHistoryState = adapter.getInitialState({
  appid: null,
  active: false,
  offset: 0,
  limit: HISTORY_PAGE_SIZE,
  total: 0,
  status: 'idle',
  problem: null,
});

const loading = (state: MassSendHistoryState): MassSendHistoryState => ({
  ...state,
  // A background refresh keeps the rows on screen; only the first load shows the spinner.
  status: state.active ? (state.status === 'loaded' ? 'loaded' : 'loading') : state.status,
  problem: null,
});

/** Whether the list shows a send that will still change (so it is worth polling). */
export const isLive = (send: MassSend) => send.status === 'scheduled' || send.status === 'sending';

export const massSendHistoryFeature = createFeature({
  name: 'massSendHistory',
  reducer: createReducer(
    initialState,
    on(AccountContextActions.selected, (state, { appid }) =>
      appid === state.appid ? state : adapter.removeAll({ ...state, appid, offset: 0, total: 0, status: state.active ? 'loading' as const : 'idle' as const, problem: null }),
    ),
    on(MassSendHistoryPageActions.opened, (state) => loading({ ...state, active: true })),
    on(MassSendHistoryPageActions.closed, (state) => ({ ...state, active: false })),
    on(MassSendHistoryPageActions.pageChanged, (state, { offset }) => ({ ...state, offset, status: 'loading' as const, problem: null })),
    on(MassSendHistoryPageActions.retried, (state) => ({ ...state, status: 'loading' as const, problem: null })),
    on(MassSendHistoryPageActions.sendCancelled, (state, { massSend }) => adapter.upsertOne(massSend, state)),
    // A new send goes on top: back to the first page.
    on(MassSendComposeActions.sent, (state) => loading({ ...state, offset: 0 })),
    on(MassSendLiveActions.resultArrived, (state, { appid, massSend }) =>
      appid === state.appid && state.entities[massSend.id] ? adapter.upsertOne(massSend, state) : state,
    ),
    on(MassSendLiveActions.jobProgressed, (state, { jobId, done, total }) => {
      const send = Object.values(state.entities).find((s) => s?.jobId === jobId && s.status === 'sending');
      return send ? adapter.updateOne({ id: send.id, changes: { progress: { done, total } } }, state) : state;
    }),
    // The slice registers with its lazy route, after the context's first `Selected`: until the next
    // switch, the account is the one the effect loaded for (it drops answers of unselected accounts).
    on(MassSendApiActions.pageLoaded, (state, { appid, page }) =>
      state.appid !== null && appid !== state.appid
        ? state
        : adapter.setAll(page.items, { ...state, appid, total: page.total, status: 'loaded' as const }),
    ),
    on(MassSendApiActions.pageFailed, (state, { appid, problem }) =>
      state.appid !== null && appid !== state.appid ? state : { ...state, appid, status: 'error' as const, problem },
    ),
  ),
  extraSelectors: ({ selectMassSendHistoryState, selectOffset, selectLimit, selectTotal }) => {
    const selectSends = createSelector(selectMassSendHistoryState, adapter.getSelectors().selectAll);
    return {
      selectSends,
      selectHasLive: createSelector(selectSends, (sends) => sends.some(isLive)),
      selectPage: createSelector(selectOffset, selectLimit, selectTotal, (offset, limit, total) => ({
        from: total === 0 ? 0 : offset + 1,
        to: Math.min(offset + limit, total),
        total,
        hasPrevious: offset > 0,
        hasNext: offset + limit < total,
      })),
    };
  },
});
