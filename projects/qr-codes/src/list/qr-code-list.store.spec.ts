import { TestBed } from '@angular/core/testing';
import { provideStore, Store } from '@ngrx/store';
import { provideEffects } from '@ngrx/effects';
import { fakeContext, provideUiTesting, wxAccount } from '@wechat-mfe/ui/testing';
import { QrCodesApi, type QrCodePage } from '../data/qr-codes-api';
import { AccountContextEffects } from '@wechat-mfe/ui';
import { QrCodeListEffects } from './qr-code-list.effects';
import { QrCodeListPageActions, qrCodeListFeature } from './qr-code-list.store';

const page = (names: string[]): QrCodePage =>
  ({ items: names.map((name, id) => ({ id: id + 1, name })), total: names.length, permanentQuota: { used: 1, limit: 100_000 } }) as never;

describe('QR code list store', () => {
  async function setUp() {
    const accounts = [wxAccount('wxa'), wxAccount('wxb'), wxAccount('wxs', { type: 'subscription' })];
    const { context, suite } = fakeContext({ accounts: { items: accounts, totalBound: accounts.length } });
    await context.refresh();
    context.select('wxa');
    const pending: Record<string, (p: QrCodePage) => void> = {};
    const api = jasmine.createSpyObj<QrCodesApi>('QrCodesApi', ['list']);
    api.list.and.callFake((appid) => new Promise((resolve) => (pending[appid] = resolve)));
    TestBed.configureTestingModule({
      providers: [
        ...provideUiTesting(context),
        { provide: QrCodesApi, useValue: api },
        provideStore({ [qrCodeListFeature.name]: qrCodeListFeature.reducer }),
        provideEffects(AccountContextEffects, QrCodeListEffects),
      ],
    });
    const store = TestBed.inject(Store);
    const state = () => TestBed.runInInjectionContext(() => store.selectSignal(qrCodeListFeature.selectQrCodeListState))();
    const settle = () => new Promise((resolve) => setTimeout(resolve));
    return { context, suite, store, api, pending, state, settle };
  }

  it('loads only while the page is open, with the query the page set', async () => {
    const { store, api, pending, state, settle } = await setUp();
    expect(api.list).not.toHaveBeenCalled();
    store.dispatch(QrCodeListPageActions.opened());
    store.dispatch(QrCodeListPageActions.sortChanged({ sort: 'scans', order: 'asc' }));
    expect(api.list.calls.mostRecent().args[1]).toEqual(jasmine.objectContaining({ sort: 'scans', order: 'asc', offset: 0 }));
    pending['wxa'](page(['门店码']));
    await settle();
    expect(state().status).toBe('loaded');
    expect(qrCodeListFeature.selectCodes({ qrCodeList: state() }).map((c) => c.name)).toEqual(['门店码']);
    expect(qrCodeListFeature.selectPage({ qrCodeList: state() })).toEqual(jasmine.objectContaining({ from: 1, to: 1, total: 1, hasNext: false }));
  });

  it('never lets the previous account’s late answer land after a switch', async () => {
    const { context, store, pending, state, settle } = await setUp();
    store.dispatch(QrCodeListPageActions.opened());
    const late = pending['wxa'];
    context.select('wxb');
    await settle();
    expect(state().appid).toBe('wxb');
    late(page(['A 的码']));
    pending['wxb'](page(['B 的码']));
    await settle();
    expect(qrCodeListFeature.selectCodes({ qrCodeList: state() }).map((c) => c.name)).toEqual(['B 的码']);
  });

  it('reloads the current page after a code was saved or deleted', async () => {
    const { store, api, pending, settle } = await setUp();
    store.dispatch(QrCodeListPageActions.opened());
    pending['wxa'](page(['门店码', '海报码']));
    await settle();
    const calls = api.list.calls.count();
    store.dispatch(QrCodeListPageActions.codeDeleted({ id: 2 }));
    expect(api.list.calls.count()).toBe(calls + 1);
    pending['wxa'](page(['门店码']));
    await settle();
    store.dispatch(QrCodeListPageActions.codeSaved({ code: { id: 1, name: '门店码' } as never }));
    expect(api.list.calls.count()).toBe(calls + 2);
  });

  it('requests nothing for an account that cannot use QR codes (the gate shows its notice instead)', async () => {
    const { context, store, api, pending, settle } = await setUp();
    store.dispatch(QrCodeListPageActions.opened());
    pending['wxa'](page(['门店码']));
    await settle();
    const calls = api.list.calls.count();
    // The switch reaches the effect before the gate removes the list (and its "closed").
    context.select('wxs');
    await settle();
    expect(api.list.calls.count()).toBe(calls);
    expect(api.list.calls.allArgs().map(([appid]) => appid)).not.toContain('wxs');
  });
});
