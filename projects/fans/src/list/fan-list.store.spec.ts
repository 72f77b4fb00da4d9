import { TestBed } from '@angular/core/testing';
import { provideStore, Store } from '@ngrx/store';
import { provideEffects } from '@ngrx/effects';
import { fakeContext, provideUiTesting, wxAccount } from '@wechat-mfe/ui/testing';
import { FansApi, type Fan, type FanPage } from '../data/fans-api';
import { AccountContextActions } from '@wechat-mfe/ui';
import { FanActionsApi } from '../data/fan-actions-api';
import { FanListEffects, OPENID_PAGE, PAGE_SETTLE_MS } from './fan-list.effects';
import { FanListPageActions, FanPagesActions, FansApiActions, PAGE_SIZE, SELECT_ALL_CAP, fanListFeature, filterKey, initialFanListState } from './fan-list.store';

const fan = (openid: string): Fan => ({ openid }) as Fan;
const page = (openids: string[], total: number): FanPage => ({ items: openids.map(fan), total });
const reduce = fanListFeature.reducer;

/** The store with the list's effects, for an account context showing `appids` (the first selected). */
async function storeWithEffects(appids: string[], apis: { list?: jasmine.SpyObj<FansApi>; actions?: jasmine.SpyObj<FanActionsApi> }) {
  const { context } = fakeContext({ accounts: { items: appids.map((appid) => wxAccount(appid)), totalBound: appids.length } });
  await context.refresh();
  context.select(appids[0]);
  TestBed.configureTestingModule({
    providers: [
      ...provideUiTesting(context),
      { provide: FansApi, useValue: apis.list ?? jasmine.createSpyObj<FansApi>('FansApi', ['list']) },
      { provide: FanActionsApi, useValue: apis.actions ?? jasmine.createSpyObj<FanActionsApi>('FanActionsApi', ['matchingOpenids']) },
      provideStore({ [fanListFeature.name]: fanListFeature.reducer }),
      provideEffects(FanListEffects),
    ],
  });
  const store = TestBed.inject(Store);
  const state = TestBed.runInInjectionContext(() => store.selectSignal(fanListFeature.selectFanListState));
  return { context, store, state };
}

