import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSelectHarness } from '@angular/material/select/testing';
import { fakeContext, provideUiTesting, wxAccount, wxUser } from '@wechat-mfe/ui/testing';
import { translations } from '../i18n/loaders';
import { AccountSwitcher } from './account-switcher';

describe('AccountSwitcher', () => {
  const smart = wxAccount('wx-smart', { name: 'Dmartech智慧营销' });
  const subscription = wxAccount('wx-sub', { name: 'Dmartech订阅号', type: 'subscription', verified: false });

  async function render(setup: Parameters<typeof fakeContext>[0] = {}) {
    const { context, suite } = fakeContext({ accounts: { items: [smart, subscription], totalBound: 4 }, ...setup });
    await context.refresh();
    TestBed.configureTestingModule({ providers: provideUiTesting(context, translations) });
    const fixture = TestBed.createComponent(AccountSwitcher);
    await fixture.whenStable();
    return { fixture, context, suite, loader: TestbedHarnessEnvironment.loader(fixture) };
  }

  it('lists the user\'s accounts with type and verification, and selects one for every module', async () => {
    const { fixture, context, loader } = await render();
    const select = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="account-switcher"]' }));
    expect(await select.getValueText()).toContain('Dmartech智慧营销');
    await select.open();
    const options = await select.getOptions();
    expect(await Promise.all(options.map((o) => o.getText()))).toEqual([
      jasmine.stringMatching(/Dmartech智慧营销.*服务号.*已认证/),
      jasmine.stringMatching(/Dmartech订阅号.*订阅号.*未认证/),
    ]);
    await options[1].click();
    await fixture.whenStable();
    expect(context.snapshot.selectedAppid).toBe('wx-sub');
    expect(fixture.nativeElement.querySelector('.announcement').textContent).toContain('已切换到公众号：Dmartech订阅号');
  });

  it('follows a selection made elsewhere (another tab, another module)', async () => {
    const { fixture, context, loader } = await render();
    context.select('wx-sub');
    await fixture.whenStable();
    const select = await loader.getHarness(MatSelectHarness);
    expect(await select.getValueText()).toContain('Dmartech订阅号');
  });

  it('says there is no account when none is allocated to the user', async () => {
    const { fixture } = await render({ accounts: { items: [], totalBound: 4 } });
    expect(fixture.nativeElement.textContent).toContain('暂无可用公众号');
  });

  it('offers administrators to authorize when nothing is bound', async () => {
    const { fixture } = await render({ user: wxUser('admin', { role: 'admin' }), accounts: { items: [], totalBound: 0 } });
    const link = fixture.nativeElement.querySelector('a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/settings/wechat-accounts?bind=1');
  });

  it('offers a retry when the accounts failed to load', async () => {
    const { fixture, context, suite } = await render({ failure: new Error('offline') });
    expect(context.snapshot.access).toBe('error');
    suite.failure = null;
    (fixture.nativeElement.querySelector('button') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
    expect(context.snapshot.access).toBe('ready');
  });
});
