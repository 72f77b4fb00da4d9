import { TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { fakeContext, loadLanguage, provideUiTesting, WxButtonHarness } from '@wechat-mfe/ui/testing';
import { FanActionsApi } from '../data/fan-actions-api';
import { TagDirectory } from '../tags/tag-directory';
import { FanListPageActions } from '../list/fan-list.store';
import { FanBatchBar } from './batch-bar';
import zh from '../i18n/zh-CN.json';
import en from '../i18n/en.json';

const openids = (n: number) => Array.from({ length: n }, (_, i) => `o${i}`);

describe('FanBatchBar', () => {
  let api: jasmine.SpyObj<FanActionsApi>;

  async function render(selection: string[], matching: number | null) {
    const { context } = fakeContext();
    await context.refresh();
    api = jasmine.createSpyObj<FanActionsApi>('FanActionsApi', ['tags', 'tagFans', 'blacklist']);
    api.tags.and.resolveTo({ items: [{ id: 100, name: '高价值', fanCount: 0, reserved: false, revision: 'r100' }], limit: 100 });
    TestBed.configureTestingModule({
      imports: [FanBatchBar],
      providers: [
        ...provideUiTesting(context, { 'zh-CN': async () => zh, en: async () => en }),
        provideMockStore(),
        { provide: FanActionsApi, useValue: api },
        TagDirectory,
      ],
    });
    await loadLanguage('zh-CN');
    await TestBed.inject(TagDirectory).load('wx-service');
    const store = TestBed.inject(MockStore);
    spyOn(store, 'dispatch');
    const fixture = TestBed.createComponent(FanBatchBar);
    fixture.componentRef.setInput('appid', 'wx-service');
    fixture.componentRef.setInput('selection', selection);
    fixture.componentRef.setInput('matching', matching);
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const button = (text: string | RegExp) => loader.getHarness(WxButtonHarness.with({ text }));
    const settle = async () => {
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    };
    const chooseTag = async () => {
      const select = element.querySelector<HTMLSelectElement>('#batch-tag')!;
      select.value = '100';
      select.dispatchEvent(new Event('change'));
      await fixture.whenStable();
    };
    return { fixture, element, button, settle, chooseTag, store };
  }

  it('shows the selection count, offers to select all matching (or the first 10,000), and says when it clears', async () => {
    const { element, button, store } = await render(openids(3), 12_000);
    expect(element.querySelector('[data-testid="selection-count"]')!.textContent!.trim()).toBe('已选择 3 位粉丝');
    await (await button('选择前 10,000 位（共 12,000 位匹配）')).click();
    expect(store.dispatch).toHaveBeenCalledWith(FanListPageActions.allMatchingRequested());
    expect(element.textContent).toContain('切换账号或更改筛选条件会清除选择');
    expect(element.textContent).toContain('一次最多选择 10,000 位粉丝');
  });

  it('holds the select-all button\'s place, disabled, until the number of matching fans is known', async () => {
    const { fixture, element } = await render(openids(0), null);
    const pending = element.querySelector<HTMLButtonElement>('[data-testid="select-all-pending"]')!;
    expect(pending.disabled).toBeTrue();
    expect(pending.textContent!.trim()).toBe('选择全部匹配的粉丝');
    fixture.componentRef.setInput('matching', 2_000);
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="select-all-pending"]')).toBeNull();
    const buttons = Array.from(element.querySelectorAll('button')).map((b) => b.textContent!.trim());
    expect(buttons).toContain('选择全部 2,000 位匹配的粉丝');
  });

  it('speaks of one fan in the singular in English', async () => {
    const { fixture, element, button, settle } = await render(openids(1), 2);
    await loadLanguage('en');
    TestBed.inject(TranslocoService).setActiveLang('en');
    await fixture.whenStable();
    fixture.componentRef.setInput('matching', 1);
    fixture.componentRef.setInput('selection', []);
    await fixture.whenStable();
    expect(Array.from(element.querySelectorAll('button')).map((b) => b.textContent!.trim())).toContain('Select the 1 matching fan');
    fixture.componentRef.setInput('selection', openids(1));
    await fixture.whenStable();
    api.blacklist.and.callFake(async () => {
      throw { problem: { code: 'NETWORK' } };
    });
    await (await button('Blacklist')).click();
    await settle();
    const progress = element.querySelector('[data-testid="batch-progress"]')!;
    expect(progress.textContent).toContain('Blacklisting 1 fan');
    expect(progress.textContent).not.toContain('1 fans');
    expect(progress.querySelector('[role="alert"]')!.textContent).toContain('Batch 1 (1 fan) failed:');
  });

  it('tags 120 fans in calls of 50, 50 and 20, then asks the list to read the rows again', async () => {
    const { element, button, settle, chooseTag, store } = await render(openids(120), 120);
    api.tagFans.and.callFake(async (_appid, _tag, ids) => ids.length);
    await chooseTag();
    await (await button('批量打标签')).click();
    await settle();
    expect(api.tagFans.calls.allArgs().map((a) => [a[1], a[2].length, a[3]])).toEqual([
      [100, 50, true],
      [100, 50, true],
      [100, 20, true],
    ]);
    const progress = element.querySelector('[data-testid="batch-progress"]')!;
    expect(progress.getAttribute('data-status')).toBe('done');
    expect(progress.querySelector('[data-testid="batch-count"]')!.textContent).toBe('120 / 120');
    expect(progress.textContent).toContain('为 120 位粉丝添加标签“高价值”');
    expect(store.dispatch).toHaveBeenCalledWith(FanListPageActions.fansChanged());
  });

  it('pauses on a failed call naming it, retries only the rest, and lists the fans WeChat refused', async () => {
    const { element, button, settle } = await render(openids(45), 45);
    let failNext = true;
    api.blacklist.and.callFake(async (_appid, ids) => {
      if (ids[0] === 'o20' && failNext) {
        failNext = false;
        throw { problem: { code: 'NETWORK' } };
      }
      // Like the mock: o41 is no fan, named by its index in this call.
      const unknown = ids.indexOf('o41');
      if (unknown >= 0) throw { problem: { code: 'WECHAT_40003', status: 422, errors: [{ field: `openids[${unknown}]`, message: 'x' }] } };
      return ids.length;
    });
    await (await button('加入黑名单')).click();
    await settle();
    const progress = () => element.querySelector('[data-testid="batch-progress"]')!;
    expect(progress().getAttribute('data-status')).toBe('paused');
    expect(progress().querySelector('[role="alert"]')!.textContent).toContain('第 2 批（20 位粉丝）失败');
    expect(progress().querySelector('[data-testid="batch-count"]')!.textContent).toBe('20 / 45');
    await (await button('重试剩余的 25 位')).click();
    await settle();
    expect(api.blacklist.calls.allArgs().map((a) => a[1][0])).toEqual(['o0', 'o20', 'o20', 'o40', 'o40']);
    expect(api.blacklist.calls.mostRecent().args[1]).toEqual(['o40', 'o42', 'o43', 'o44']);
    expect(progress().getAttribute('data-status')).toBe('done');
    expect(progress().textContent).toContain('微信拒绝了 1 位粉丝');
    expect(progress().textContent).toContain('o41');
    expect(progress().textContent).toContain('微信不认识这些 OpenID');
  });

  it('cancels before the next call', async () => {
    const { element, button, settle } = await render(openids(100), 100);
    let release!: (n: number) => void;
    api.blacklist.and.callFake(() => new Promise<number>((resolve) => (release = resolve)));
    await (await button('加入黑名单')).click();
    await (await button('取消')).click();
    release(20);
    await settle();
    expect(api.blacklist).toHaveBeenCalledTimes(1);
    const progress = element.querySelector('[data-testid="batch-progress"]')!;
    expect(progress.getAttribute('data-status')).toBe('cancelled');
    expect(progress.textContent).toContain('未完成 80 位');
  });

  it('never lets a call of a dismissed run land in the next run', async () => {
    const { element, button, settle } = await render(openids(40), 40);
    const pending: ((n: number) => void)[] = [];
    api.blacklist.and.callFake(() => new Promise<number>((resolve) => pending.push(resolve)));
    await (await button('加入黑名单')).click();
    await (await button('取消')).click();
    await settle();
    await (await button('关闭')).click();
    await (await button('移出黑名单')).click();
    await settle();
    expect(pending.length).toBe(2);
    pending[0](20);
    await settle();
    const progress = element.querySelector('[data-testid="batch-progress"]')!;
    expect(progress.textContent).toContain('将 40 位粉丝移出黑名单');
    expect(progress.querySelector('[data-testid="batch-count"]')!.textContent).toBe('0 / 40');
    pending[1](20);
    await settle();
    expect(progress.querySelector('[data-testid="batch-count"]')!.textContent).toBe('20 / 40');
    expect(api.blacklist.calls.allArgs().map((a) => a[2])).toEqual([true, false, false]);
  });
});
