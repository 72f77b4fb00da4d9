import { Subject, firstValueFrom } from 'rxjs';
import { AccountContext } from './account-context';
import { SuiteEvent, SuiteUser, AccountList } from './models';
import { account, channelHub, list, memoryStore, user } from './testing';

describe('AccountContext', () => {
  const a = account('wxa');
  const b = account('wxb', { type: 'subscription' });

  function create(opts: { user?: SuiteUser | null; accounts?: AccountList; store?: ReturnType<typeof memoryStore> } = {}) {
    const store = opts.store ?? memoryStore();
    let currentAccounts = opts.accounts ?? list([a, b]);
    const loadAccounts = jasmine.createSpy('loadAccounts').and.callFake(async () => currentAccounts);
    const context = new AccountContext({
      loadUser: async () => (opts.user === undefined ? user('u1') : opts.user),
      loadAccounts,
      storage: store,
    });
    return { context, store, loadAccounts, setAccounts: (next: AccountList) => (currentAccounts = next) };
  }

  it('starts loading and selects the first account once loaded', async () => {
    const { context } = create();
    expect(context.snapshot.access).toBe('loading');
    await context.refresh();
    expect(context.snapshot.access).toBe('ready');
    expect((await firstValueFrom(context.selected$))?.appid).toBe('wxa');
  });

  it('selects only accounts the user may use', async () => {
    const { context } = create();
    await context.refresh();
    expect(context.select('wxb')).toBeTrue();
    expect(context.select('wx-not-mine')).toBeFalse();
    expect(context.snapshot.selectedAppid).toBe('wxb');
  });

  it('emits selected$ once per change, not on unrelated state changes', async () => {
    const { context } = create();
    await context.refresh();
    const seen: (string | undefined)[] = [];
    const sub = context.selected$.subscribe((s) => seen.push(s?.appid));
    context.setLocale('en');
    context.select('wxb');
    context.select('wxb');
    sub.unsubscribe();
    expect(seen).toEqual(['wxa', 'wxb']);
  });

  it('restores the persisted selection of the same user after a reload', async () => {
    const store = memoryStore();
    const first = create({ store }).context;
    await first.refresh();
    first.select('wxb');
    const reloaded = create({ store }).context;
    await reloaded.refresh();
    expect(reloaded.snapshot.selectedAppid).toBe('wxb');
  });

  it('ignores a persisted selection that the user may no longer use', async () => {
    const store = memoryStore({ 'wechat-mfe.selected-account.u1': 'wx-removed' });
    const { context } = create({ store });
    await context.refresh();
    expect(context.snapshot.selectedAppid).toBe('wxa');
  });

  it('keeps each user their own selection', async () => {
    const store = memoryStore({ 'wechat-mfe.selected-account.u2': 'wxb' });
    const { context } = create({ store, user: user('u1') });
    await context.refresh();
    expect(context.snapshot.selectedAppid).toBe('wxa');
  });

  it('falls back to the first account when a refresh removes the selected one', async () => {
    const { context, setAccounts } = create();
    await context.refresh();
    context.select('wxb');
    setAccounts(list([a]));
    await context.refresh();
    expect(context.snapshot.selectedAppid).toBe('wxa');
  });

  it('tells not-bound, no-permission and signed-out apart', async () => {
    const none = create({ accounts: list([], 0) }).context;
    await none.refresh();
    expect(none.snapshot.access).toBe('not-bound');

    const notMine = create({ accounts: list([], 3) }).context;
    await notMine.refresh();
    expect(notMine.snapshot.access).toBe('no-permission');
    expect(notMine.snapshot.selectedAppid).toBeNull();

    const out = create({ user: null });
    await out.context.refresh();
    expect(out.context.snapshot.access).toBe('signed-out');
    // Loaded in parallel with the session, but nobody signed in sees no account.
    expect(out.context.snapshot.accounts).toEqual([]);
    expect(out.context.snapshot.selectedAppid).toBeNull();
  });

  it('reports a failed load as an error and recovers on the next refresh', async () => {
    let fail = true;
    const context = new AccountContext({
      loadUser: async () => user('u1'),
      loadAccounts: async () => {
        if (fail) throw new Error('offline');
        return list([a]);
      },
    });
    await context.refresh();
    expect(context.snapshot.access).toBe('error');
    fail = false;
    await context.refresh();
    expect(context.snapshot.access).toBe('ready');
  });

  it('applies only the latest of overlapping refreshes', async () => {
    const answers: ((value: AccountList) => void)[] = [];
    const context = new AccountContext({
      loadUser: async () => user('u1'),
      loadAccounts: () => new Promise<AccountList>((resolve) => answers.push(resolve)),
    });
    const first = context.refresh();
    const second = context.refresh();
    await new Promise((r) => setTimeout(r));
    answers[1](list([b]));
    await second;
    answers[0](list([a]));
    await first;
    expect(context.snapshot.accounts.map((x) => x.appid)).toEqual(['wxb']);
  });

  it('persists the locale and defaults to zh-CN', async () => {
    const store = memoryStore();
    const { context } = create({ store });
    expect(context.snapshot.locale).toBe('zh-CN');
    context.setLocale('en');
    expect(create({ store }).context.snapshot.locale).toBe('en');
  });

  it('ignores a corrupt persisted locale', () => {
    const { context } = create({ store: memoryStore({ 'wechat-mfe.locale': 'klingon' }) });
    expect(context.snapshot.locale).toBe('zh-CN');
  });

  it('survives a storage that throws', async () => {
    const throwing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('quota'); } };
    const context = new AccountContext({ loadUser: async () => user('u1'), loadAccounts: async () => list([a, b]), storage: throwing });
    await context.refresh();
    expect(context.select('wxb')).toBeTrue();
    expect(context.snapshot.selectedAppid).toBe('wxb');
  });

  describe('across tabs', () => {
    function tab(hub: ReturnType<typeof channelHub>, store = memoryStore(), accounts = list([a, b])) {
      return new AccountContext({ loadUser: async () => user('u1'), loadAccounts: async () => accounts, storage: store, channel: hub() });
    }

    it('follows a selection made in another tab', async () => {
      const hub = channelHub();
      const one = tab(hub);
      const two = tab(hub);
      await Promise.all([one.refresh(), two.refresh()]);
      one.select('wxb');
      expect(two.snapshot.selectedAppid).toBe('wxb');
    });

    it('follows the language chosen in another tab', async () => {
      const hub = channelHub();
      const one = tab(hub);
      const two = tab(hub);
      one.setLocale('en');
      expect(two.snapshot.locale).toBe('en');
    });

    it('ignores another user\'s selection and malformed messages', async () => {
      const hub = channelHub();
      const mine = tab(hub);
      await mine.refresh();
      const other = hub();
      other.postMessage({ kind: 'select', userId: 'u2', appid: 'wxb' });
      other.postMessage({ kind: 'select', appid: 42 });
      other.postMessage('garbage');
      expect(mine.snapshot.selectedAppid).toBe('wxa');
    });

    it('refreshes when another tab selects an account it does not know yet', async () => {
      const hub = channelHub();
      let accounts = list([a]);
      const behind = new AccountContext({ loadUser: async () => user('u1'), loadAccounts: async () => accounts, storage: memoryStore(), channel: hub() });
      await behind.refresh();
      accounts = list([a, b]);
      hub().postMessage({ kind: 'select', userId: 'u1', appid: 'wxb' });
      await new Promise((r) => setTimeout(r, 10));
      expect(behind.snapshot.selectedAppid).toBe('wxb');
    });
  });

  it('refreshes when an allocation or account event arrives, not on others', async () => {
    const events = new Subject<SuiteEvent>();
    const loadAccounts = jasmine.createSpy().and.resolveTo(list([a]));
    const context = new AccountContext({ loadUser: async () => user('u1'), loadAccounts, events });
    await context.refresh();
    events.next({ type: 'job', data: {} });
    expect(loadAccounts).toHaveBeenCalledTimes(1);
    events.next({ type: 'allocation', data: { departmentId: 'd1' } });
    await new Promise((r) => setTimeout(r));
    expect(loadAccounts).toHaveBeenCalledTimes(2);
    context.dispose();
    events.next({ type: 'account', data: {} });
    expect(loadAccounts).toHaveBeenCalledTimes(2);
  });
});
