import { TestBed } from '@angular/core/testing';
import { fakeContext, loadLanguage, provideUiTesting, wxAccount, wxUser } from '@wechat-mfe/ui/testing';
import { OrganisationApi, type Department, type SharingRule, type SharingRuleInput } from '../data/organisation-api';
import { SharingPage } from './sharing-page';
import zh from '../i18n/zh-CN.json';
import en from '../i18n/en.json';

const SMART = wxAccount('wx5f3a9c1e7b2d4068', { name: 'Dmartech智慧营销' });
const SUBSCRIPTION = wxAccount('wx9b2d6f0a4c8e1357', { name: 'Dmartech订阅号', type: 'subscription' });
const DEPARTMENTS: Department[] = [
  { id: 'dep_hq', name: '总部', parentId: null, appids: [], revision: 'r-dep_hq' },
  { id: 'dep_marketing', name: '市场部', parentId: 'dep_hq', appids: [SMART.appid, SUBSCRIPTION.appid], revision: 'r-dep_marketing' },
  { id: 'dep_sales', name: '销售部', parentId: 'dep_hq', appids: [], revision: 'r-dep_sales' },
];
const seeded = (): SharingRule => ({
  id: 2,
  name: '市场部共享订阅号给销售部',
  sourceDepartmentId: 'dep_marketing',
  appids: [SUBSCRIPTION.appid],
  targetDepartmentIds: ['dep_sales'],
  enabled: true,
  createdAt: '2025-07-02T02:00:00.000Z',
  updatedAt: '2025-07-02T02:00:00.000Z',
  revision: 'r1',
});
const refused = (code: string, status: number, errors: { field: string; message: string }[] = []) => ({ problem: { code, status, detail: code, errors } });

