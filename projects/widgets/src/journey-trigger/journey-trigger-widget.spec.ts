import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { fakeContext, provideUiTesting, wxAccount, wxUser } from '@wechat-mfe/ui/testing';
import zh from '../i18n/zh-CN.json';
import en from '../i18n/en.json';
import { SegmentApi } from '../segment-conditions/data/segment-api';
import type { JourneyTrigger } from './journey-trigger-model';
import { JourneyTriggerWidget, type TriggerValidity } from './journey-trigger-widget';

@Component({
  imports: [JourneyTriggerWidget],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<wx-journey-trigger-widget [value]="value()" (valueChange)="changes.push($event)" (validityChange)="validity.push($event)" />`,
})
class Host {
  readonly value = signal<unknown>(null);
  readonly changes: JourneyTrigger[] = [];
  readonly validity: TriggerValidity[] = [];
}

describe('wx-journey-trigger-widget', () => {
  async function render(value: unknown = null) {
    const { context } = fakeContext({
      user: wxUser('marketer'),
      accounts: { items: [wxAccount('wx-smart', { name: 'Dmartech智慧营销' }), wxAccount('wx-sub', { name: 'Dmartech订阅号', type: 'subscription' })], totalBound: 2 },
    });
    await context.refresh();
    context.select('wx-sub');
    const api = jasmine.createSpyObj<SegmentApi>('SegmentApi', ['count', 'catalogue']);
    api.catalogue.and.resolveTo({ qrCodes: [{ id: 7, name: '展会海报', scene: 'expo' }], menuButtons: [], tags: [] });
    TestBed.configureTestingModule({ providers: [...provideUiTesting(context, { 'zh-CN': async () => zh, en: async () => en }), { provide: SegmentApi, useValue: api }] });
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.value.set(value);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const labelled = (label: string) => {
      const l = [...root.querySelectorAll('label')].find((x) => x.textContent?.trim() === label)!;
      return root.querySelector(`#${l.htmlFor}`) as HTMLInputElement & HTMLSelectElement;
    };
    const choose = async (label: string, value: string) => {
      const control = labelled(label);
      control.value = value;
      control.dispatchEvent(new Event(control.tagName === 'INPUT' ? 'input' : 'change'));
      await fixture.whenStable();
    };
    return { fixture, host: fixture.componentInstance, labelled, choose, api };
  }

  it('starts on the selected account with "sent a message" and is valid as it is', async () => {
    const { host, labelled } = await render();
    expect(labelled('公众号').value).toBe('wx-sub');
    expect([...labelled('公众号').options].map((o) => o.textContent?.trim())).toEqual(['Dmartech智慧营销 · 服务号', 'Dmartech订阅号 · 订阅号']);
    expect(labelled('当发生微信事件').value).toBe('sentMessage');
    expect(host.validity.at(-1)).toEqual({ valid: true, problems: [] });
  });

  it('produces the trigger document; an empty text is flagged until typed', async () => {
    const { host, choose } = await render();
    await choose('公众号', 'wx-smart');
    await choose('消息内容', 'contains');
    expect(host.validity.at(-1)).toEqual({ valid: false, problems: [{ path: 'trigger.match.text', message: '请填写 1–100 个字符。' }] });
    await choose('文本', 'Dmartech');
    expect(host.changes.at(-1)).toEqual({ version: 1, type: 'wechatEvent', appid: 'wx-smart', event: 'sentMessage', match: { operator: 'contains', text: 'Dmartech' } });
    expect(host.validity.at(-1)!.valid).toBeTrue();
  });

  it('offers the QR codes of the account for "scanned a QR code"', async () => {
    const { host, choose, labelled, api, fixture } = await render({ version: 1, type: 'wechatEvent', appid: 'wx-smart', event: 'scannedQrCode' });
    await fixture.whenStable();
    expect(api.catalogue).toHaveBeenCalledWith('wx-smart');
    expect([...labelled('二维码').options].map((o) => o.textContent?.trim())).toEqual(['任意二维码', '展会海报']);
    await choose('二维码', '7');
    expect(host.changes.at(-1)).toEqual({ version: 1, type: 'wechatEvent', appid: 'wx-smart', event: 'scannedQrCode', qrCodeId: 7 });
  });
});
