import { TestBed } from '@angular/core/testing';
import { ProblemError } from '@wechat-mfe/suite-api';
import { fakeContext, loadLanguage, provideUiTesting } from '@wechat-mfe/ui/testing';
import { toProblem } from '@wechat-mfe/ui';
import type { InboxReplyInput, InboxReplyWindow } from '../data/inbox-api';
import { ReplyBox } from './reply-box';
import { MESSAGING_STRINGS } from '../../testing/messaging-strings';

const NOW = Date.parse('2026-11-25T10:00:00Z');
const H = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** The server's window `agoMs` after the fan's last message, with `replies` sent since. */
const windowAfter = (agoMs: number, replies = 0, patch: Partial<InboxReplyWindow> = {}): InboxReplyWindow => ({
  now: iso(NOW),
  lastMessageAt: iso(NOW - agoMs),
  lastEventAt: null,
  repliesSinceMessage: replies,
  repliesSinceEvent: 0,
  open: true,
  reason: null,
  basis: 'message',
  closesAt: iso(NOW - agoMs + 48 * H),
  repliesLeft: 5 - replies,
  ...patch,
});

describe('ReplyBox', () => {
  async function render(window: InboxReplyWindow, lang: 'zh-CN' | 'en' = 'zh-CN') {
    const { context } = fakeContext();
    await context.refresh();
    TestBed.configureTestingModule({
      imports: [ReplyBox],
      providers: [...provideUiTesting(context, MESSAGING_STRINGS)],
    });
    await loadLanguage(lang);
    if (lang === 'en') context.setLocale('en');
    const fixture = TestBed.createComponent(ReplyBox);
    fixture.componentRef.setInput('window', window);
    fixture.componentRef.setInput('receivedAt', Date.now());
    const sent: InboxReplyInput[] = [];
    fixture.componentInstance.sent.subscribe((reply) => sent.push(reply));
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    const textarea = () => element.querySelector('textarea')!;
    const button = (name: string) => [...element.querySelectorAll('button')].find((b) => b.textContent!.trim() === name)!;
    const type = async (value: string) => {
      textarea().value = value;
      textarea().dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    return { fixture, element, textarea, button, type, sent };
  }

  it('counts the remaining time and replies down inside the window and sends the typed text', async () => {
    const { element, textarea, button, type, sent } = await render(windowAfter(H, 2));
    expect(element.querySelector('[data-testid="reply-window"]')!.textContent).toContain('回复时限剩余 47:00:00，还可回复 3 条');
    expect(textarea().disabled).toBeFalse();
    await type('您好，积分已补发');
    expect(element.textContent).toContain('24 / 2048 字节');
    button('发送回复').click();
    expect(sent).toEqual([{ type: 'text', text: '您好，积分已补发' }]);
  });

  it('says "1 reply left" in English, not "1 replies"', async () => {
    const { element } = await render(windowAfter(H, 4), 'en');
    expect(element.querySelector('[data-testid="reply-window"]')!.textContent!.trim()).toBe('Reply window closes in 47:00:00; 1 reply left');
  });

  it('disables the box outside the 48 hours and says why, keeping what was typed', async () => {
    const { fixture, element, textarea, button, type, sent } = await render(windowAfter(47 * H));
    await type('稍等');
    fixture.componentRef.setInput('window', windowAfter(48 * H + 1000, 0, { open: false, reason: 'expired' }));
    await fixture.whenStable();
    expect(textarea().disabled).toBeTrue();
    expect(textarea().value).toBe('稍等');
    expect(button('发送回复').disabled).toBeTrue();
    expect(button('选择素材').disabled).toBeTrue();
    const reason = element.querySelector('[data-testid="reply-closed"]')!;
    expect(reason.textContent).toContain('已超过回复时限');
    // The reason is part of the textarea's description, so a screen reader reads it with the control.
    expect(textarea().getAttribute('aria-describedby')!.split(' ')).toContain(reason.id);
    expect(element.querySelector('[data-testid="reply-window"]')).toBeNull();
    expect(sent).toEqual([]);
  });

  it('closes by itself when the countdown passes the end, and names a used-up count', async () => {
    const { fixture, textarea, element } = await render(windowAfter(48 * H - 1500));
    expect(textarea().disabled).toBeFalse();
    await new Promise((resolve) => setTimeout(resolve, 2600));
    await fixture.whenStable();
    expect(textarea().disabled).toBeTrue();
    expect(element.textContent).toContain('已超过回复时限');

    fixture.componentRef.setInput('window', windowAfter(H, 5));
    fixture.componentRef.setInput('receivedAt', Date.now());
    await fixture.whenStable();
    expect(textarea().disabled).toBeTrue();
    expect(element.textContent).toContain('本时段的回复次数已用完');
  });

  it('keeps the text when the API refuses, shows the refusal, and clears only after an accepted reply', async () => {
    const { fixture, element, textarea, type, button, sent } = await render(windowAfter(H));
    await type('第一条回复');
    button('发送回复').click();
    fixture.componentRef.setInput('problem', toProblem(new ProblemError({ status: 422, code: 'WECHAT_45015', title: 'refused' })));
    await fixture.whenStable();
    expect(textarea().value).toBe('第一条回复');
    expect(element.querySelector('[role="alert"]')!.textContent).toContain('微信错误 45015');

    fixture.componentRef.setInput('problem', null);
    fixture.componentRef.setInput('repliesSent', 1);
    await fixture.whenStable();
    expect(textarea().value).toBe('');
    expect(sent.length).toBe(1);
  });

  it('refuses blank and over-long text before asking the server, in English too', async () => {
    const { fixture, element, type, button, sent } = await render(windowAfter(H), 'en');
    button('Send reply').click();
    await fixture.whenStable();
    expect(element.textContent).toContain('Enter a reply');
    await type('字'.repeat(683));
    expect(element.textContent).toContain('2049 / 2048 bytes');
    button('Send reply').click();
    await fixture.whenStable();
    expect(element.textContent).toContain('A reply has at most 2048 bytes');
    expect(sent).toEqual([]);
  });
});
