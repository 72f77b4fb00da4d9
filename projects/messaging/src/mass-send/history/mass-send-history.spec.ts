import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideStore, Store } from '@ngrx/store';
import { ProblemError } from '@wechat-mfe/suite-api';
import { fakeContext, loadLanguage, provideUiTesting, WxButtonHarness } from '@wechat-mfe/ui/testing';
import { MassSendApi, type MassSend } from '../mass-send-api';
import { MassSendApiActions, MassSendHistoryPageActions, massSendHistoryFeature } from './mass-send-history.store';
import { MassSendHistory } from './mass-send-history';
import { MESSAGING_STRINGS } from '../../testing/messaging-strings';

const send = (id: number, patch: Partial<MassSend>): MassSend =>
  ({
    id,
    msgId: `10000${id}`,
    clientMsgId: null,
    audience: { type: 'all' },
    content: { type: 'text', text: `消息 ${id}` },
    status: 'finished',
    sendAt: null,
    jobId: null,
    progress: null,
    startedAt: '2026-11-25T02:00:00Z',
    result: null,
    error: null,
    createdBy: 'usr_admin',
    createdAt: '2026-11-25T02:00:00Z',
    updatedAt: '2026-11-25T02:00:00Z',
    ...patch,
  }) as MassSend;

describe('MassSendHistory', () => {
  async function render(items: MassSend[]) {
    const { context } = fakeContext();
    await context.refresh();
    const api = jasmine.createSpyObj<MassSendApi>('MassSendApi', ['cancel']);
    TestBed.configureTestingModule({
      imports: [MassSendHistory],
      providers: [
        ...provideUiTesting(context, MESSAGING_STRINGS),
        { provide: MassSendApi, useValue: api },
        provideStore({ [massSendHistoryFeature.name]: massSendHistoryFeature.reducer }),
      ],
    });
    await loadLanguage('zh-CN');
    const store = TestBed.inject(Store);
    const fixture = TestBed.createComponent(MassSendHistory);
    fixture.componentRef.setInput('appid', 'wx-service');
    store.dispatch(MassSendApiActions.pageLoaded({ appid: 'wx-service', page: { items, total: items.length } }));
    spyOn(store, 'dispatch').and.callThrough();
    await fixture.whenStable();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const text = () => (fixture.nativeElement as HTMLElement).textContent!.replace(/\s+/g, ' ');
    return { fixture, loader, api, store, text };
  }

  it('shows status, progress, the pending result and the totals once they arrive', async () => {
    const { text, fixture } = await render([
      send(3, { status: 'sending', jobId: 'job_3', progress: { done: 400, total: 1000 } }),
      send(2, { status: 'sending', jobId: 'job_2', progress: { done: 1000, total: 1000 } }),
      send(1, { result: { total: 10, sent: 7, filtered: 2, errors: 1, arrivedAt: '2026-11-25T02:01:00Z' } }),
    ]);
    const bar = (fixture.nativeElement as HTMLElement).querySelector('progress[aria-label="群发进度"]');
    expect(bar?.getAttribute('aria-valuetext')).toBe('400 / 1,000');
    expect(text()).toContain('已提交，等待微信返回发送结果');
    expect(text()).toContain('成功 7 · 过滤 2 · 失败 1');
  });

  it('cancels a scheduled send after confirming, and says why when it already started', async () => {
    const { loader, api, store, fixture, text } = await render([send(5, { status: 'scheduled', sendAt: '2026-11-26T12:00:00Z', startedAt: null })]);
    await (await loader.getHarness(WxButtonHarness.with({ text: '取消预约' }))).click();
    expect(api.cancel).not.toHaveBeenCalled();
    api.cancel.and.resolveTo(send(5, { status: 'cancelled' }));
    await (await loader.getHarness(WxButtonHarness.with({ text: '取消群发' }))).click();
    await fixture.whenStable();
    expect(api.cancel).toHaveBeenCalledWith('wx-service', 5);
    expect(store.dispatch).toHaveBeenCalledWith(MassSendHistoryPageActions.sendCancelled({ massSend: send(5, { status: 'cancelled' }) }));
    expect(text()).toContain('已取消');
  });

  it('keeps every row’s status in its column while a cancellation is being confirmed, and "保留" gives the focus back', async () => {
    const { loader, fixture } = await render([
      send(8, { status: 'scheduled', sendAt: '2026-11-26T12:00:00Z', startedAt: null }),
      send(7, { status: 'scheduled', sendAt: '2026-11-26T13:00:00Z', startedAt: null }),
      send(6, {}),
    ]);
    const element: HTMLElement = fixture.nativeElement;
    element.style.width = '1100px';
    const badgeLefts = () => [...element.querySelectorAll('.badge')].map((b) => Math.round(b.getBoundingClientRect().left));
    const before = badgeLefts();
    expect(new Set(before).size).withContext('the statuses line up').toBe(1);
    await (await loader.getAllHarnesses(WxButtonHarness.with({ text: '取消预约' })))[0].click();
    expect(element.textContent).toContain('确定取消这次定时群发？');
    expect(badgeLefts()).toEqual(before);
    // The button that opened the confirmation stays, telling it is open.
    const opener = element.querySelector<HTMLButtonElement>('#mass-send-8-cancel')!;
    expect(opener.getAttribute('aria-expanded')).toBe('true');
    await (await loader.getHarness(WxButtonHarness.with({ text: '保留' }))).click();
    expect(element.textContent).not.toContain('确定取消这次定时群发？');
    expect(document.activeElement).toBe(opener);
  });

  it('explains a refused cancel (already started)', async () => {
    const { loader, api, fixture } = await render([send(6, { status: 'scheduled', sendAt: '2026-11-26T12:00:00Z' })]);
    api.cancel.and.rejectWith(new ProblemError({ status: 409, code: 'CONFLICT', errors: [] }));
    await (await loader.getHarness(WxButtonHarness.with({ text: '取消预约' }))).click();
    await (await loader.getHarness(WxButtonHarness.with({ text: '取消群发' }))).click();
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('[role=alert]')?.textContent).toContain('这次群发已经开始，无法再取消');
  });
});
