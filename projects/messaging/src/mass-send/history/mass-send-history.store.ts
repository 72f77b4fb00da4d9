import { createActionGroup, createFeature, createReducer, createSelector, emptyProps, on, props } from '@ngrx/store';
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

export interface MassSendHistoryState {
  /**
   * The shown page, in the server's order (newest first). A plain list rather than an entity
   * adapter: it holds one page of ten, and `@ngrx/entity` cost this route 2.1 KiB gzip (issue #10).
   */
  readonly sends: readonly MassSend[];
  readonly appid: string | null;
  readonly active: boolean;
  readonly offset: number;
  readonly limit: number;
  readonly total: number;
  readonly status: 'idle' | 'loading' | 'loaded' | 'error';
  readonly problem: Problem | null;
}

export const HISTORY_PAGE_SIZE = 10;

const initialState: MassSendHistoryState = {
  sends: [],
  appid: null,
  active: false,
  offset: 0,
  limit: HISTORY_PAGE_SIZE,
  total: 0,
  status: 'idle',
  problem: null,
};

/** The page with this send replaced (a send not on the page is added at its end). */
const upsert = (state: MassSendHistoryState, massSend: MassSend): MassSendHistoryState => ({
  ...state,
  sends: state.sends.some((s) => s.id === massSend.id) ? state.sends.map((s) => (s.id === massSend.id ? massSend : s)) : [...state.sends, massSend],
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
      appid === state.appid ? state : { ...state, sends: [], appid, offset: 0, total: 0, status: state.active ? 'loading' as const : 'idle' as const, problem: null },
    ),
    on(MassSendHistoryPageActions.opened, (state) => loading({ ...state, active: true })),
    on(MassSendHistoryPageActions.closed, (state) => ({ ...state, active: false })),
    on(MassSendHistoryPageActions.pageChanged, (state, { offset }) => ({ ...state, offset, status: 'loading' as const, problem: null })),
    on(MassSendHistoryPageActions.retried, (state) => ({ ...state, status: 'loading' as const, problem: null })),
    on(MassSendHistoryPageActions.sendCancelled, (state, { massSend }) => upsert(state, massSend)),
    // A new send goes on top: back to the first page.
    on(MassSendComposeActions.sent, (state) => loading({ ...state, offset: 0 })),
    on(MassSendLiveActions.resultArrived, (state, { appid, massSend }) =>
      appid === state.appid && state.sends.some((s) => s.id === massSend.id) ? upsert(state, massSend) : state,
    ),
    on(MassSendLiveActions.jobProgressed, (state, { jobId, done, total }) => {
      const send = state.sends.find((s) => s.jobId === jobId && s.status === 'sending');
      return send ? upsert(state, { ...send, progress: { done, total } }) : state;
    }),
    // The slice registers with its lazy route, after the context's first `Selected`: until the next
    // switch, the account is the one the effect loaded for (it drops answers of unselected accounts).
    on(MassSendApiActions.pageLoaded, (state, { appid, page }) =>
      state.appid !== null && appid !== state.appid
        ? state
        : { ...state, sends: page.items, appid, total: page.total, status: 'loaded' as const },
    ),
    on(MassSendApiActions.pageFailed, (state, { appid, problem }) =>
      state.appid !== null && appid !== state.appid ? state : { ...state, appid, status: 'error' as const, problem },
    ),
  ),
  extraSelectors: ({ selectSends, selectOffset, selectLimit, selectTotal }) => {
    return {
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
