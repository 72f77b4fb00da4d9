import { createActionGroup, createFeature, createReducer, createSelector, emptyProps, on, props } from '@ngrx/store';
import { createEntityAdapter, type EntityState } from '@ngrx/entity';
import type { Problem } from '@wechat-mfe/ui';
import { AccountContextActions } from '@wechat-mfe/ui';
import type { QrCode, QrCodePage, QrCodeQuery } from '../data/qr-codes-api';

/** What the list page does (search, filter, sort, page, retry, a saved dialog). */
export const QrCodeListPageActions = createActionGroup({
  source: 'QR Code List Page',
  events: {
    Opened: emptyProps(),
    Closed: emptyProps(),
    'Search Changed': props<{ q: string }>(),
    'Kind Changed': props<{ kind: QrCodeQuery['kind'] }>(),
    'Sort Changed': props<{ sort: QrCodeQuery['sort']; order: QrCodeQuery['order'] }>(),
    'Page Changed': props<{ offset: number }>(),
    Retried: emptyProps(),
    'Code Saved': props<{ code: QrCode }>(),
    'Code Deleted': props<{ id: number }>(),
  },
});

/** Answers of the suite API to the list's requests. */
export const QrCodesApiActions = createActionGroup({
  source: 'QR Codes API',
  events: {
    'Page Loaded': props<{ appid: string; page: QrCodePage }>(),
    'Page Failed': props<{ appid: string; problem: Problem }>(),
  },
});

export interface QrCodeListState extends EntityState<QrCode> {
  /** The account whose codes these are. */
  readonly appid: string | null;
  /** Whether the list page is on screen (only then does the effect load). */
  readonly active: boolean;
  readonly query: QrCodeQuery;
  readonly total: number;
  readonly permanentQuota: QrCodePage['permanentQuota'] | null;
  readonly status: 'idle' | 'loading' | 'loaded' | 'error';
  readonly problem: Problem | null;
}

export const PAGE_SIZE = 20;
export const INITIAL_QUERY: QrCodeQuery = { q: '', kind: null, sort: 'createdAt', order: 'desc', offset: 0, limit: PAGE_SIZE };

// The server decides the order: entities keep the order of the page as it arrived.
const adapter = createEntityAdapter<QrCode>({ sortComparer: false });

const initialState: QrCodeListState = adapter.getInitialState({
  appid: null,
  active: false,
  query: INITIAL_QUERY,
  total: 0,
  permanentQuota: null,
  status: 'idle',
  problem: null,
});

const loading = (state: QrCodeListState, query: QrCodeQuery): QrCodeListState => ({
  ...state,
  query,
  status: state.active ? 'loading' : state.status,
  problem: null,
});

export const qrCodeListFeature = createFeature({
  name: 'qrCodeList',
  reducer: createReducer(
    initialState,
    // Another account: nothing of the previous one may stay on screen.
    on(AccountContextActions.selected, (state, { appid }) =>
      appid === state.appid
        ? state
        : adapter.removeAll({ ...loading(state, { ...state.query, offset: 0 }), appid, total: 0, permanentQuota: null }),
    ),
    on(QrCodeListPageActions.opened, (state) => loading({ ...state, active: true }, state.query)),
    on(QrCodeListPageActions.closed, (state) => ({ ...state, active: false })),
    on(QrCodeListPageActions.searchChanged, (state, { q }) => loading(state, { ...state.query, q, offset: 0 })),
    on(QrCodeListPageActions.kindChanged, (state, { kind }) => loading(state, { ...state.query, kind, offset: 0 })),
    on(QrCodeListPageActions.sortChanged, (state, { sort, order }) => loading(state, { ...state.query, sort, order, offset: 0 })),
    on(QrCodeListPageActions.pageChanged, (state, { offset }) => loading(state, { ...state.query, offset })),
    on(QrCodeListPageActions.retried, QrCodeListPageActions.codeSaved, (state) => loading(state, state.query)),
    // Drop the row at once so focus can move to the one taking its place before the reload lands.
    on(QrCodeListPageActions.codeDeleted, (state, { id }) => loading(adapter.removeOne(id, state), state.query)),
    on(QrCodesApiActions.pageLoaded, (state, { appid, page }) =>
      appid !== state.appid
        ? state
        : adapter.setAll(page.items, { ...state, total: page.total, permanentQuota: page.permanentQuota, status: 'loaded' as const }),
    ),
    on(QrCodesApiActions.pageFailed, (state, { appid, problem }) =>
      appid !== state.appid ? state : { ...state, status: 'error' as const, problem },
    ),
  ),
  extraSelectors: ({ selectQrCodeListState, selectQuery, selectTotal }) => ({
    selectCodes: createSelector(selectQrCodeListState, adapter.getSelectors().selectAll),
    selectPage: createSelector(selectQuery, selectTotal, (query, total) => ({
      from: total === 0 ? 0 : query.offset + 1,
      to: Math.min(query.offset + query.limit, total),
      total,
      hasPrevious: query.offset > 0,
      hasNext: query.offset + query.limit < total,
    })),
  }),
});
