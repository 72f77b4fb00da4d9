import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { provideStore } from '@ngrx/store';
import { provideEffects } from '@ngrx/effects';
import { of } from 'rxjs';
import { PICKER_TRANSLATIONS } from '@wechat-mfe/pickers';
import { AccountContextActions, AccountContextEffects } from '@wechat-mfe/ui';
import { fakeContext, loadLanguage, provideUiTesting, wxAccount, wxUser, WxSelectHarness } from '@wechat-mfe/ui/testing';
import { FanSyncApi } from '../sync/fan-sync-api';
import { FanSyncEffects } from '../sync/fan-sync.effects';
import { fanSyncFeature } from '../sync/fan-sync.store';
import { ContactsApi, type Contact, type ContactQuery } from './contacts-api';
import { ContactListEffects } from './contact-list.effects';
import { ContactsApiActions, ContactsPageActions, contactListFeature } from './contact-list.store';
import { ContactsPage } from './contacts-page';
import zh from '../i18n/zh-CN.json';
import en from '../i18n/en.json';

const merged: Contact = {
  id: 1,
  name: '王芳',
  phone: '13900000000',
  updating: true,
  shared: false,
  accounts: [
    { appid: 'wx-smart', name: 'Dmartech智慧营销', openid: 'oSMART', subscribed: true, subscribeTime: '2025-03-01T02:00:00.000Z', updating: true },
    { appid: 'wx-sub', name: 'Dmartech订阅号', openid: 'oSUB', subscribed: false, subscribeTime: '2025-04-01T02:00:00.000Z', updating: true },
  ],
};
const shared: Contact = {
  id: 2,
  updating: true,
  shared: true,
  accounts: [{ appid: 'wx-other', name: 'DM 未认证服务号', openid: 'oOTHER', subscribed: true, subscribeTime: null, updating: true }],
};

