import { TestBed } from '@angular/core/testing';
import { provideStore, Store } from '@ngrx/store';
import { provideEffects } from '@ngrx/effects';
import { Subject } from 'rxjs';
import { AccountContext, type SuiteEvent } from '@wechat-mfe/account-context';
import { AccountContextEffects } from '@wechat-mfe/ui';
import { provideUiTesting, wxAccount, wxUser } from '@wechat-mfe/ui/testing';
import { MassSendApi, type MassSend, type MassSendPage } from '../mass-send-api';
import { MassSendHistoryEffects } from './mass-send-history.effects';
import { MassSendApiActions, MassSendComposeActions, MassSendHistoryPageActions, MassSendLiveActions, massSendHistoryFeature } from './mass-send-history.store';

const send = (id: number, patch: Partial<MassSend> = {}): MassSend =>
  ({ id, status: 'sending', jobId: `job_${id}`, progress: { done: 0, total: 100 }, result: null, ...patch }) as MassSend;
const page = (...items: MassSend[]): MassSendPage => ({ items, total: items.length });

describe('mass-send history store', () => {
  async function setUp() {
    const events = new Subject<SuiteEvent>();
    const context = new AccountContext({
      loadUser: async () => wxUser('marketer'),
      loadAccounts: async () => ({ items: [wxAccount('wxa'), wxAccount('wxb')], totalBound: 2 }),
      events,
    });
    await context.refresh();
    context.select('wxa');
    const api = jasmine.createSpyObj<MassSendApi>('MassSendApi', ['list']);
    api.list.and.callFake(async (appid) => (appid === 'wxa' ? page(send(1), send(2, { status: 'scheduled', jobId: null })) : page()));
    TestBed.configureTestingModule({
      providers: [
        ...provideUiTesting(context),
        { provide: MassSendApi, useValue: api },
        provideStore({ [massSendHistoryFeature.name]: massSendHistoryFeature.reducer }),
        provideEffects(AccountContextEffects, MassSendHistoryEffects),
      ],
    });
    const store = TestBed.inject(Store);
    const state = () => TestBed.runInInjectionContext(() => store.selectSignal(massSendHistoryFeature.selectMassSendHistoryState))();
    const sends = () => TestBed.runInInjectionContext(() => store.selectSignal(massSendHistoryFeature.selectSends))();
    const settle = () => new Promise((resolve) => setTimeout(resolve));
    return { context, events, store, api, state, sends, settle };
  }

  it('loads the selected account when opened, and again after a send (first page)', async () => {
    const { store, api, state, settle } = await setUp();
    expect(api.list).not.toHaveBeenCalled();
    store.dispatch(MassSendHistoryPageActions.opened());
    await settle();
    expect(api.list).toHaveBeenCalledWith('wxa', { offset: 0, limit: 10 }, jasmine.any(AbortSignal));
    expect(state().status).toBe('loaded');
    store.dispatch(MassSendHistoryPageActions.pageChanged({ offset: 10 }));
    store.dispatch(MassSendComposeActions.sent({ massSend: send(3) }));
    await settle();
    expect(api.list.calls.mostRecent().args[1]).toEqual({ offset: 0, limit: 10 });
  });

  it('follows job progress and the later result pushed on the event stream', async () => {
    const { store, events, sends, settle } = await setUp();
    store.dispatch(MassSendHistoryPageActions.opened());
    await settle();
    events.next({ type: 'job', data: { id: 'job_1', type: 'mass-send', status: 'running', progress: { done: 40, total: 100 } } });
    expect(sends()[0].progress).toEqual({ done: 40, total: 100 });
    events.next({ type: 'job', data: { id: 'job_1', type: 'fans.import', status: 'running', progress: { done: 99, total: 100 } } });
    expect(sends()[0].progress).toEqual({ done: 40, total: 100 });
    const result = { total: 100, sent: 95, filtered: 3, errors: 2, arrivedAt: '2026-11-25T10:00:00Z' };
    events.next({ type: 'mass-send.result', data: { appid: 'wxa', massSend: send(1, { status: 'finished', result }) } });
    expect(sends()[0]).toEqual(jasmine.objectContaining({ status: 'finished', result }));
    // Another account's result never lands here.
    events.next({ type: 'mass-send.result', data: { appid: 'wxb', massSend: send(2, { status: 'finished', result }) } });
    expect(sends()[1].status).toBe('scheduled');
  });

  it('shows nothing of the previous account after a switch', async () => {
    const { store, context, sends, api, settle } = await setUp();
    store.dispatch(MassSendHistoryPageActions.opened());
    await settle();
    expect(sends().length).toBe(2);
    context.select('wxb');
    await settle();
    expect(api.list).toHaveBeenCalledWith('wxb', jasmine.anything(), jasmine.anything());
    expect(sends()).toEqual([]);
  });

  it('takes its first page even when the slice was registered after the account was selected (lazy route)', () => {
    const reducer = massSendHistoryFeature.reducer;
    let state = reducer(undefined, MassSendHistoryPageActions.opened());
    state = reducer(state, MassSendApiActions.pageLoaded({ appid: 'wxa', page: page(send(1)) }));
    expect(state.status).toBe('loaded');
    expect(state.appid).toBe('wxa');
    expect(reducer(state, MassSendApiActions.pageLoaded({ appid: 'wxb', page: page() })).sends.map((s) => s.id)).toEqual([1]);
  });

  it('replaces a cancelled send or an arrived result in place, keeping the server order', () => {
    const reducer = massSendHistoryFeature.reducer;
    let state = reducer(undefined, MassSendApiActions.pageLoaded({ appid: 'wxa', page: page(send(3), send(2, { status: 'scheduled' }), send(1)) }));
    state = reducer(state, MassSendHistoryPageActions.sendCancelled({ massSend: send(2, { status: 'cancelled' }) }));
    expect(state.sends.map((s) => [s.id, s.status])).toEqual([[3, 'sending'], [2, 'cancelled'], [1, 'sending']]);
    // A result for a send not on this page leaves the page as it is.
    expect(reducer(state, MassSendLiveActions.resultArrived({ appid: 'wxa', massSend: send(9, { status: 'finished' }) })).sends.length).toBe(3);
  });
});
