import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { PICKER_TRANSLATIONS } from '@wechat-mfe/pickers';
import { fakeContext, loadLanguage, provideUiTesting, wxAccount, wxUser, WxSelectHarness } from '@wechat-mfe/ui/testing';
import { TranslocoService } from '@jsverse/transloco';
import { AccountPickerWidget, toAppids } from './account-picker-widget';

@Component({
  imports: [AccountPickerWidget],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<wx-account-picker-widget [value]="value()" [multiple]="multiple()" (valueChange)="changes.push($event)" />`,
})
class Host {
  readonly value = signal<unknown>([]);
  readonly multiple = signal(false);
  readonly changes: (readonly string[])[] = [];
}

describe('wx-account-picker-widget', () => {
  async function render(options: { multiple?: boolean; value?: unknown; accounts?: ReturnType<typeof wxAccount>[] } = {}) {
    const accounts = options.accounts ?? [
      wxAccount('wx-smart', { name: 'Dmartech智慧营销' }),
      wxAccount('wx-sub', { name: 'Dmartech订阅号', type: 'subscription' }),
    ];
    const { context } = fakeContext({ user: wxUser('marketer'), accounts: { items: accounts, totalBound: 4 } });
    await context.refresh();
    TestBed.configureTestingModule({ providers: provideUiTesting(context, undefined, { pickers: PICKER_TRANSLATIONS }) });
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.multiple.set(options.multiple ?? false);
    fixture.componentInstance.value.set(options.value ?? []);
    await fixture.whenStable();
    const select = await TestbedHarnessEnvironment.loader(fixture).getHarness(WxSelectHarness);
    return { fixture, select, host: fixture.componentInstance };
  }

  it('offers only the accounts of the context, with type badges, and reports a single pick as a list', async () => {
    const { select, host, fixture } = await render();
    await select.open();
    const options = await select.getOptions();
    expect(await Promise.all(options.map((o) => o.getText()))).toEqual(['Dmartech智慧营销 服务号 已认证', 'Dmartech订阅号 订阅号 已认证']);
    await select.clickOptions({ text: /Dmartech订阅号/ });
    await fixture.whenStable();
    expect(host.changes).toEqual([['wx-sub']]);
    expect(await select.getValueText()).toContain('Dmartech订阅号');
  });

  it('follows the host value, accepts a single appid, and picks several in multiple mode', async () => {
    const { select, host, fixture } = await render({ multiple: true, value: 'wx-smart' });
    expect(await select.isMultiple()).toBeTrue();
    expect(await select.getValueText()).toBe('Dmartech智慧营销');
    await select.open();
    await select.clickOptions({ text: /Dmartech订阅号/ });
    await fixture.whenStable();
    expect(host.changes).toEqual([['wx-smart', 'wx-sub']]);
    // The host answers with a new value: the widget shows it.
    host.value.set(['wx-sub']);
    await fixture.whenStable();
    expect(await select.getValueText()).toBe('Dmartech订阅号');
  });

  it('switches to English with the host', async () => {
    const { select, fixture } = await render({ multiple: true });
    await loadLanguage('en');
    TestBed.inject(TranslocoService).setActiveLang('en');
    await fixture.whenStable();
    await select.open();
    expect(await (await select.getOptions())[1].getText()).toBe('Dmartech订阅号 Subscription account Verified');
  });

  it('ignores what is not an appid', () => {
    expect(toAppids(null)).toEqual([]);
    expect(toAppids('')).toEqual([]);
    expect(toAppids(['wx-a', 3, '', 'wx-b'])).toEqual(['wx-a', 'wx-b']);
  });
});
