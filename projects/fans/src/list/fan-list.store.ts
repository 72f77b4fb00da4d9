import { createActionGroup, createFeature, createReducer, createSelector, emptyProps, on, props } from '@ngrx/store';
import type { Problem } from '@wechat-mfe/ui';
import { AccountContextActions } from '@wechat-mfe/ui';
import { EMPTY_FILTER, type Fan, type FanFilter, type FanPage } from '../data/fans-api';
import type { PageSpan } from './page-window';

/** What the fan list page does: open, filter, scroll (pages needed), retry, select, change fans. */
export const FanListPageActions = createActionGroup({
  source: 'Fan List Page',
  events: {
    Opened: emptyProps(),
    Closed: emptyProps(),
    'Filter Changed': props<{ filter: Partial<FanFilter> }>(),
    'Filter Cleared': emptyProps(),
    /** `near`: the pages around the viewport now; a queued page outside them is not fetched. */
    'Pages Needed': props<{ pages: number[]; near: PageSpan }>(),
    Retried: emptyProps(),
    'Row Toggled': props<{ openid: string }>(),
    'Rows Selected': props<{ openids: readonly string[]; selected: boolean }>(),
    'Selection Cleared': emptyProps(),
    'All Matching Requested': emptyProps(),
    /** Fans were tagged, blacklisted, remarked…: the rows are read again, the selection stays. */
    'Fans Changed': emptyProps(),
  },
});

/** Answers of the suite API; `key` names the filter they were asked for. */
export const FansApiActions = createActionGroup({
  source: 'Fans API',
  events: {
    'Page Loaded': props<{ appid: string; key: string; index: number; page: FanPage }>(),
    'Page Failed': props<{ appid: string; key: string; index: number; problem: Problem }>(),
    'Matching Loaded': props<{ appid: string; key: string; openids: readonly string[]; total: number }>(),
    'Matching Failed': props<{ appid: string; key: string; problem: Problem }>(),
  },
});

/** The page loader's own decisions. */
export const FanPagesActions = createActionGroup({
  source: 'Fan Pages',
  events: {
    /** The viewport had moved past a queued page before its turn: it was not fetched. */
    'Page Passed': props<{ appid: string; key: string; index: number }>(),
  },
});

/**
 * "Select all matching" selects at most this many fans: 200 tagging calls of 50, about a
 * minute of WeChat's time. The page says so when the filter matches more.
 */
export const SELECT_ALL_CAP = 10_000;

/** 200 is the server's largest page: fewer round trips while flinging through 100,000 rows. */
export const PAGE_SIZE = 200;

export interface FanListState {
  readonly appid: string | null;
  readonly active: boolean;
  readonly filter: FanFilter;
  /** The page cache belongs to this filter; a new filter (or account) starts a new cache. */
  readonly key: string;
  readonly total: number | null;
  /** Pages of `PAGE_SIZE` fans by page index. Not an entity collection: it is sparse by design. */
  readonly pages: Readonly<Record<number, readonly Fan[]>>;
  readonly pending: readonly number[];
  /** The pages around the viewport when it last needed pages (null: none asked for yet). */
  readonly near: PageSpan | null;
  readonly problem: Problem | null;
  /** Selected openids, across pages. Cleared with the filter or the account: it was theirs. */
  readonly selection: readonly string[];
  /** "Select all matching" is fetching the openids. */
  readonly selecting: boolean;
  readonly selectionProblem: Problem | null;
}

export const filterKey = (filter: FanFilter) => JSON.stringify(filter);

const fresh = (state: FanListState, filter: FanFilter): FanListState => ({
  ...state,
  filter,
  key: filterKey(filter),
  total: null,
  pages: {},
  pending: [],
  near: null,
  problem: null,
  selection: [],
  selecting: false,
  selectionProblem: null,
});

export const initialFanListState: FanListState = fresh(
  {
    appid: null,
    active: false,
    filter: EMPTY_FILTER,
    key: '',
    total: null,
    pages: {},
    pending: [],
    near: null,
    problem: null,
    selection: [],
    selecting: false,
    selectionProblem: null,
  },
  EMPTY_FILTER,
);

