import { countdown, factsOf, replyWindow, utf8Bytes, type ReplyWindowFacts } from './reply-window';

const H = 3_600_000;
const t0 = Date.parse('2026-11-20T00:00:00Z');
const facts = (patch: Partial<ReplyWindowFacts> = {}): ReplyWindowFacts => ({
  lastMessageAt: null,
  lastEventAt: null,
  repliesSinceMessage: 0,
  repliesSinceEvent: 0,
  ...patch,
});

describe('replyWindow', () => {
  it('is closed when the fan never wrote', () => {
    expect(replyWindow(facts(), t0)).toEqual({ open: false, reason: 'noMessage', basis: null, closesAt: null, repliesLeft: 0, remainingMs: 0 });
  });

  it('counts down the 48 hours after a message and closes exactly at their end', () => {
    const inside = replyWindow(facts({ lastMessageAt: t0, repliesSinceMessage: 2 }), t0 + 48 * H - 1000);
    expect(inside).toEqual({ open: true, reason: null, basis: 'message', closesAt: t0 + 48 * H, repliesLeft: 3, remainingMs: 1000 });
    const closed = replyWindow(facts({ lastMessageAt: t0 }), t0 + 48 * H);
    expect([closed.open, closed.reason, closed.remainingMs, closed.repliesLeft]).toEqual([false, 'expired', 0, 0]);
  });

  it('is used up after 5 replies while the 48 hours still run', () => {
    const used = replyWindow(facts({ lastMessageAt: t0, repliesSinceMessage: 5 }), t0 + H);
    expect([used.open, used.reason, used.remainingMs]).toEqual([false, 'quotaUsed', 47 * H]);
  });

  it('gives 3 replies for one minute after a follow, scan or menu click', () => {
    expect(replyWindow(facts({ lastEventAt: t0 }), t0 + 30_000)).toEqual(
      jasmine.objectContaining({ open: true, basis: 'event', repliesLeft: 3, remainingMs: 30_000 }),
    );
    expect(replyWindow(facts({ lastEventAt: t0, repliesSinceEvent: 3 }), t0 + 1).reason).toBe('quotaUsed');
    expect(replyWindow(facts({ lastEventAt: t0 }), t0 + 60_000).reason).toBe('expired');
  });

  it('shows the longer grant when both are open, and the minute when the message grant is used up', () => {
    const both = facts({ lastMessageAt: t0, lastEventAt: t0 + H, repliesSinceMessage: 1, repliesSinceEvent: 1 });
    expect(replyWindow(both, t0 + H + 1000).basis).toBe('message');
    const spent = facts({ lastMessageAt: t0, lastEventAt: t0 + H, repliesSinceMessage: 5 });
    expect(replyWindow(spent, t0 + H + 1000)).toEqual(jasmine.objectContaining({ open: true, basis: 'event', repliesLeft: 3 }));
  });

  it('reads the server window and formats the countdown in hours, minutes and seconds', () => {
    expect(factsOf({ lastMessageAt: '2026-11-20T00:00:00Z', lastEventAt: null, repliesSinceMessage: 1, repliesSinceEvent: 0 })).toEqual(
      facts({ lastMessageAt: t0, repliesSinceMessage: 1 }),
    );
    expect(countdown(48 * H)).toBe('48:00:00');
    expect(countdown(H + 61_000 + 999)).toBe('01:01:01');
    expect(countdown(-5)).toBe('00:00:00');
    expect(utf8Bytes('a字')).toBe(4);
  });
});
