import { TestBed } from '@angular/core/testing';
import { provideStore, Store } from '@ngrx/store';
import { provideEffects } from '@ngrx/effects';
import { AccountContextEffects } from '@wechat-mfe/ui';
import { fakeContext, provideUiTesting, wxAccount } from '@wechat-mfe/ui/testing';
import { MaterialsApi, type MaterialPage } from '../data/materials-api';
import { MaterialLibraryEffects } from './material-library.effects';
import { MaterialLibraryPageActions, materialLibraryFeature } from './material-library.store';

const page = (names: string[]): MaterialPage =>
  ({
    items: names.map((name) => ({ mediaId: name, name, type: 'image' })),
    total: names.length,
    counts: { image: names.length, voice: 0, video: 0, news: 0 },
    usage: [{ limit: 'imagesAndNews', used: names.length, max: 100_000 }],
  }) as never;

describe('material library store', () => {
  async function setUp() {
    const { context } = fakeContext({ accounts: { items: [wxAccount('wxa'), wxAccount('wxb')], totalBound: 2 } });
    await context.refresh();
    context.select('wxa');
    const pending: Record<string, (p: MaterialPage) => void> = {};
    const api = jasmine.createSpyObj<MaterialsApi>('MaterialsApi', ['list']);
    api.list.and.callFake((appid) => new Promise((resolve) => (pending[appid] = resolve)));
    // The slice is registered like the lazy route does, after the context announced the account.
    TestBed.configureTestingModule({
      providers: [
        ...provideUiTesting(context),
        { provide: MaterialsApi, useValue: api },
        provideStore({ [materialLibraryFeature.name]: materialLibraryFeature.reducer }),
        provideEffects(AccountContextEffects, MaterialLibraryEffects),
      ],
    });
    const store = TestBed.inject(Store);
    const state = () => TestBed.runInInjectionContext(() => store.selectSignal(materialLibraryFeature.selectMaterialLibraryState))();
    const names = () => materialLibraryFeature.selectMaterials({ materialLibrary: state() }).map((m) => m.name);
    const settle = () => new Promise((resolve) => setTimeout(resolve));
    return { context, store, api, pending, state, names, settle };
  }

  it('loads when the page opens, for the page’s account, and keeps the answer', async () => {
    const { store, api, pending, state, names, settle } = await setUp();
    expect(api.list).not.toHaveBeenCalled();
    store.dispatch(MaterialLibraryPageActions.opened({ appid: 'wxa' }));
    expect(api.list.calls.mostRecent().args.slice(0, 2)).toEqual(['wxa', { type: 'image', q: '', permanent: null, offset: 0, limit: 20 }]);
    pending['wxa'](page(['海报.png']));
    await settle();
    expect(state().status).toBe('loaded');
    expect(names()).toEqual(['海报.png']);
    expect(state().usage[0].used).toBe(1);
  });

  it('asks the server for a tab, a search and permanence, from the first page', async () => {
    const { store, api, pending, settle } = await setUp();
    store.dispatch(MaterialLibraryPageActions.opened({ appid: 'wxa' }));
    pending['wxa'](page(['a']));
    await settle();
    store.dispatch(MaterialLibraryPageActions.pageChanged({ offset: 20 }));
    store.dispatch(MaterialLibraryPageActions.tabChanged({ tab: 'voice' }));
    expect(api.list.calls.mostRecent().args[1]).toEqual(jasmine.objectContaining({ type: 'voice', offset: 0 }));
    store.dispatch(MaterialLibraryPageActions.searchChanged({ q: '欢迎' }));
    store.dispatch(MaterialLibraryPageActions.permanenceChanged({ permanent: false }));
    expect(api.list.calls.mostRecent().args[1]).toEqual({ type: 'voice', q: '欢迎', permanent: false, offset: 0, limit: 20 });
  });

  it('never lets the previous account’s late answer land after a switch, and reloads after an upload', async () => {
    const { context, store, api, pending, names, settle } = await setUp();
    store.dispatch(MaterialLibraryPageActions.opened({ appid: 'wxa' }));
    const late = pending['wxa'];
    context.select('wxb');
    await settle();
    late(page(['A 的图']));
    pending['wxb'](page(['B 的图']));
    await settle();
    expect(names()).toEqual(['B 的图']);
    const calls = api.list.calls.count();
    store.dispatch(MaterialLibraryPageActions.materialUploaded({ material: { mediaId: 'n' } as never }));
    expect(api.list.calls.count()).toBe(calls + 1);
  });
});
