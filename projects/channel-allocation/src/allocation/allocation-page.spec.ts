import { TestBed } from '@angular/core/testing';
import { AccountContext, type SuiteEvent } from '@wechat-mfe/account-context';
import { Subject } from 'rxjs';
import { fakeContext, loadLanguage, provideUiTesting, wxAccount, wxUser } from '@wechat-mfe/ui/testing';
import { OrganisationApi, type Department, type SuiteUser } from '../data/organisation-api';
import { AllocationPage } from './allocation-page';
import zh from '../i18n/zh-CN.json';
import en from '../i18n/en.json';

const SMART = wxAccount('wx5f3a9c1e7b2d4068', { name: 'Dmartech智慧营销' });
const SUBSCRIPTION = wxAccount('wx9b2d6f0a4c8e1357', { name: 'Dmartech订阅号', type: 'subscription' });
const DEMO = wxAccount('wxd1e4a7b0c3f6a925', { name: 'DM Demo Service' });

const departments = (): Department[] => [
  { id: 'dep_hq', name: '总部', parentId: null, appids: [], revision: 'r-dep_hq' },
  { id: 'dep_marketing', name: '市场部', parentId: 'dep_hq', appids: [SMART.appid, SUBSCRIPTION.appid], revision: 'r-dep_marketing' },
  { id: 'dep_east', name: '华东区', parentId: 'dep_marketing', appids: [], revision: 'r-dep_east' },
  { id: 'dep_sales', name: '销售部', parentId: 'dep_hq', appids: [], revision: 'r-dep_sales' },
];
const USERS: SuiteUser[] = [
  { id: 'usr_admin', username: 'admin', name: '管理员', role: 'admin', department: { id: 'dep_hq', name: '总部' } },
  { id: 'usr_east', username: 'east', name: '华东专员', role: 'member', department: { id: 'dep_east', name: '华东区' } },
];
const problem = (code: string, status: number) => ({ problem: { code, status, detail: code, errors: [] } });

