import { createActionGroup, createFeature, createReducer, createSelector, emptyProps, on, props } from '@ngrx/store';
import { createEntityAdapter, type EntityState } from '@ngrx/entity';
import { AccountContextActions, type Problem } from '@wechat-mfe/ui';
import type { Material, MaterialPage, MaterialQuery, MaterialTab } from '../data/materials-api';

/** What the library page does. */
export const MaterialLibraryPageActions = createActionGroup({
  source: 'Material Library Page',
  events: {
    /** With the page's account: the slice registers lazily, after the context announced the selection. */
    Opened: props<{ appid: string }>(),
    Closed: emptyProps(),
    'Tab Changed': props<{ tab: MaterialTab }>(),
    'Search Changed': props<{ q: string }>(),
    'Permanence Changed': props<{ permanent: boolean | null }>(),
    'Page Changed': props<{ offset: number }>(),
    Retried: emptyProps(),
    'Material Uploaded': props<{ material: Material }>(),
    'Material Deleted': props<{ mediaId: string }>(),
  },
});

/** Answers of the suite API to the library's requests. */
export const MaterialsApiActions = createActionGroup({
  source: 'Materials API',
  events: {
    'Page Loaded': props<{ appid: string; page: MaterialPage }>(),
    'Page Failed': props<{ appid: string; problem: Problem }>(),
  },
});

export interface MaterialLibraryState extends EntityState<Material> {
  readonly appid: string | null;
  /** Whether the page is on screen (only then does the effect load). */
  readonly active: boolean;
  readonly query: MaterialQuery;
  readonly total: number;
  readonly counts: MaterialPage['counts'] | null;
  readonly usage: MaterialPage['usage'];
  readonly status: 'idle' | 'loading' | 'loaded' | 'error';
  readonly problem: Problem | null;
}

export const PAGE_SIZE = 20;
export const INITIAL_QUERY: MaterialQuery = { type: 'image', q: '', permanent: null, offset: 0, limit: PAGE_SIZE };

const adapter = createEntityAdapter<Material>({ selectId: (m) => m.mediaId, sortComparer: false });

const initialState: MaterialLibraryState = adapter.getInitialState({
  appid: null,
  active: false,
  query: INITIAL_QUERY,
  total: 0,
  counts: null,
  usage: [],
  status: 'idle',
  problem: null,
});

const loading = (state: MaterialLibraryState, query: MaterialQuery): MaterialLibraryState => ({
  ...state,
  query,
  status: state.active ? 'loading' : state.status,
  problem: null,
});

export const materialLibraryFeature = createFeature({
  name: 'materialLibrary',
  reducer: createReducer(
    initialState,
    // Another account: nothing of the previous one may stay on screen.
    on(AccountContextActions.selected, (state, { appid }) =>
      appid === state.appid
        ? state
        : adapter.removeAll({ ...loading(state, { ...state.query, offset: 0 }), appid, total: 0, counts: null, usage: [] }),
    ),
    on(MaterialLibraryPageActions.opened, (state, { appid }) =>
      appid === state.appid
        ? loading({ ...state, active: true }, state.query)
        : adapter.removeAll(loading({ ...state, active: true, appid, total: 0, counts: null, usage: [] }, { ...state.query, offset: 0 })),
    ),
    on(MaterialLibraryPageActions.closed, (state) => ({ ...state, active: false })),
    // A new tab shows its own items only: clear the old ones so a grid never shows voice rows.
    on(MaterialLibraryPageActions.tabChanged, (state, { tab }) =>
      tab === state.query.type ? state : adapter.removeAll(loading(state, { ...state.query, type: tab, offset: 0 })),
    ),
    on(MaterialLibraryPageActions.searchChanged, (state, { q }) => loading(state, { ...state.query, q, offset: 0 })),
    on(MaterialLibraryPageActions.permanenceChanged, (state, { permanent }) => loading(state, { ...state.query, permanent, offset: 0 })),
    on(MaterialLibraryPageActions.pageChanged, (state, { offset }) => loading(state, { ...state.query, offset })),
    on(MaterialLibraryPageActions.retried, MaterialLibraryPageActions.materialUploaded, MaterialLibraryPageActions.materialDeleted, (state) =>
      loading(state, state.query),
    ),
    on(MaterialsApiActions.pageLoaded, (state, { appid, page }) =>
      appid !== state.appid
        ? state
        : adapter.setAll(page.items, { ...state, total: page.total, counts: page.counts, usage: page.usage, status: 'loaded' as const }),
    ),
    on(MaterialsApiActions.pageFailed, (state, { appid, problem }) => (appid !== state.appid ? state : { ...state, status: 'error' as const, problem })),
  ),
  extraSelectors: ({ selectMaterialLibraryState, selectQuery, selectTotal }) => ({
    selectMaterials: createSelector(selectMaterialLibraryState, adapter.getSelectors().selectAll),
    selectPage: createSelector(selectQuery, selectTotal, (query, total) => ({
      from: total === 0 ? 0 : query.offset + 1,
      to: Math.min(query.offset + query.limit, total),
      total,
      hasPrevious: query.offset > 0,
      hasNext: query.offset + query.limit < total,
    })),
  }),
});
