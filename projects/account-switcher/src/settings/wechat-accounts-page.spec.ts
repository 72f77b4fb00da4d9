import { TestBed } from '@angular/core/testing';
import { provideSuiteClient } from '@wechat-mfe/suite-api';
import { fakeContext, provideUiTesting, wxAccount, wxUser } from '@wechat-mfe/ui/testing';
import { WechatAccountsPage } from './wechat-accounts-page';
import zhCN from '../i18n/zh-CN.json';
import en from '../i18n/en.json';

describe('WechatAccountsPage', () => {
  async function render(setup: Parameters<typeof fakeContext>[0]) {
    const { context } = fakeContext(setup);
    await context.refresh();
    TestBed.configureTestingModule({
      providers: [...provideUiTesting(context, { 'zh-CN': async () => zhCN, en: async () => en }), provideSuiteClient('/api')],
    });
    const fixture = TestBed.createComponent(WechatAccountsPage);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it("tells a member whose department has no account that, and who can fix it (not that nothing is bound)", async () => {
    const page = await render({ user: wxUser('east', { department: { id: 'd2', name: '华东区' } }), accounts: { items: [], totalBound: 4 } });
    const empty = page.querySelector('wx-empty-state')?.textContent ?? '';
    expect(empty).toContain('您所在的部门「华东区」还没有分配');
    expect(empty).toContain('渠道分配');
    expect(empty).not.toContain('尚未绑定');
  });

  it('asks a member to contact an administrator when the organisation has bound nothing', async () => {
    const page = await render({ user: wxUser('sales'), accounts: { items: [], totalBound: 0 } });
    const empty = page.querySelector('wx-empty-state')?.textContent ?? '';
    expect(empty).toContain('尚未绑定');
    expect(empty).toContain('请联系管理员');
  });

  it("shows why the accounts could not load, as other pages do", async () => {
    const page = await render({ failure: { status: 503 } });
    // The context's own failure (a 503), not the message for an error nobody knows.
    expect(page.querySelector('wx-error-state .wx-error-message')?.textContent).toContain('状态码 503');
  });

  it('opens one unbind dialog however fast the button is pressed again while its code loads, and focus returns to it', async () => {
    const page = await render({ user: wxUser('admin', { role: 'admin' }), accounts: { items: [wxAccount('wx-service', { name: '智慧营销' })], totalBound: 1 } });
    document.body.appendChild(page);
    const unbind = [...page.querySelectorAll<HTMLButtonElement>('button.danger')].find((b) => b.textContent?.includes('解绑'))!;
    unbind.focus();
    unbind.click();
    unbind.click();
    const dialogs = () => document.querySelectorAll('mat-dialog-container');
    for (let i = 0; i < 100 && dialogs().length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(dialogs().length).toBe(1);
    document.querySelector<HTMLButtonElement>('mat-dialog-container button[mat-dialog-close]')?.click();
    for (let i = 0; i < 100 && dialogs().length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(dialogs().length).toBe(0);
    expect(document.activeElement).toBe(unbind);
    page.remove();
  });
});
