import { TestBed } from '@angular/core/testing';
import { provideEffects } from '@ngrx/effects';
import { provideStore } from '@ngrx/store';
import { AccountContext, type SuiteEvent } from '@wechat-mfe/account-context';
import { ProblemError } from '@wechat-mfe/suite-api';
import { loadLanguage, provideUiTesting, wxAccount, wxUser } from '@wechat-mfe/ui/testing';
import { Subject } from 'rxjs';
import { InboxApi, type InboxConversation, type InboxMessage } from './data/inbox-api';
import { InboxEffects } from './inbox.effects';
import { inboxFeature } from './inbox.store';
import { InboxPanel } from './inbox-panel';
import { MESSAGING_STRINGS } from '../testing/messaging-strings';

const message = (id: number, content: string): InboxMessage => ({
  id,
  openid: 'o_fan',
  fan: { openid: 'o_fan', remark: '老客户', name: null, subscribed: true },
  type: 'text',
  event: null,
  content,
  details: {},
  createdAt: '2026-11-25T10:00:00Z',
  starred: false,
  autoReplied: false,
  needsReply: true,
});

describe('InboxPanel', () => {
  async function render() {
    const events = new Subject<SuiteEvent>();
    const context = new AccountContext({
      loadUser: async () => wxUser('marketer'),
      loadAccounts: async () => ({ items: [wxAccount('wx-service')], totalBound: 1 }),
      events,
    });
    await context.refresh();
    const api = jasmine.createSpyObj<InboxApi>('InboxApi', ['list', 'conversation', 'reply', 'setStarred']);
    TestBed.configureTestingModule({
      imports: [InboxPanel],
      providers: [
        ...provideUiTesting(context, MESSAGING_STRINGS),
        { provide: InboxApi, useValue: api },
        provideStore({ [inboxFeature.name]: inboxFeature.reducer }),
        provideEffects(InboxEffects),
      ],
    });
    await loadLanguage('zh-CN');
    const fixture = TestBed.createComponent(InboxPanel);
    const element: HTMLElement = fixture.nativeElement;
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    };
    const button = (name: string) => [...element.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()) === name);
    return { fixture, element, api, events, settle, button };
  }

  it('shows the error state with a retry, then the messages as text, and reloads on an inbox.message push of its account', async () => {
    const { fixture, element, api, events, settle, button } = await render();
    api.list.and.rejectWith(new ProblemError({ status: 503, code: 'MOCK_FAULT', title: 'down' }));
    fixture.componentRef.setInput('appid', 'wx-service');
    await settle();
    expect(element.querySelector('wx-error-state')).not.toBeNull();

    api.list.and.resolveTo({ items: [message(1, '<img src=x onerror=alert(1)>')], total: 1, nextCursor: null });
    button('重试')!.click();
    await settle();
    const list = element.querySelector('ul[aria-label="粉丝消息"]')!;
    expect(list.querySelectorAll('li').length).toBe(1);
    expect(list.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(list.querySelector('img')).toBeNull();
    expect(list.textContent).toContain('待回复');

    api.list.calls.reset();
    events.next({ type: 'inbox.message', data: { appid: 'wx-other', messageId: 9, openid: 'o_x', direction: 'in' } });
    await settle();
    expect(api.list).not.toHaveBeenCalled();
    api.list.and.resolveTo({ items: [message(2, '新消息'), message(1, '旧消息')], total: 2, nextCursor: null });
    events.next({ type: 'inbox.message', data: { appid: 'wx-service', messageId: 2, openid: 'o_fan', direction: 'in' } });
    await settle();
    expect(api.list).toHaveBeenCalledTimes(1);
    expect(list.querySelectorAll('li').length).toBe(2);
    expect(list.querySelector('li')!.textContent).toContain('新消息');
  });

  it('opens the fan’s conversation with the reply box and filters by starred on the server', async () => {
    const { fixture, element, api, settle, button } = await render();
    api.list.and.resolveTo({ items: [message(1, '你好')], total: 1, nextCursor: null });
    const conversation: InboxConversation = {
      fan: message(1, '').fan,
      items: [{ id: 1, direction: 'in', source: 'fan', type: 'text', event: null, content: '你好', details: {}, createdAt: new Date().toISOString(), starred: false, autoReplied: false, sentBy: null }],
      hasOlder: false,
      window: {
        now: new Date().toISOString(), lastMessageAt: new Date().toISOString(), lastEventAt: null, repliesSinceMessage: 0, repliesSinceEvent: 0,
        open: true, reason: null, basis: 'message', closesAt: null, repliesLeft: 5,
      },
    };
    api.conversation.and.resolveTo(conversation);
    fixture.componentRef.setInput('appid', 'wx-service');
    await settle();
    button('查看与 老客户 的对话')!.click();
    await settle();
    expect(api.conversation).toHaveBeenCalledWith('wx-service', 'o_fan');
    const region = element.querySelector('section[aria-labelledby="wx-inbox-conversation-title"]')!;
    expect(region.querySelector('h2')!.textContent).toContain('与 老客户 的对话');
    expect(document.activeElement).toBe(region.querySelector('h2'));
    expect(region.querySelector('textarea')!.disabled).toBeFalse();

    const starred = [...element.querySelectorAll('label')].find((l) => l.textContent!.includes('仅看星标'))!.querySelector('input')!;
    starred.checked = true;
    starred.dispatchEvent(new Event('change'));
    await settle();
    expect(api.list.calls.mostRecent().args[1]).toEqual({ type: null, starred: true, needsReply: false, q: '' });
  });
});
