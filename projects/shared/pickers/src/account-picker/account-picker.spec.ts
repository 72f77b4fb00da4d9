import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { fakeContext, provideUiTesting, wxAccount, WxSelectHarness } from '@wechat-mfe/ui/testing';
import { PICKER_TRANSLATIONS } from '../i18n/picker-translations';
import { AccountPicker } from './account-picker';

@Component({
  imports: [AccountPicker],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (multiple()) {
      <wx-account-picker [multiple]="true" [(selection)]="selection" />
    } @else {
      <wx-account-picker [(selection)]="selection" />
    }
  `,
})
class Host {
  readonly multiple = signal(true);
  readonly selection = signal<readonly string[]>([]);
}

describe('wx-account-picker', () => {
  async function render(options: { multiple?: boolean; selection?: string[]; accounts?: ReturnType<typeof wxAccount>[] } = {}) {
    const accounts = options.accounts ?? [
      wxAccount('wx-smart', { name: 'Dmartech智慧营销' }),
      wxAccount('wx-sub', { name: 'Dmartech订阅号', type: 'subscription' }),
      wxAccount('wx-unverified', { name: 'DM 未认证服务号', verified: false }),
    ];
    const { context } = fakeContext({ accounts: { items: accounts, totalBound: accounts.length } });
    await context.refresh();
    TestBed.configureTestingModule({
      providers: provideUiTesting(context, undefined, { pickers: PICKER_TRANSLATIONS }),
    });
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.multiple.set(options.multiple ?? true);
    fixture.componentInstance.selection.set(options.selection ?? []);
    await fixture.whenStable();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const select = await loader.getHarness(WxSelectHarness);
    return { context, fixture, select, host: fixture.componentInstance };
  }

  it('lists the user\'s accounts with their type and verification, labelled for assistive technology', async () => {
    const { select, fixture } = await render();
    expect(await select.getLabel()).toBe('公众号（可多选）');
    await select.open();
    const options = await select.getOptions();
    expect(await Promise.all(options.map((o) => o.getText()))).toEqual([
      'Dmartech智慧营销 服务号 已认证',
      'Dmartech订阅号 订阅号 已认证',
      'DM 未认证服务号 服务号 未认证',
    ]);
    // The combobox is named by the visible label.
    const combobox = (fixture.nativeElement as HTMLElement).querySelector('[role="combobox"]')!;
    expect(document.getElementById(combobox.getAttribute('aria-labelledby')!)?.textContent?.trim()).toBe('公众号（可多选）');
  });

  it('picks several accounts in multiple mode and writes them back', async () => {
    const { select, host, fixture } = await render({ selection: ['wx-smart'] });
    expect(await select.getValueText()).toBe('Dmartech智慧营销');
    await select.open();
    await select.clickOptions({ text: /Dmartech订阅号/ });
    await fixture.whenStable();
    expect(host.selection()).toEqual(['wx-smart', 'wx-sub']);
    expect(await select.getValueText()).toBe('已选 2 个公众号');
    expect(await select.isMultiple()).toBeTrue();
  });

  it('picks exactly one account in single mode', async () => {
    const { select, host, fixture } = await render({ multiple: false, selection: ['wx-smart'] });
    expect(await select.isMultiple()).toBeFalse();
    await select.open();
    await select.clickOptions({ text: /DM 未认证服务号/ });
    await fixture.whenStable();
    expect(host.selection()).toEqual(['wx-unverified']);
  });

  it('drops appids the user may no longer use, and is disabled without accounts', async () => {
    const { select } = await render({ selection: ['wx-gone', 'wx-sub'] });
    expect(await select.getValueText()).toBe('Dmartech订阅号');
    TestBed.resetTestingModule();
    const { select: none } = await render({ accounts: [] });
    expect(await none.isDisabled()).toBeTrue();
    expect(await none.getValueText()).toBe('没有可用的公众号');
  });

  it('follows the language', async () => {
    const { select, context, fixture } = await render();
    context.setLocale('en');
    await fixture.whenStable();
    await select.open();
    const options = await select.getOptions();
    expect(await options[1].getText()).toBe('Dmartech订阅号 Subscription account Verified');
    expect(await select.getValueText()).toBe('All accounts');
  });
});