describe('fan list store', () => {
  const selected = reduce(initialFanListState, AccountContextActions.selected({ appid: 'wxa' }));

  it('starts a new page cache for a new filter, and none for the same one', () => {
    const loaded = reduce(selected, FansApiActions.pageLoaded({ appid: 'wxa', key: selected.key, index: 0, page: page(['o1'], 1) }));
    expect(loaded.total).toBe(1);
    const same = reduce(loaded, FanListPageActions.filterChanged({ filter: { tagId: null } }));
    expect(same).toBe(loaded);
    const tagged = reduce(loaded, FanListPageActions.filterChanged({ filter: { tagId: 100 } }));
    expect(tagged.filter.tagId).toBe(100);
    expect(tagged.pages).toEqual({});
    expect(tagged.total).toBeNull();
    expect(tagged.key).toBe(filterKey(tagged.filter));
    const cleared = reduce(tagged, FanListPageActions.filterCleared());
    expect(cleared.filter.tagId).toBeNull();
  });

  it('drops pages of another filter or account, and resets everything on [Account Context] Selected', () => {
    const tagged = reduce(selected, FanListPageActions.filterChanged({ filter: { tagId: 100 } }));
    const stale = reduce(tagged, FansApiActions.pageLoaded({ appid: 'wxa', key: selected.key, index: 0, page: page(['o1'], 9) }));
    expect(stale).toBe(tagged);
    const otherAccount = reduce(tagged, FansApiActions.pageLoaded({ appid: 'wxb', key: tagged.key, index: 0, page: page(['o1'], 9) }));
    expect(otherAccount).toBe(tagged);
    const switched = reduce(tagged, AccountContextActions.selected({ appid: 'wxb' }));
    expect(switched.appid).toBe('wxb');
    expect(switched.filter.tagId).toBeNull();
    expect(switched.total).toBeNull();
  });

  it('lays pages out as rows with placeholders, and reports errors until retried', () => {
    let state = reduce(selected, FanListPageActions.pagesNeeded({ pages: [0, 2], near: { first: 0, last: 2 } }));
    expect(state.pending).toEqual([0, 2]);
    expect(reduce(state, FanListPageActions.pagesNeeded({ pages: [0], near: { first: 0, last: 2 } }))).toBe(state);
    // Nothing new to fetch, but the viewport moved: where it is now decides which queued pages go.
    const moved = reduce(state, FanListPageActions.pagesNeeded({ pages: [2], near: { first: 2, last: 3 } }));
    expect(moved.pending).toEqual([0, 2]);
    expect(moved.near).toEqual({ first: 2, last: 3 });
    const items = Array.from({ length: PAGE_SIZE }, (_, i) => `o${i}`);
    state = reduce(state, FansApiActions.pageLoaded({ appid: 'wxa', key: state.key, index: 2, page: page(items, 450) }));
    const root = { [fanListFeature.name]: state };
    const rows = fanListFeature.selectRows(root);
    expect(rows.length).toBe(450);
    expect(rows[0]).toBeNull();
    expect(rows[2 * PAGE_SIZE]?.openid).toBe('o0');
    expect([...fanListFeature.selectHave(root)].sort()).toEqual([0, 2]);
    state = reduce(state, FansApiActions.pageFailed({ appid: 'wxa', key: state.key, index: 0, problem: { code: 'X' } as never }));
    expect(fanListFeature.selectStatus({ [fanListFeature.name]: state })).toBe('error');
    expect(state.pending).toEqual([]);
    expect(fanListFeature.selectStatus({ [fanListFeature.name]: reduce(state, FanListPageActions.retried()) })).toBe('loaded');
  });

  it("fetches the pages asked for with the filter, and never lands a previous account's answer", async () => {
    const api = jasmine.createSpyObj<FansApi>('FansApi', ['list']);
    const pending: Record<string, (p: FanPage) => void> = {};
    api.list.and.callFake((appid, _filter, offset) => new Promise((resolve) => (pending[`${appid}@${offset}`] = resolve)));
    const { context, store, state } = await storeWithEffects(['wxa', 'wxb'], { list: api });
    const settle = () => new Promise((resolve) => setTimeout(resolve));
    store.dispatch(AccountContextActions.selected({ appid: 'wxa' }));
    store.dispatch(FanListPageActions.filterChanged({ filter: { state: 'subscribed' } }));
    store.dispatch(FanListPageActions.pagesNeeded({ pages: [0, 3], near: { first: 0, last: 3 } }));
    await settle();
    expect(api.list.calls.allArgs().map((a) => [a[0], a[1].state, a[2], a[3]])).toEqual([
      ['wxa', 'subscribed', 0, PAGE_SIZE],
      ['wxa', 'subscribed', 3 * PAGE_SIZE, PAGE_SIZE],
    ]);
    context.select('wxb');
    store.dispatch(AccountContextActions.selected({ appid: 'wxb' }));
    pending['wxa@0'](page(['old'], 5));
    await settle();
    expect(state().appid).toBe('wxb');
    expect(state().total).toBeNull();
  });

  it('forgets a page the viewport passed before its turn, so that it is asked for again on return', () => {
    let state = reduce(selected, FanListPageActions.pagesNeeded({ pages: [3, 4], near: { first: 3, last: 4 } }));
    expect(state.near).toEqual({ first: 3, last: 4 });
    expect(reduce(state, FanPagesActions.pagePassed({ appid: 'wxa', key: 'another filter', index: 3 }))).toBe(state);
    state = reduce(state, FanPagesActions.pagePassed({ appid: 'wxa', key: state.key, index: 3 }));
    expect(state.pending).toEqual([4]);
    expect([...fanListFeature.selectHave({ [fanListFeature.name]: state })]).toEqual([4]);
  });

  it('fetches a page only if the viewport is still near it a moment later; the first page at once', async () => {
    const api = jasmine.createSpyObj<FansApi>('FansApi', ['list']);
    api.list.and.callFake((_appid, _filter, offset) => Promise.resolve(page([`o${offset}`], 100_000)));
    const { store, state } = await storeWithEffects(['wxa'], { list: api });
    const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const offsets = () => api.list.calls.allArgs().map((a) => a[2]);
    store.dispatch(AccountContextActions.selected({ appid: 'wxa' }));
    // The list's first page: its count is unknown, nothing to wait for.
    store.dispatch(FanListPageActions.pagesNeeded({ pages: [0], near: { first: 0, last: 0 } }));
    await wait(0);
    expect(offsets()).toEqual([0]);
    // A fling: page 10 is needed, then the viewport is at page 40 before page 10's turn came.
    store.dispatch(FanListPageActions.pagesNeeded({ pages: [10], near: { first: 10, last: 10 } }));
    store.dispatch(FanListPageActions.pagesNeeded({ pages: [40], near: { first: 40, last: 40 } }));
    await wait(PAGE_SETTLE_MS / 2);
    expect(offsets()).toEqual([0]);
    await wait(PAGE_SETTLE_MS);
    expect(offsets()).toEqual([0, 40 * PAGE_SIZE]);
    expect(state().pending).toEqual([]);
    expect(Object.keys(state().pages).map(Number)).toEqual([0, 40]);
  });

  it('toggles rows, selects and unselects the shown rows without duplicates, and keeps the selection across pages', () => {
    let state = reduce(selected, FanListPageActions.rowToggled({ openid: 'a' }));
    state = reduce(state, FanListPageActions.rowsSelected({ openids: ['a', 'b', 'c'], selected: true }));
    expect(state.selection).toEqual(['a', 'b', 'c']);
    state = reduce(state, FansApiActions.pageLoaded({ appid: 'wxa', key: state.key, index: 3, page: page(['z'], 900) }));
    expect(state.selection).toEqual(['a', 'b', 'c']);
    state = reduce(state, FanListPageActions.rowToggled({ openid: 'b' }));
    expect(state.selection).toEqual(['a', 'c']);
    expect(fanListFeature.selectSelectedSet({ [fanListFeature.name]: state }).has('c')).toBeTrue();
    state = reduce(state, FanListPageActions.rowsSelected({ openids: ['a', 'c'], selected: false }));
    expect(state.selection).toEqual([]);
  });

  it('clears the selection on a new filter, another account and Clear, but keeps it when fans changed', () => {
    const picked = reduce(selected, FanListPageActions.rowsSelected({ openids: ['a', 'b'], selected: true }));
    expect(reduce(picked, FanListPageActions.filterChanged({ filter: { blacklisted: true } })).selection).toEqual([]);
    expect(reduce(picked, FanListPageActions.filterChanged({ filter: { blacklisted: null } })).selection).toEqual(['a', 'b']);
    expect(reduce(picked, AccountContextActions.selected({ appid: 'wxb' })).selection).toEqual([]);
    expect(reduce(picked, FanListPageActions.selectionCleared()).selection).toEqual([]);
    const loaded = reduce(picked, FansApiActions.pageLoaded({ appid: 'wxa', key: picked.key, index: 0, page: page(['a'], 1) }));
    const changed = reduce(loaded, FanListPageActions.fansChanged());
    expect(changed.selection).toEqual(['a', 'b']);
    expect(changed.pages).toEqual({});
    expect(changed.total).toBeNull();
  });

  it('selects all matching openids in pages up to the cap, and drops an answer for a previous filter', async () => {
    const actionsApi = jasmine.createSpyObj<FanActionsApi>('FanActionsApi', ['matchingOpenids']);
    const matching = 12_345;
    actionsApi.matchingOpenids.and.callFake(async (_appid, _filter, offset, limit) => ({
      items: Array.from({ length: Math.min(limit, matching - offset) }, (_, i) => `o${offset + i}`),
      total: matching,
    }));
    const { store, state } = await storeWithEffects(['wxa'], { actions: actionsApi });
    store.dispatch(AccountContextActions.selected({ appid: 'wxa' }));
    store.dispatch(FanListPageActions.filterChanged({ filter: { tagId: 100 } }));
    store.dispatch(FanListPageActions.allMatchingRequested());
    expect(state().selecting).toBeTrue();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(actionsApi.matchingOpenids.calls.allArgs().map((a) => [a[1].tagId, a[2], a[3]])).toEqual([
      [100, 0, OPENID_PAGE],
      [100, OPENID_PAGE, SELECT_ALL_CAP - OPENID_PAGE],
    ]);
    expect(state().selecting).toBeFalse();
    expect(state().selection.length).toBe(SELECT_ALL_CAP);
    expect(state().selection[SELECT_ALL_CAP - 1]).toBe(`o${SELECT_ALL_CAP - 1}`);

    const stale = FansApiActions.matchingLoaded({ appid: 'wxa', key: state().key, openids: ['old'], total: 1 });
    store.dispatch(FanListPageActions.filterChanged({ filter: { tagId: 101 } }));
    store.dispatch(stale);
    expect(state().selection).toEqual([]);
  });
});