describe('AllocationPage', () => {
  let api: jasmine.SpyObj<OrganisationApi>;

  let events: Subject<SuiteEvent>;

  async function render(role: 'admin' | 'member' | 'signed-out' = 'admin', failLoad = false, bound = [SMART, SUBSCRIPTION, DEMO]) {
    const { suite } = fakeContext({
      user: role === 'signed-out' ? null : wxUser('u', { role, department: { id: 'dep_hq', name: '总部' } }),
      accounts: { items: bound, totalBound: bound.length },
    });
    events = new Subject<SuiteEvent>();
    // The fake suite, plus the event stream the shell's context listens to.
    const context = new AccountContext({ loadUser: async () => suite.user, loadAccounts: async () => suite.accounts, events });
    await context.refresh();
    api = jasmine.createSpyObj<OrganisationApi>('OrganisationApi', ['departments', 'users', 'updateAllocation']);
    api.departments.and.callFake(async () => departments());
    if (failLoad) api.departments.and.rejectWith(problem('MOCK_FAULT', 503));
    api.users.and.resolveTo(USERS);
    api.updateAllocation.and.callFake(async (id, appids) => ({ ...departments().find((d) => d.id === id)!, appids: [...appids] }));
    TestBed.configureTestingModule({
      imports: [AllocationPage],
      providers: [...provideUiTesting(context, { 'zh-CN': async () => zh, en: async () => en }), { provide: OrganisationApi, useValue: api }],
    });
    await loadLanguage('zh-CN');
    const fixture = TestBed.createComponent(AllocationPage);
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
    const department = (id: string) => element.querySelector<HTMLElement>(`[data-department-id="${id}"]`)!;
    const checkbox = (name: string) =>
      [...element.querySelectorAll<HTMLLabelElement>('wx-department-editor label')].find((l) => l.textContent!.includes(name))!.querySelector('input')!;
    return { fixture, element, settle, button, department, checkbox };
  }

  it('shows the tree with each department’s accounts and flags East China, which inherits nothing from Marketing', async () => {
    const { department } = await render();
    expect(department('dep_marketing').querySelector('.accounts')!.textContent).toContain('Dmartech智慧营销');
    expect(department('dep_marketing').querySelector('.accounts')!.textContent).toContain('订阅号');
    expect(department('dep_east').textContent).toContain('未分配公众号');
    expect(department('dep_east').querySelector('[data-testid="not-inherited-flag"]')!.textContent).toContain('上级部门 市场部 有 2 个');
    expect(department('dep_sales').querySelector('[data-testid="not-inherited-flag"]')).toBeNull();
    expect(department('dep_east').textContent).toContain('复制上级分配');
    expect(department('dep_sales').textContent).not.toContain('复制上级分配');
  });

  it('configures a department with checkboxes and saves the whole allocation', async () => {
    const { button, checkbox, settle, department, element } = await render();
    button('配置 华东区 的公众号').click();
    await settle();
    expect(document.activeElement).toBe(checkbox('Dmartech智慧营销'));
    const save = button('保存分配');
    expect(save.disabled).withContext('nothing changed yet').toBeTrue();
    checkbox('DM Demo Service').click();
    await settle();
    save.click();
    await settle();
    expect(api.updateAllocation).toHaveBeenCalledOnceWith('dep_east', [DEMO.appid], 'r-dep_east');
    expect(element.querySelector('wx-department-editor')).toBeNull();
    expect(department('dep_east').querySelector('.accounts')!.textContent).toContain('DM Demo Service');
    // Not flagged any more, but the parent's accounts are still named as not inherited.
    expect(department('dep_east').querySelector('[data-testid="not-inherited-flag"]')).toBeNull();
    expect(department('dep_east').querySelector('.note')!.textContent).toContain('Dmartech智慧营销、Dmartech订阅号');
    expect(element.querySelector('[data-testid="allocation-status"]')!.textContent).toContain('已保存 华东区 的分配');
  });

  it('keeps the ticks and shows why when the suite refuses', async () => {
    const { button, checkbox, settle, element } = await render();
    api.updateAllocation.and.rejectWith(problem('FORBIDDEN_ROLE', 403));
    button('配置 销售部 的公众号').click();
    await settle();
    checkbox('Dmartech订阅号').click();
    await settle();
    button('保存分配').click();
    await settle();
    expect(element.querySelector('wx-department-editor [role="alert"]')!.textContent).toContain('只有企业管理员可以执行此操作');
    expect(checkbox('Dmartech订阅号').checked).toBeTrue();
  });

  it('an allocation saved by another administrator meanwhile: the ticks stay; keep mine saves over it, show the latest replaces them', async () => {
    const { button, checkbox, settle, element } = await render();
    const theirs = { ...departments().find((d) => d.id === 'dep_sales')!, appids: [SMART.appid], revision: 'r-sales-2' };
    button('配置 销售部 的公众号').click();
    await settle();
    checkbox('Dmartech订阅号').click();
    await settle();
    api.updateAllocation.and.rejectWith(problem('STALE', 412));
    api.departments.and.callFake(async () => departments().map((d) => (d.id === 'dep_sales' ? theirs : d)));
    button('保存分配').click();
    await settle();
    expect(element.querySelector('wx-department-editor wx-stale-notice')).not.toBeNull();
    expect(checkbox('Dmartech订阅号').checked).toBeTrue();
    expect(checkbox('Dmartech智慧营销').checked).toBeFalse();

    api.updateAllocation.and.callFake(async (id, appids) => ({ ...theirs, appids: [...appids], revision: 'r-sales-3' }));
    button('仍保存我的修改（覆盖那次修改）').click();
    await settle();
    expect(api.updateAllocation.calls.mostRecent().args).toEqual(['dep_sales', [SUBSCRIPTION.appid], 'r-sales-2']);
    expect(element.querySelector('wx-department-editor')).toBeNull();

    // Once more, and this time the editor shows their ticks.
    button('配置 销售部 的公众号').click();
    await settle();
    checkbox('DM Demo Service').click();
    await settle();
    api.updateAllocation.and.rejectWith(problem('STALE', 412));
    button('保存分配').click();
    await settle();
    expect(api.updateAllocation.calls.mostRecent().args[2]).toBe('r-sales-3');
    button('改用最新内容（放弃我的修改）').click();
    await settle();
    expect(element.querySelector('wx-stale-notice')).toBeNull();
    expect(checkbox('Dmartech智慧营销').checked).toBeTrue();
    expect(checkbox('DM Demo Service').checked).toBeFalse();
  });

  it("copies the parent's allocation only after a confirmation", async () => {
    const { button, settle, department } = await render();
    button('复制上级分配').click();
    await settle();
    expect(api.updateAllocation).not.toHaveBeenCalled();
    expect(department('dep_east').querySelector('[role="group"]')!.textContent).toContain('Dmartech智慧营销、Dmartech订阅号');
    button('取消').click();
    await settle();
    expect(department('dep_east').querySelector('[role="group"]')).toBeNull();
    button('复制上级分配').click();
    await settle();
    button('确认复制').click();
    await settle();
    expect(api.updateAllocation).toHaveBeenCalledOnceWith('dep_east', [SMART.appid, SUBSCRIPTION.appid], 'r-dep_east');
    expect(department('dep_east').querySelector('.accounts')!.textContent).toContain('Dmartech订阅号');
    expect(department('dep_east').textContent).not.toContain('复制上级分配');
  });

  it('previews a user’s effective access and follows a saved allocation', async () => {
    const { element, settle, button, checkbox } = await render();
    const select = element.querySelector<HTMLSelectElement>('wx-access-preview select')!;
    expect(element.querySelector('wx-access-preview label')!.textContent).toContain('用户');
    select.value = 'usr_east';
    select.dispatchEvent(new Event('change'));
    await settle();
    const preview = () => element.querySelector('[data-testid="access-preview"]')!.textContent!;
    expect(preview()).toContain('华东专员 没有可以使用的公众号');
    expect(preview()).toContain('已分配给上级部门 市场部，不会被继承');

    button('配置 华东区 的公众号').click();
    await settle();
    checkbox('DM Demo Service').click();
    await settle();
    button('保存分配').click();
    await settle();
    expect(preview()).toContain('华东专员 可以使用 1 个公众号');
    expect(preview()).toContain('已分配给 华东区');

    select.value = 'usr_admin';
    select.dispatchEvent(new Event('change'));
    await settle();
    expect(preview()).toContain('是管理员');
    expect(element.querySelectorAll('[data-testid="access-preview"] li').length).toBe(3);
  });

  it('shows members the no-permission state and never asks the suite', async () => {
    const { element } = await render('member');
    expect(element.querySelector('[data-testid="admin-only"]')!.textContent).toContain('暂无权限');
    expect(element.querySelector('[data-testid="admin-only"]')!.textContent).toContain('只有管理员');
    expect(api.departments).not.toHaveBeenCalled();
  });

  it('follows an allocation changed elsewhere, keeping the ticks of the department being configured', async () => {
    const { button, checkbox, settle, department } = await render();
    button('配置 华东区 的公众号').click();
    await settle();
    checkbox('DM Demo Service').click();
    await settle();
    api.departments.and.callFake(async () =>
      departments().map((d) => (d.id === 'dep_sales' ? { ...d, appids: [SUBSCRIPTION.appid] } : d.id === 'dep_east' ? { ...d, appids: [SMART.appid] } : d)),
    );
    events.next({ type: 'allocation', data: { departmentId: 'dep_sales' } });
    await settle();
    expect(department('dep_sales').querySelector('.accounts')!.textContent).toContain('Dmartech订阅号');
    expect(checkbox('DM Demo Service').checked).toBeTrue();
    expect(checkbox('Dmartech智慧营销').checked).toBeFalse();
  });

  it('closes the editor with Escape and gives focus back to its button, saving nothing', async () => {
    const { button, checkbox, settle, element } = await render();
    button('配置 销售部 的公众号').click();
    await settle();
    checkbox('Dmartech订阅号').click();
    checkbox('Dmartech订阅号').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settle();
    expect(element.querySelector('wx-department-editor')).toBeNull();
    expect(document.activeElement).toBe(button('配置 销售部 的公众号'));
    expect(api.updateAllocation).not.toHaveBeenCalled();
  });

  it('leaves a signed-out session to the shared gate (error with retry) and asks the suite nothing', async () => {
    const { element } = await render('signed-out');
    expect(element.querySelector('wx-account-gate wx-error-state')).not.toBeNull();
    expect(element.querySelector('wx-account-gate')!.textContent).toContain('重试');
    expect(api.departments).not.toHaveBeenCalled();
  });

  it('offers an administrator to authorize an account when none is bound', async () => {
    const { element } = await render('admin', false, []);
    expect(element.querySelector('wx-account-gate')!.getAttribute('data-gate')).toBe('not-bound');
    expect(element.querySelector('[data-department-id]')).toBeNull();
  });

  it('shows a failed load with a retry', async () => {
    const { element, settle, department } = await render('admin', true);
    const error = element.querySelector('wx-error-state')!;
    expect(error.textContent).toContain('模拟故障');
    api.departments.and.callFake(async () => departments());
    error.querySelector('button')!.click();
    await settle();
    expect(element.querySelector('wx-error-state')).toBeNull();
    expect(department('dep_east')).not.toBeNull();
  });
});
