import type { InboxConversation, InboxMessage } from './data/inbox-api';
import { InboxApiActions, InboxPageActions, NO_FILTERS, inboxFeature, type InboxState } from './inbox.store';

const message = (id: number, patch: Partial<InboxMessage> = {}): InboxMessage => ({
  id,
  openid: `o_${id}`,
  fan: { openid: `o_${id}`, remark: '', name: null, subscribed: true },
  type: 'text',
  event: null,
  content: `消息 ${id}`,
  details: {},
  createdAt: '2026-11-25T10:00:00Z',
  starred: false,
  autoReplied: false,
  needsReply: true,
  ...patch,
});

const reduce = (state: InboxState | undefined, ...actions: Parameters<typeof inboxFeature.reducer>[1][]) =>
  actions.reduce((s, a) => inboxFeature.reducer(s, a), state as InboxState);

describe('inbox store', () => {
  const opened = () =>
    reduce(
      undefined,
      InboxPageActions.opened({ appid: 'wx-a' }),
      InboxApiActions.pageLoaded({ appid: 'wx-a', page: { items: [message(3), message(2)], total: 3, nextCursor: 'c1' }, append: false }),
    );

  it('appends the next page without duplicates and drops answers for another account', () => {
    const more = reduce(
      opened(),
      InboxPageActions.moreRequested(),
      InboxApiActions.pageLoaded({ appid: 'wx-b', page: { items: [message(9)], total: 1, nextCursor: null }, append: false }),
      InboxApiActions.pageLoaded({ appid: 'wx-a', page: { items: [message(2), message(1)], total: 3, nextCursor: null }, append: true }),
    );
    expect(more.messages.map((m) => m.id)).toEqual([3, 2, 1]);
    expect([more.nextCursor, more.loadingMore]).toEqual([null, false]);
  });

  it('takes an unstarred message out of the starred list', () => {
    const starredList = reduce(
      opened(),
      InboxPageActions.filtersChanged({ filters: { ...NO_FILTERS, starred: true } }),
      InboxApiActions.pageLoaded({ appid: 'wx-a', page: { items: [message(3, { starred: true })], total: 1, nextCursor: null }, append: false }),
      InboxApiActions.starSaved({ appid: 'wx-a', message: message(3, { starred: false }) }),
    );
    expect(starredList.messages).toEqual([]);
    expect(starredList.total).toBe(0);
  });

  it('adds an accepted reply to the conversation, marks the fan answered and keeps a refusal for the box', () => {
    const conversation: InboxConversation = {
      fan: message(3).fan,
      items: [],
      hasOlder: false,
      window: {
        now: '2026-11-25T10:00:00Z', lastMessageAt: '2026-11-25T09:00:00Z', lastEventAt: null, repliesSinceMessage: 0, repliesSinceEvent: 0,
        open: true, reason: null, basis: 'message', closesAt: '2026-11-27T09:00:00Z', repliesLeft: 5,
      },
    };
    const open = reduce(
      opened(),
      InboxPageActions.fanOpened({ openid: 'o_3' }),
      InboxApiActions.conversationLoaded({ appid: 'wx-a', openid: 'o_3', conversation, receivedAt: 1 }),
      InboxPageActions.replySent({ reply: { type: 'text', text: 'hi' } }),
    );
    expect(open.sending).toBeTrue();
    const refused = reduce(open, InboxApiActions.replyFailed({ appid: 'wx-a', openid: 'o_3', problem: { status: 422, code: 'WECHAT_45015' } }));
    expect([refused.sending, refused.replyProblem?.code, refused.repliesSent]).toEqual([false, 'WECHAT_45015', 0]);
    const reply = { id: 10, direction: 'out' as const, source: 'manual' as const, type: 'text' as const, event: null, content: 'hi', details: {},
      createdAt: '2026-11-25T10:00:01Z', starred: false, autoReplied: false, sentBy: 'usr_admin' };
    const sent = reduce(open, InboxApiActions.replySent({ appid: 'wx-a', openid: 'o_3', sent: { reply, window: { ...conversation.window, repliesSinceMessage: 1, repliesLeft: 4 } }, receivedAt: 2 }));
    expect(sent.conversation!.items).toEqual([reply]);
    expect(sent.conversation!.window.repliesLeft).toBe(4);
    expect(sent.repliesSent).toBe(1);
    expect(sent.messages.find((m) => m.id === 3)!.needsReply).toBeFalse();
    expect(sent.messages.find((m) => m.id === 2)!.needsReply).toBeTrue();
  });
});
