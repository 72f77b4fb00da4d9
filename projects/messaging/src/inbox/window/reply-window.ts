/**
 * WeChat's customer-service window, mirrored from the mock's rule (mocks/src/rules/reply-window.mjs)
 * so the page can count down without asking the server every second: 48 h and 5 replies after the
 * fan's last message; 1 minute and 3 replies after a follow, scan or click-type menu event.
 */

export const MESSAGE_WINDOW_MS = 48 * 3_600_000;
export const MESSAGE_REPLY_LIMIT = 5;
export const EVENT_WINDOW_MS = 60_000;
export const EVENT_REPLY_LIMIT = 3;
/** WeChat's customer-service text limit, in UTF-8 bytes. */
export const REPLY_TEXT_MAX_BYTES = 2048;

/** What the rule reads of a fan (epoch ms). */
export interface ReplyWindowFacts {
  readonly lastMessageAt: number | null;
  readonly lastEventAt: number | null;
  readonly repliesSinceMessage: number;
  readonly repliesSinceEvent: number;
}

export type ReplyWindowReason = 'noMessage' | 'expired' | 'quotaUsed';

export interface ReplyWindowState {
  readonly open: boolean;
  readonly reason: ReplyWindowReason | null;
  /** Which grant is shown: the message's 48 h or the event's minute. */
  readonly basis: 'message' | 'event' | null;
  readonly closesAt: number | null;
  readonly repliesLeft: number;
  /** Milliseconds until `closesAt` (0 once passed or when unknown). */
  readonly remainingMs: number;
}

interface Grant {
  readonly basis: 'message' | 'event';
  readonly closesAt: number;
  readonly left: number;
}

/** The window at `nowMs`; the same answer the mock gives (it refuses with 45015 or 45047 when closed). */
export function replyWindow(facts: ReplyWindowFacts, nowMs: number): ReplyWindowState {
  const grants: Grant[] = [];
  if (facts.lastMessageAt !== null) {
    grants.push({ basis: 'message', closesAt: facts.lastMessageAt + MESSAGE_WINDOW_MS, left: MESSAGE_REPLY_LIMIT - facts.repliesSinceMessage });
  }
  if (facts.lastEventAt !== null) {
    grants.push({ basis: 'event', closesAt: facts.lastEventAt + EVENT_WINDOW_MS, left: EVENT_REPLY_LIMIT - facts.repliesSinceEvent });
  }
  const state = (open: boolean, reason: ReplyWindowReason | null, g: Grant | null): ReplyWindowState => ({
    open,
    reason,
    basis: g?.basis ?? null,
    closesAt: g?.closesAt ?? null,
    repliesLeft: open && g ? g.left : 0,
    remainingMs: g ? Math.max(0, g.closesAt - nowMs) : 0,
  });
  if (!grants.length) return state(false, 'noMessage', null);
  // The grant that lasts longest is the one to show: a message's 48 h outlives a click's minute.
  const latest = (list: Grant[]) => list.reduce((a, b) => (b.closesAt > a.closesAt ? b : a));
  const open = grants.filter((g) => nowMs < g.closesAt);
  const usable = open.filter((g) => g.left > 0);
  if (usable.length) return state(true, null, latest(usable));
  if (open.length) return state(false, 'quotaUsed', latest(open));
  return state(false, 'expired', latest(grants));
}

/** The server's window as the rule's facts. */
export function factsOf(window: {
  lastMessageAt: string | null;
  lastEventAt: string | null;
  repliesSinceMessage: number;
  repliesSinceEvent: number;
}): ReplyWindowFacts {
  return {
    lastMessageAt: window.lastMessageAt === null ? null : Date.parse(window.lastMessageAt),
    lastEventAt: window.lastEventAt === null ? null : Date.parse(window.lastEventAt),
    repliesSinceMessage: window.repliesSinceMessage,
    repliesSinceEvent: window.repliesSinceEvent,
  };
}

/** "47:59:05" for a countdown: hours (not wrapped at 24), minutes, seconds. */
export function countdown(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

/** UTF-8 length, as WeChat counts its limits. */
export const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;
