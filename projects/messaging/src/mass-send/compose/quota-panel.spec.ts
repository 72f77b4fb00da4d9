import { TestBed } from '@angular/core/testing';
import { fakeContext, loadLanguage, provideUiTesting } from '@wechat-mfe/ui/testing';
import type { MassSendQuota } from '../mass-send-api';
import { MESSAGING_STRINGS } from '../../testing/messaging-strings';
import { QuotaPanel } from './quota-panel';
import { quotaView } from './quota-rules';

const service: MassSendQuota = {
  accountType: 'service',
  period: 'month',
  limit: 4,
  used: 1,
  remaining: 3,
  periodEndsAt: '2026-11-30T16:00:00.000Z',
  fanMonthlyLimit: 4,
  agreementSigned: true,
};
const subscription: MassSendQuota = { ...service, accountType: 'subscription', period: 'day', limit: 1, used: 0, remaining: 1 };

describe('QuotaPanel', () => {
  async function render(quota: MassSendQuota, lang: 'zh-CN' | 'en' = 'zh-CN'): Promise<string> {
    const { context } = fakeContext();
    await context.refresh();
    TestBed.configureTestingModule({ imports: [QuotaPanel], providers: [...provideUiTesting(context, MESSAGING_STRINGS)] });
    await loadLanguage(lang);
    if (lang === 'en') context.setLocale('en');
    const fixture = TestBed.createComponent(QuotaPanel);
    fixture.componentRef.setInput('quota', quota);
    fixture.componentRef.setInput('view', quotaView(quota));
    await fixture.whenStable();
    return (fixture.nativeElement as HTMLElement).textContent!;
  }

  it('tells a service account that each fan receives at most 4 mass sends a month', async () => {
    const text = await render(service);
    expect(text).toContain('本月已用 1 / 4 次');
    expect(text).toContain('每位粉丝每月最多收到 4 条群发');
  });

  it('does not give a subscription account the service accounts’ per-fan rule, in either language', async () => {
    const zh = await render(subscription);
    expect(zh).toContain('今日已用 0 / 1 次');
    expect(zh).not.toContain('每位粉丝每月最多收到');
    expect(zh).toContain('订阅号的每次群发都会发给所有选中的粉丝');
    TestBed.resetTestingModule();
    const en = await render(subscription, 'en');
    expect(en).not.toContain('Each fan receives at most');
    expect(en).toContain('every chosen fan receives each mass send');
  });
});
