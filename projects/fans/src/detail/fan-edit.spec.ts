import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { fakeContext, loadLanguage, provideUiTesting, WxButtonHarness } from '@wechat-mfe/ui/testing';
import { FanActionsApi } from '../data/fan-actions-api';
import { FansApi, type FanDetail } from '../data/fans-api';
import { TagDirectory } from '../tags/tag-directory';
import { FanEdit, type FanPatch } from './fan-edit';
import zh from '../i18n/zh-CN.json';
import en from '../i18n/en.json';

const detail = (patch: Partial<FanDetail> = {}): FanDetail => ({
  openid: 'o1',
  unionid: null,
  subscribed: true,
  subscribeTime: null,
  scene: null,
  qrScene: null,
  qrCodeName: null,
  language: null,
  remark: '老客户',
  remarkRevision: 'r-old',
  tagIds: [100],
  blacklisted: false,
  timeline: [],
  ...patch,
});

describe('FanEdit', () => {
  let api: jasmine.SpyObj<FanActionsApi>;
  let fans: jasmine.SpyObj<FansApi>;

  async function render(fan: FanDetail) {
    const { context } = fakeContext();
    await context.refresh();
    api = jasmine.createSpyObj<FanActionsApi>('FanActionsApi', ['tags', 'setRemark', 'blacklist', 'tagFans']);
    fans = jasmine.createSpyObj<FansApi>('FansApi', ['get']);
    const tags = Array.from({ length: 25 }, (_, i) => ({ id: 100 + i, name: `标签${i}`, fanCount: 0, reserved: false, revision: `r${i}` }));
    api.tags.and.resolveTo({ items: tags, limit: 100 });
    TestBed.configureTestingModule({
      imports: [FanEdit],
      providers: [
        ...provideUiTesting(context, { 'zh-CN': async () => zh, en: async () => en }),
        { provide: FanActionsApi, useValue: api },
        { provide: FansApi, useValue: fans },
        TagDirectory,
      ],
    });
    await loadLanguage('zh-CN');
    await TestBed.inject(TagDirectory).load('wx-service');
    const fixture = TestBed.createComponent(FanEdit);
    fixture.componentRef.setInput('appid', 'wx-service');
    fixture.componentRef.setInput('fan', fan);
    const patches: FanPatch[] = [];
    fixture.componentInstance.changed.subscribe((p) => patches.push(p));
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    };
    const type = async (value: string) => {
      const input = element.querySelector<HTMLInputElement>('#fan-remark-edit')!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    return { fixture, element, loader, settle, type, patches };
  }

  it('counts the remark n / 30, blocks 31 characters, and keeps the text when the server refuses', async () => {
    const { element, loader, settle, type, patches } = await render(detail());
    expect(element.querySelector('[data-testid="remark-counter"]')!.textContent).toBe('3 / 30');
    await type('😀'.repeat(31));
    expect(element.querySelector('[data-testid="remark-counter"]')!.textContent).toBe('31 / 30');
    const save = await loader.getHarness(WxButtonHarness.with({ text: '保存备注' }));
    expect(await save.isDisabled()).toBeTrue();
    await type('年会客户');
    api.setRemark.and.rejectWith({ problem: { code: 'VALIDATION', status: 400, errors: [{ field: 'remark', message: 'x' }] } });
    await save.click();
    await settle();
    expect(element.querySelector('#fan-remark-help [role="alert"]')!.textContent).toBe('备注最多 30 个字。');
    expect(element.querySelector<HTMLInputElement>('#fan-remark-edit')!.value).toBe('年会客户');
    expect(patches).toEqual([]);
    api.setRemark.and.resolveTo({ ...detail(), remark: '年会客户', remarkRevision: 'r-new' });
    await save.click();
    await settle();
    expect(api.setRemark).toHaveBeenCalledWith('wx-service', 'o1', '年会客户', 'r-old');
    expect(patches).toEqual([{ remark: '年会客户', remarkRevision: 'r-new' }]);
  });

  it("keeps the typed remark when a colleague's remark was saved meanwhile, and lets the user save over it or take it", async () => {
    const { fixture, element, loader, settle, type, patches } = await render(detail());
    await type('我的备注');
    const stale = { problem: { code: 'STALE', status: 412, errors: [{ field: 'header.If-Match', message: 'x' }] } };
    api.setRemark.and.rejectWith(stale);
    fans.get.and.resolveTo(detail({ remark: '同事的备注', remarkRevision: 'r-theirs' }));
    await (await loader.getHarness(WxButtonHarness.with({ text: '保存备注' }))).click();
    await settle();
    const notice = () => element.querySelector('wx-stale-notice');
    expect(notice()).not.toBeNull();
    expect(fans.get).toHaveBeenCalledOnceWith('wx-service', 'o1');
    expect(element.querySelector<HTMLInputElement>('#fan-remark-edit')!.value).toBe('我的备注');
    expect(patches).toEqual([]);

    // Keep mine: saved over their revision.
    api.setRemark.and.resolveTo({ ...detail(), remark: '我的备注', remarkRevision: 'r-mine' });
    notice()!.querySelector<HTMLButtonElement>('button.filled')!.click();
    await settle();
    expect(api.setRemark.calls.mostRecent().args).toEqual(['wx-service', 'o1', '我的备注', 'r-theirs']);
    expect(patches).toEqual([{ remark: '我的备注', remarkRevision: 'r-mine' }]);
    expect(notice()).toBeNull();

    // Refused again, then take theirs: the field shows their remark and the drawer their revision.
    fixture.componentRef.setInput('fan', detail({ remark: '我的备注', remarkRevision: 'r-mine' }));
    await fixture.whenStable();
    await type('再改一次');
    api.setRemark.and.rejectWith(stale);
    fans.get.and.resolveTo(detail({ remark: '同事又改了', remarkRevision: 'r-theirs-2' }));
    await (await loader.getHarness(WxButtonHarness.with({ text: '保存备注' }))).click();
    await settle();
    notice()!.querySelector<HTMLButtonElement>('button:not(.filled)')!.click();
    await settle();
    expect(element.querySelector<HTMLInputElement>('#fan-remark-edit')!.value).toBe('同事又改了');
    expect(patches.at(-1)).toEqual({ remark: '同事又改了', remarkRevision: 'r-theirs-2' });
    expect(notice()).toBeNull();
  });

  it('toggles the blacklist for this fan only', async () => {
    const { loader, settle, patches } = await render(detail());
    api.blacklist.and.resolveTo(1);
    await (await loader.getHarness(WxButtonHarness.with({ text: '加入黑名单' }))).click();
    await settle();
    expect(api.blacklist).toHaveBeenCalledOnceWith('wx-service', ['o1'], true);
    expect(patches).toEqual([{ blacklisted: true }]);
  });

  it('adds and removes tags, and offers no more once the fan has 20', async () => {
    const { element, loader, settle, patches, fixture } = await render(detail());
    api.tagFans.and.resolveTo(1);
    const select = element.querySelector<HTMLSelectElement>('#fan-add-tag')!;
    expect([...select.options].some((o) => o.textContent === '标签0')).toBeFalse();
    select.value = '105';
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    await (await loader.getHarness(WxButtonHarness.with({ text: '添加标签' }))).click();
    await settle();
    expect(api.tagFans).toHaveBeenCalledOnceWith('wx-service', 105, ['o1'], true);
    expect(patches).toEqual([{ tagIds: [100, 105] }]);
    element.querySelector<HTMLButtonElement>('[aria-label="移除标签 标签0"]')!.click();
    await settle();
    expect(api.tagFans).toHaveBeenCalledWith('wx-service', 100, ['o1'], false);

    fixture.componentRef.setInput('fan', detail({ tagIds: Array.from({ length: 20 }, (_, i) => 100 + i) }));
    await fixture.whenStable();
    expect(element.querySelector<HTMLSelectElement>('#fan-add-tag')!.disabled).toBeTrue();
    expect(element.textContent).toContain('每位粉丝最多 20 个标签');
  });
});