describe('wx-contacts-page', () => {
  let api: jasmine.SpyObj<ContactsApi>;

  async function render(options: { accounts?: ReturnType<typeof wxAccount>[]; total?: number } = {}) {
    const accounts = options.accounts ?? [
      wxAccount('wx-smart', { name: 'Dmartech智慧营销' }),
      wxAccount('wx-sub', { name: 'Dmartech订阅号', type: 'subscription' }),
    ];
    const { context } = fakeContext({ accounts: { items: accounts, totalBound: 4 }, user: wxUser('marketer') });
    await context.refresh();
    if (accounts.length) context.select('wx-smart');
    api = jasmine.createSpyObj<ContactsApi>('ContactsApi', ['list']);
    api.list.and.resolveTo({ items: [merged, shared], total: options.total ?? 2 });
    const syncApi = jasmine.createSpyObj<FanSyncApi>('FanSyncApi', ['state', 'start', 'running', 'latest', 'watch']);
    syncApi.state.and.resolveTo({ run: null, activeJobId: null });
    syncApi.latest.and.resolveTo(null);
    syncApi.running.and.returnValue(of(null));
    TestBed.configureTestingModule({
      providers: [
        ...provideUiTesting(context, { 'zh-CN': async () => zh, en: async () => en }, { pickers: PICKER_TRANSLATIONS }),
        provideStore({ [contactListFeature.name]: contactListFeature.reducer, [fanSyncFeature.name]: fanSyncFeature.reducer }),
        provideEffects(AccountContextEffects, ContactListEffects, FanSyncEffects),
        { provide: ContactsApi, useValue: api },
        { provide: FanSyncApi, useValue: syncApi },
      ],
    });
    await loadLanguage('zh-CN');
    const fixture = TestBed.createComponent(ContactsPage);
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const lastQuery = (): ContactQuery => api.list.calls.mostRecent().args[0];
    const rows = () => [...element.querySelectorAll('tbody tr')] as HTMLElement[];
    return { context, fixture, element, loader, lastQuery, rows, syncApi };
  }

  it('lists the fans of the selected account by default, per account openid, state and time, and marks shared contacts', async () => {
    const { element, lastQuery, rows } = await render();
    expect(lastQuery()).toEqual({ appids: ['wx-smart'], q: '', offset: 0, limit: 20 });
    expect(element.querySelector('[data-testid="contact-count"]')?.textContent?.trim()).toBe('共 2 位联系人');
    const [first, second] = rows();
    expect(first.querySelector('th')?.textContent?.trim()).toBe('王芳');
    const links = [...first.querySelectorAll('.links li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(links[0]).toContain('Dmartech智慧营销 已关注');
    expect(links[0]).toContain('oSMART');
    expect(links[1]).toContain('Dmartech订阅号 已取消关注');
    expect(links[1]).toContain('oSUB');
    expect(first.querySelector('.badge.shared')).toBeNull();
    expect(second.querySelector('th')?.textContent?.trim()).toBe('未知');
    expect(second.querySelector('.badge.shared')?.textContent?.trim()).toBe('共享（只读）');
    expect(element.querySelector('caption')?.textContent?.trim()).toBe('微信粉丝联系人');
  });

  it('filters by several accounts picked with the account picker, and by a search', async () => {
    const { loader, lastQuery, fixture } = await render();
    const picker = await loader.getHarness(WxSelectHarness);
    await picker.open();
    await picker.clickOptions({ text: /Dmartech订阅号/ });
    await fixture.whenStable();
    expect(lastQuery().appids).toEqual(['wx-smart', 'wx-sub']);
    const input = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>('input[type="search"]')!;
    input.value = '139';
    input.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, 350));
    await fixture.whenStable();
    expect(lastQuery()).toEqual({ appids: ['wx-smart', 'wx-sub'], q: '139', offset: 0, limit: 20 });
    expect(input.value).toBe('139');
  });

  it('pages on the server', async () => {
    const { loader, lastQuery, fixture, element } = await render({ total: 45 });
    expect(await (await loader.getHarness(MatButtonHarness.with({ text: '上一页' }))).isDisabled()).toBeTrue();
    const next = () => loader.getHarness(MatButtonHarness.with({ text: '下一页' }));
    await (await next()).click();
    await fixture.whenStable();
    expect(lastQuery()).toEqual({ appids: ['wx-smart'], q: '', offset: 20, limit: 20 });
    expect(element.querySelector('.range')?.textContent?.trim()).toBe('第 21–22 位，共 45 位');
    expect(await (await loader.getHarness(MatButtonHarness.with({ text: '上一页' }))).isDisabled()).toBeFalse();
  });

  it('shows an error with retry, then the empty state', async () => {
    const { fixture, element, loader } = await render({ total: 45 });
    api.list.and.rejectWith({ status: 500, code: 'INTERNAL' });
    await (await loader.getHarness(MatButtonHarness.with({ text: '下一页' }))).click();
    await fixture.whenStable();
    expect(element.querySelector('wx-error-state')).not.toBeNull();
    api.list.and.resolveTo({ items: [], total: 0 });
    // The shared error state's retry is a native button (ADR 0005), not a Material one.
    const retry = [...element.querySelectorAll<HTMLButtonElement>('wx-error-state button')].find((b) => b.textContent?.includes('重试'));
    expect(retry).toBeDefined();
    retry?.click();
    await fixture.whenStable();
    expect(element.querySelector('wx-empty-state')?.textContent).toContain('没有联系人');
  });

  it('offers "Sync WeChat fans" for the selected account, and works without an account of one\'s own', async () => {
    const { element, syncApi } = await render();
    expect(element.querySelector('wx-fan-sync-panel h2')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('微信粉丝同步 · Dmartech智慧营销');
    expect(syncApi.state).toHaveBeenCalledWith('wx-smart');
    TestBed.resetTestingModule();
    const alone = await render({ accounts: [] });
    expect(alone.element.querySelector('wx-fan-sync-panel')).toBeNull();
    expect(alone.lastQuery().appids).toEqual([]);
    expect(alone.element.querySelector('.badge.shared')).not.toBeNull();
  });

  it('follows the language', async () => {
    const { context, fixture, element } = await render();
    context.setLocale('en');
    await fixture.whenStable();
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('WeChat fan contacts');
    expect(element.querySelector('.badge.shared')?.textContent?.trim()).toBe('Shared (read-only)');
  });
});

describe('contact list store', () => {
  it('drops the answer of a query that changed meanwhile, and Enter asks again for the same search', () => {
    const { reducer } = contactListFeature;
    let state = reducer(undefined, ContactsPageActions.opened({ appid: null }));
    const firstKey = state.key;
    state = reducer(state, ContactsPageActions.searchChanged({ q: '王' }));
    const stale = reducer(state, ContactsApiActions.pageLoaded({ key: firstKey, page: { items: [merged], total: 1 } }));
    expect(stale.total).toBeNull();
    expect(stale.loading).toBeTrue();
    const loaded = reducer(state, ContactsApiActions.pageLoaded({ key: state.key, page: { items: [merged], total: 1 } }));
    expect(loaded.items).toEqual([merged]);
    expect(reducer(loaded, ContactsPageActions.searchChanged({ q: '王 ' }))).toBe(loaded);
    expect(reducer(loaded, ContactsPageActions.searchSubmitted({ q: '王' })).loading).toBeTrue();
    // Until the user picks accounts here, the top bar's account is the filter; afterwards it is not.
    const followed = reducer(loaded, AccountContextActions.selected({ appid: 'wx-b' }));
    expect(followed.appids).toEqual(['wx-b']);
    const picked = reducer(followed, ContactsPageActions.accountsPicked({ appids: ['wx-a', 'wx-b'] }));
    expect(reducer(picked, AccountContextActions.selected({ appid: 'wx-c' })).appids).toEqual(['wx-a', 'wx-b']);
  });
});