export const fanListFeature = createFeature({
  name: 'fanList',
  reducer: createReducer(
    initialFanListState,
    // Another account: its tags differ, so the filter goes too, and nothing of the previous one stays.
    on(AccountContextActions.selected, (state, { appid }) => (appid === state.appid ? state : { ...fresh(state, EMPTY_FILTER), appid })),
    on(FanListPageActions.opened, (state) => ({ ...state, active: true })),
    // Leaving keeps the filter but not the rows: they may be stale on return.
    on(FanListPageActions.closed, (state) => ({ ...fresh(state, state.filter), active: false })),
    on(FanListPageActions.filterChanged, (state, { filter }) => {
      const next = { ...state.filter, ...filter };
      return filterKey(next) === state.key ? state : fresh(state, next);
    }),
    on(FanListPageActions.filterCleared, (state) => (state.key === filterKey(EMPTY_FILTER) ? state : fresh(state, EMPTY_FILTER))),
    on(FanListPageActions.pagesNeeded, (state, { pages, near }) => {
      const wanted = pages.filter((p) => !state.pending.includes(p) && !(p in state.pages));
      const moved = near.first !== state.near?.first || near.last !== state.near?.last;
      return wanted.length || moved ? { ...state, pending: [...state.pending, ...wanted], near } : state;
    }),
    // Forgotten like a failed page: the viewport asks for it again if it comes back.
    on(FanPagesActions.pagePassed, (state, { appid, key, index }) =>
      appid !== state.appid || key !== state.key ? state : { ...state, pending: state.pending.filter((p) => p !== index) },
    ),
    // The failed pages are forgotten: the viewport asks for them again.
    on(FanListPageActions.retried, (state) => ({ ...state, problem: null })),
    on(FansApiActions.pageLoaded, (state, { appid, key, index, page }) =>
      appid !== state.appid || key !== state.key
        ? state
        : {
            ...state,
            total: page.total,
            pages: { ...state.pages, [index]: page.items },
            pending: state.pending.filter((p) => p !== index),
          },
    ),
    on(FansApiActions.pageFailed, (state, { appid, key, index, problem }) =>
      appid !== state.appid || key !== state.key ? state : { ...state, problem, pending: state.pending.filter((p) => p !== index) },
    ),
    on(FanListPageActions.rowToggled, (state, { openid }) => ({
      ...state,
      selection: state.selection.includes(openid) ? state.selection.filter((o) => o !== openid) : [...state.selection, openid],
    })),
    on(FanListPageActions.rowsSelected, (state, { openids, selected }) => {
      if (!selected) {
        const drop = new Set(openids);
        return { ...state, selection: state.selection.filter((o) => !drop.has(o)) };
      }
      const have = new Set(state.selection);
      return { ...state, selection: [...state.selection, ...openids.filter((o) => !have.has(o))] };
    }),
    on(FanListPageActions.selectionCleared, (state) => ({ ...state, selection: [], selectionProblem: null })),
    on(FanListPageActions.allMatchingRequested, (state) => ({ ...state, selecting: true, selectionProblem: null })),
    on(FansApiActions.matchingLoaded, (state, { appid, key, openids }) =>
      appid !== state.appid || key !== state.key ? state : { ...state, selection: openids, selecting: false },
    ),
    on(FansApiActions.matchingFailed, (state, { appid, key, problem }) =>
      appid !== state.appid || key !== state.key ? state : { ...state, selecting: false, selectionProblem: problem },
    ),
    on(FanListPageActions.fansChanged, (state) => ({ ...fresh(state, state.filter), selection: state.selection })),
  ),
  extraSelectors: ({ selectFilter, selectPages, selectPending, selectTotal, selectProblem, selectSelection }) => ({
    /** For the rows' checkboxes: one lookup per row, not a scan of the selection. */
    selectSelectedSet: createSelector(selectSelection, (selection) => new Set(selection)),
    /** Pages cached or in flight: the page window asks for none of them again. */
    selectHave: createSelector(selectPages, selectPending, (pages, pending) => new Set([...Object.keys(pages).map(Number), ...pending])),
    selectStatus: createSelector(selectTotal, selectProblem, (total, problem) =>
      problem ? ('error' as const) : total === null ? ('loading' as const) : ('loaded' as const),
    ),
    /** One slot per matching fan; null where the page is not here yet (a placeholder row). */
    selectRows: createSelector(selectPages, selectTotal, (pages, total): readonly (Fan | null)[] => {
      const rows = new Array<Fan | null>(total ?? 0).fill(null);
      for (const [index, items] of Object.entries(pages)) {
        const offset = Number(index) * PAGE_SIZE;
        items.forEach((fan, i) => offset + i < rows.length && (rows[offset + i] = fan));
      }
      return rows;
    }),
    selectFiltered: createSelector(selectFilter, (filter) => filterKey(filter) !== filterKey(EMPTY_FILTER)),
  }),
});