describe('SharingPage', () => {
  let api: jasmine.SpyObj<OrganisationApi>;

  async function render() {
    const { context } = fakeContext({ user: wxUser('admin', { role: 'admin' }), accounts: { items: [SMART, SUBSCRIPTION], totalBound: 2 } });
    await context.refresh();
    api = jasmine.createSpyObj<OrganisationApi>('OrganisationApi', ['departments', 'sharingRules', 'createSharingRule', 'updateSharingRule', 'deleteSharingRule']);
    api.departments.and.resolveTo(DEPARTMENTS);
    api.sharingRules.and.callFake(async () => [seeded()]);
    api.createSharingRule.and.callFake(async (body: SharingRuleInput) => ({ ...seeded(), ...body, id: 9 }));
    api.updateSharingRule.and.callFake(async (id: number, body: SharingRuleInput) => ({ ...seeded(), ...body, id }));
    api.deleteSharingRule.and.resolveTo();
    TestBed.configureTestingModule({
      imports: [SharingPage],
      providers: [...provideUiTesting(context, { 'zh-CN': async () => zh, en: async () => en }), { provide: OrganisationApi, useValue: api }],
    });
    await loadLanguage('zh-CN');
    const fixture = TestBed.createComponent(SharingPage);
    const element: HTMLElement = fixture.nativeElement;
    const settle = async () => {
      for (let i = 0; i < 3; i++) {
        await new Promise((resolve) => setTimeout(resolve));
        await fixture.whenStable();
      }
    };
    await settle();
    const button = (name: string) =>
      [...element.querySelectorAll<HTMLButtonElement>('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()) === name)!;
    const field = (label: string) => {
      const l = [...element.querySelectorAll('label')].find((x) => x.textContent!.trim() === label)!;
      return element.querySelector<HTMLInputElement & HTMLSelectElement>(`#${l.getAttribute('for')}`)!;
    };
    const choice = (legend: string, name: string) => {
      const set = [...element.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')!.textContent!.includes(legend))!;
      return [...set.querySelectorAll('label')].find((l) => l.textContent!.includes(name))!.querySelector('input')!;
    };
    const type = async (control: HTMLInputElement | HTMLSelectElement, value: string) => {
      control.value = value;
      control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input'));
      await settle();
    };
    const row = (name: string) => [...element.querySelectorAll('tbody tr')].find((r) => r.querySelector('th')!.textContent!.trim() === name)!;
    return { element, settle, button, field, choice, type, row };
  }

  it('lists rules with owner, accounts, targets and state', async () => {
    const { row } = await render();
    const text = row('市场部共享订阅号给销售部').textContent!;
    expect(text).toContain('市场部');
    expect(text).toContain('Dmartech订阅号');
    expect(text).toContain('销售部');
    expect(row('市场部共享订阅号给销售部').querySelector('[role="switch"]')!.getAttribute('aria-checked')).toBe('true');
  });

  it('checks a new rule before sending, keeping what was typed, then creates it', async () => {
    const { button, field, choice, type, settle, element, row } = await render();
    button('新建共享规则').click();
    await settle();
    await type(field('规则名称'), '市场部共享智慧营销');
    await type(field('所属部门'), 'dep_marketing');
    choice('共享给哪些部门', '市场部').click();
    await settle();
    button('保存规则').click();
    await settle();
    expect(api.createSharingRule).not.toHaveBeenCalled();
    expect(element.textContent).toContain('请至少选择一个公众号。');
    expect(element.textContent).toContain('部门不能共享给自己');
    expect(field('规则名称').value).toBe('市场部共享智慧营销');

    choice('共享哪些公众号', 'Dmartech智慧营销').click();
    choice('共享给哪些部门', '市场部').click();
    choice('共享给哪些部门', '销售部').click();
    await settle();
    expect(element.textContent).not.toContain('部门不能共享给自己');
    button('保存规则').click();
    await settle();
    expect(api.createSharingRule).toHaveBeenCalledOnceWith({
      name: '市场部共享智慧营销',
      sourceDepartmentId: 'dep_marketing',
      appids: [SMART.appid],
      targetDepartmentIds: ['dep_sales'],
      enabled: true,
    });
    expect(row('市场部共享智慧营销')).toBeDefined();
    expect(element.querySelector('[data-testid="sharing-status"]')!.textContent).toContain('已创建规则“市场部共享智慧营销”');
  });

  it('refuses a duplicate before sending, and shows the suite’s CONFLICT if it comes anyway', async () => {
    const { button, field, choice, type, settle, element } = await render();
    button('新建共享规则').click();
    await settle();
    await type(field('规则名称'), '重复');
    await type(field('所属部门'), 'dep_marketing');
    choice('共享哪些公众号', 'Dmartech订阅号').click();
    choice('共享给哪些部门', '销售部').click();
    await settle();
    button('保存规则').click();
    await settle();
    expect(api.createSharingRule).not.toHaveBeenCalled();
    expect(element.querySelector('.form-error')!.textContent).toContain('已有相同的规则“市场部共享订阅号给销售部”');

    choice('共享哪些公众号', 'Dmartech智慧营销').click();
    await settle();
    api.createSharingRule.and.rejectWith(refused('CONFLICT', 409));
    button('保存规则').click();
    await settle();
    expect(element.querySelector('.form-error')!.textContent).toContain('已有相同的规则：');
    expect(field('规则名称').value).toBe('重复');
  });

  it('disables and enables a rule with its switch', async () => {
    const { button, settle, row } = await render();
    button('启用规则 市场部共享订阅号给销售部').click();
    await settle();
    expect(api.updateSharingRule).toHaveBeenCalledOnceWith(2, jasmine.objectContaining({ enabled: false, appids: [SUBSCRIPTION.appid] }), 'r1');
    expect(row('市场部共享订阅号给销售部').querySelector('[role="switch"]')!.getAttribute('aria-checked')).toBe('false');
    expect(row('市场部共享订阅号给销售部').textContent).toContain('已停用');
  });

  it('edits a rule in the form, prefilled', async () => {
    const { button, field, type, settle } = await render();
    button('编辑规则 市场部共享订阅号给销售部').click();
    await settle();
    expect(field('规则名称').value).toBe('市场部共享订阅号给销售部');
    await type(field('规则名称'), '改名');
    button('保存规则').click();
    await settle();
    expect(api.updateSharingRule).toHaveBeenCalledOnceWith(2, jasmine.objectContaining({ name: '改名', targetDepartmentIds: ['dep_sales'] }), 'r1');
  });

  it('an edit over a change another administrator saved meanwhile keeps the fields; keep mine saves over it, show the latest replaces them', async () => {
    const { button, field, type, settle, element, row } = await render();
    const theirs = { ...seeded(), name: '另一位管理员改的', updatedAt: '2026-11-26T06:02:00.000Z', revision: 'r2' };
    button('编辑规则 市场部共享订阅号给销售部').click();
    await settle();
    await type(field('规则名称'), '我改的');
    api.updateSharingRule.and.rejectWith(refused('STALE', 412, [{ field: 'header.If-Match', message: 'stale' }]));
    api.sharingRules.and.callFake(async () => [theirs]);
    button('保存规则').click();
    await settle();
    expect(element.querySelector('wx-sharing-rule-form wx-stale-notice')).not.toBeNull();
    expect(field('规则名称').value).toBe('我改的');

    api.updateSharingRule.and.callFake(async (id: number, body: SharingRuleInput) => ({ ...theirs, ...body, id, revision: 'r3' }));
    button('仍保存我的修改（覆盖那次修改）').click();
    await settle();
    expect(api.updateSharingRule.calls.mostRecent().args).toEqual([2, jasmine.objectContaining({ name: '我改的' }), 'r2']);
    expect(element.querySelector('wx-sharing-rule-form')).toBeNull();
    expect(row('我改的')).toBeDefined();

    // Again, and this time the form shows their version.
    button('编辑规则 我改的').click();
    await settle();
    await type(field('规则名称'), '又一版');
    api.updateSharingRule.and.rejectWith(refused('STALE', 412));
    api.sharingRules.and.callFake(async () => [{ ...theirs, revision: 'r4' }]);
    button('保存规则').click();
    await settle();
    expect(api.updateSharingRule.calls.mostRecent().args[2]).toBe('r3');
    button('改用最新内容（放弃我的修改）').click();
    await settle();
    expect(element.querySelector('wx-stale-notice')).toBeNull();
    expect(field('规则名称').value).toBe('另一位管理员改的');
  });

  it('a switch over a change made meanwhile shows the rule as it is now and says why', async () => {
    const { button, settle, row } = await render();
    api.updateSharingRule.and.rejectWith(refused('STALE', 412));
    api.sharingRules.and.callFake(async () => [{ ...seeded(), name: '另一位管理员改的', enabled: false, revision: 'r2' }]);
    button('启用规则 市场部共享订阅号给销售部').click();
    await settle();
    expect(row('另一位管理员改的').textContent).toContain('已停用');
    expect(row('另一位管理员改的').textContent).toContain('你的修改没有保存');
  });

  it('deletes only after a confirmation', async () => {
    const { button, settle, element } = await render();
    button('删除规则 市场部共享订阅号给销售部').click();
    await settle();
    expect(api.deleteSharingRule).not.toHaveBeenCalled();
    expect(document.activeElement!.textContent!.trim()).toBe('确认删除');
    button('确认删除').click();
    await settle();
    expect(api.deleteSharingRule).toHaveBeenCalledOnceWith(2);
    expect(element.querySelector('tbody')).toBeNull();
    expect(element.querySelector('wx-empty-state')!.textContent).toContain('还没有共享规则');
  });
});
