import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AccountContext } from '@wechat-mfe/account-context';
import { filter, firstValueFrom } from 'rxjs';
import { FakeSuite, fakeContext, provideUiTesting, wxAccount, wxUser } from '../../testing/ui-testing';
import { AccountRequirement, WECHAT_FEATURES } from '../account-type-unavailable-state/account-requirement';
import { AccountGate } from './account-gate.component';
import { AccountReady } from './account-ready.directive';

let created = 0;

@Component({ selector: 'wx-page-probe', template: 'page', changeDetection: ChangeDetectionStrategy.OnPush })
class PageProbe {
  constructor() {
    created++;
  }
}

@Component({
  imports: [AccountGate, AccountReady, PageProbe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <wx-account-gate [requires]="requires()">
      <ng-template wxAccountReady let-account>
        <p class="content">{{ account.appid }}</p>
        <wx-page-probe />
      </ng-template>
      <p class="projected">projected</p>
    </wx-account-gate>
  `,
})
class Host {
  readonly requires = signal<AccountRequirement | null>(null);
}

const service = wxAccount('wx-service', { name: 'Dmartech智慧营销' });
const subscription = wxAccount('wx-subscription', { name: 'Dmartech订阅号', type: 'subscription' });
const unverified = wxAccount('wx-unverified', { name: 'DM 未认证服务号', verified: false });

describe('wx-account-gate', () => {
  async function render(suite: Partial<FakeSuite> = {}, opts: { refresh?: boolean } = {}) {
    created = 0;
    const { context, suite: world } = fakeContext(suite);
    if (opts.refresh !== false) await context.refresh();
    TestBed.configureTestingModule({ providers: provideUiTesting(context) });
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const gate = (): HTMLElement => fixture.nativeElement.querySelector('wx-account-gate');
    const text = () => gate().textContent ?? '';
    const settle = async (run: () => unknown) => {
      await run();
      await fixture.whenStable();
    };
    return { context, suite: world, fixture, gate, text, settle, actions: (text?: string) => [...gate().querySelectorAll<HTMLElement>('button, a')].filter((b) => text === undefined || b.textContent?.trim() === text) };
  }

  const ready = (context: AccountContext) => firstValueFrom(context.access$.pipe(filter((a) => a === 'ready')));

  it('shows a busy status region while the context loads', async () => {
    const { gate } = await render({}, { refresh: false });
    const status = gate().querySelector('wx-loading-state');
    expect(status?.getAttribute('role')).toBe('status');
    expect(status?.getAttribute('aria-busy')).toBe('true');
    expect(status?.querySelector('h2')?.textContent).toBe('正在加载…');
    expect(created).toBe(0);
  });

  it('shows the content with the selected account once ready', async () => {
    const { gate } = await render();
    expect(gate().getAttribute('data-gate')).toBe('ready');
    expect(gate().querySelector('.content')?.textContent).toBe('wx-service');
    expect(gate().querySelector('.projected')).not.toBeNull();
    expect(created).toBe(1);
  });

  it('shows an error with a retry that refreshes the context', async () => {
    const { context, suite, gate, text, settle, actions } = await render({ failure: new TypeError('Failed to fetch') });
    expect(gate().querySelector('wx-error-state')?.getAttribute('role')).toBe('alert');
    expect(text()).toContain('网络连接失败');
    suite.failure = null;
    await settle(async () => {
      actions('重试')[0].click();
      await ready(context);
    });
    expect(gate().querySelector('.content')?.textContent).toBe('wx-service');
  });

  it('tells a signed-out user to sign in again', async () => {
    const { text } = await render({ user: null });
    expect(text()).toContain('登录已失效');
  });

  it('offers administrators "click to authorize" when no account is bound', async () => {
    const { gate, actions } = await render({ user: wxUser('admin', { role: 'admin' }), accounts: { items: [], totalBound: 0 } });
    expect(gate().querySelector('h2')?.textContent).toBe('尚未绑定微信公众号');
    const [link] = actions('点击进行微信授权');
    expect(link.getAttribute('href')).toBe('/settings/wechat-accounts?bind=1');
  });

  it('tells other users to ask an administrator when no account is bound', async () => {
    const { text, actions } = await render({ accounts: { items: [], totalBound: 0 } });
    expect(text()).toContain('请联系管理员');
    expect(actions()).toEqual([]);
  });

  it("explains no permission, names the user's department, and opens once an account is allocated", async () => {
    const { context, suite, gate, text, settle } = await render({ accounts: { items: [], totalBound: 2 } });
    expect(gate().querySelector('h2')?.textContent).toBe('暂无权限');
    expect(text()).toContain('「市场部」');
    expect(text()).toContain('企业设置 → 渠道分配');
    suite.accounts = { items: [service], totalBound: 2 };
    await settle(() => context.refresh());
    expect(gate().querySelector('.content')?.textContent).toBe('wx-service');
  });

  it('shows why a feature is unavailable and follows the selection live, without reload', async () => {
    const { context, fixture, gate, text, settle } = await render({
      accounts: { items: [service, subscription], totalBound: 2 },
    });
    await settle(() => fixture.componentInstance.requires.set(WECHAT_FEATURES.qrCodes));
    expect(created).toBe(1);

    await settle(() => context.select('wx-subscription'));
    expect(gate().getAttribute('data-gate')).toBe('unavailable');
    expect(gate().querySelector('h2')?.textContent).toBe('渠道二维码仅支持服务号');
    expect(text()).toContain('「Dmartech订阅号」是订阅号');
    expect(gate().querySelector('.content')).toBeNull();

    await settle(() => context.select('wx-service'));
    expect(gate().querySelector('.content')?.textContent).toBe('wx-service');
    expect(created).toBe(2);
  });

  it('explains verification for an unverified service account, in both languages', async () => {
    const { context, fixture, gate, text, settle } = await render({
      accounts: { items: [unverified, subscription], totalBound: 2 },
    });
    await settle(() => fixture.componentInstance.requires.set(WECHAT_FEATURES.templates));
    expect(gate().querySelector('h2')?.textContent).toBe('模板消息仅支持已认证的服务号');
    expect(text()).toContain('尚未完成微信认证');
    expect(text()).toContain('mp.weixin.qq.com');

    await settle(() => context.select('wx-subscription'));
    expect(text()).toContain('是订阅号');
    // Verifying a subscription account would not unlock a service-only feature.
    expect(text()).not.toContain('mp.weixin.qq.com');

    await settle(() => context.setLocale('en'));
    expect(gate().querySelector('h2')?.textContent).toBe('Only verified service accounts can use template messages');
  });
});
