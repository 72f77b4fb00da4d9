import { createActionGroup, createFeature, createReducer, createSelector, emptyProps, on, props } from '@ngrx/store';
import type { Problem } from '@wechat-mfe/ui';
import { AccountContextActions } from '@wechat-mfe/ui';
import type { Contact, ContactPage, ContactQuery } from './contacts-api';

/** What the contacts page does. */
export const ContactsPageActions = createActionGroup({
  source: 'Contacts Page',
  events: {
    /** `appid`: the top bar's account when the page opens (the slice registers lazily, after the selection). */
    Opened: props<{ appid: string | null }>(),
    Closed: emptyProps(),
    'Accounts Picked': props<{ appids: readonly string[] }>(),
    'Search Changed': props<{ q: string }>(),
    /** Enter in the search box: asks the server again even for the same text. */
    'Search Submitted': props<{ q: string }>(),
    'Page Changed': props<{ pageIndex: number; pageSize: number }>(),
    Retried: emptyProps(),
    /** A fan sync finished: the contacts may have changed. */
    'Fans Synced': emptyProps(),
  },
});

/** Answers of the suite API; `key` names the query they answer. */
export const ContactsApiActions = createActionGroup({
  source: 'Contacts API',
  events: {
    'Page Loaded': props<{ key: string; page: ContactPage }>(),
    'Page Failed': props<{ key: string; problem: Problem }>(),
  },
});

export const CONTACT_PAGE_SIZES = [20, 50, 100] as const;

export interface ContactListState {
  readonly active: boolean;
  /** The picked accounts; empty means every account the user may see. */
  readonly appids: readonly string[];
  /** Whether the user picked accounts here (then the top bar's selection no longer re-picks them). */
  readonly picked: boolean;
  readonly q: string;
  readonly pageIndex: number;
  readonly pageSize: number;
  readonly items: readonly Contact[];
  readonly total: number | null;
  readonly loading: boolean;
  readonly problem: Problem | null;
  /** The query the shown (or awaited) page belongs to; older answers are dropped. */
  readonly key: string;
}

export const queryOf = (state: Pick<ContactListState, 'appids' | 'q' | 'pageIndex' | 'pageSize'>): ContactQuery => ({
  appids: state.appids,
  q: state.q.trim(),
  offset: state.pageIndex * state.pageSize,
  limit: state.pageSize,
});
export const queryKey = (query: ContactQuery) => JSON.stringify(query);

const requery = (state: ContactListState, patch: Partial<ContactListState>): ContactListState => {
  const next = { ...state, ...patch };
  return { ...next, key: queryKey(queryOf(next)), loading: true, problem: null };
};

export const initialContactListState: ContactListState = {
  active: false,
  appids: [],
  picked: false,
  q: '',
  pageIndex: 0,
  pageSize: CONTACT_PAGE_SIZES[0],
  items: [],
  total: null,
  loading: true,
  problem: null,
  key: '',
};

export const contactListFeature = createFeature({
  name: 'contactList',
  reducer: createReducer(
    initialContactListState,
    // Until the user picks accounts here, the list follows the top bar's account (the default).
    on(AccountContextActions.selected, (state, { appid }) =>
      state.picked ? state : requery(state, { appids: appid ? [appid] : [], pageIndex: 0 }),
    ),
    on(ContactsPageActions.opened, (state, { appid }) =>
      requery(state, state.picked || state.appids.length ? { active: true } : { active: true, appids: appid ? [appid] : [] }),
    ),
    on(ContactsPageActions.closed, (state) => ({ ...state, active: false })),
    on(ContactsPageActions.retried, ContactsPageActions.fansSynced, (state) => requery(state, {})),
    on(ContactsPageActions.accountsPicked, (state, { appids }) => requery(state, { appids: [...appids], picked: true, pageIndex: 0 })),
    on(ContactsPageActions.searchChanged, (state, { q }) => (q.trim() === state.q.trim() ? state : requery(state, { q, pageIndex: 0 }))),
    on(ContactsPageActions.searchSubmitted, (state, { q }) => requery(state, { q, pageIndex: 0 })),
    on(ContactsPageActions.pageChanged, (state, { pageIndex, pageSize }) =>
      requery(state, { pageIndex: pageSize === state.pageSize ? pageIndex : 0, pageSize }),
    ),
    on(ContactsApiActions.pageLoaded, (state, { key, page }) =>
      key !== state.key ? state : { ...state, items: page.items, total: page.total, loading: false, problem: null },
    ),
    on(ContactsApiActions.pageFailed, (state, { key, problem }) => (key !== state.key ? state : { ...state, loading: false, problem })),
  ),
  extraSelectors: ({ selectTotal, selectLoading, selectProblem }) => ({
    selectStatus: createSelector(selectTotal, selectLoading, selectProblem, (total, loading, problem) =>
      problem ? ('error' as const) : total === null ? ('loading' as const) : total === 0 && !loading ? ('empty' as const) : ('loaded' as const),
    ),
  }),
});
