/**
 * WeChat's customer-service window (PRODUCT §4 "48 h window"): the suite may message a fan only
 * after the fan reached out. A fan's message opens 48 hours with up to 5 replies, counted from that
 * message (a new message starts the count again); a menu click, follow or scan opens 1 minute with
 * up to 3 replies. Outside every grant WeChat answers 45015; inside one whose replies are used up,
 * 45047 ("out of response count limit"). Pure: the client mirrors it
 * (projects/messaging/src/inbox/window/reply-window.ts) to show the countdown.
 */

export const MESSAGE_WINDOW_SECONDS = 48 * 3600;
export const MESSAGE_REPLY_LIMIT = 5;
export const EVENT_WINDOW_SECONDS = 60;
export const EVENT_REPLY_LIMIT = 3;
/** WeChat's customer-service text message limit, in UTF-8 bytes. */
export const REPLY_TEXT_MAX_BYTES = 2048;

/** Events that open the 1-minute grant: follow, QR scan, click-type menu buttons (a `view` button only opens a page). */
export const WINDOW_EVENTS = ['subscribe', 'scan', 'click', 'scancode_push', 'scancode_waitmsg'];

/**
 * @param {{ lastMessageAt: number | null, lastEventAt: number | null,
 *           repliesSinceMessage: number, repliesSinceEvent: number }} facts  times in epoch ms
 * @param {number} nowMs
 * @returns {{ open: boolean, reason: null | 'noMessage' | 'expired' | 'quotaUsed',
 *             basis: null | 'message' | 'event', closesAt: number | null, repliesLeft: number }}
 */
export function replyWindow(facts, nowMs) {
  const grants = [];
  if (facts.lastMessageAt !== null) {
    grants.push({ basis: 'message', closesAt: facts.lastMessageAt + MESSAGE_WINDOW_SECONDS * 1000, left: MESSAGE_REPLY_LIMIT - facts.repliesSinceMessage });
  }
  if (facts.lastEventAt !== null) {
    grants.push({ basis: 'event', closesAt: facts.lastEventAt + EVENT_WINDOW_SECONDS * 1000, left: EVENT_REPLY_LIMIT - facts.repliesSinceEvent });
  }
  if (!grants.length) return { open: false, reason: 'noMessage', basis: null, closesAt: null, repliesLeft: 0 };
  const latest = (list) => list.reduce((a, b) => (b.closesAt > a.closesAt ? b : a));
  const open = grants.filter((g) => nowMs < g.closesAt);
  const usable = open.filter((g) => g.left > 0);
  // The grant that lasts longest is the one worth showing: a message's 48 h outlives a click's minute.
  if (usable.length) {
    const g = latest(usable);
    return { open: true, reason: null, basis: g.basis, closesAt: g.closesAt, repliesLeft: g.left };
  }
  if (open.length) {
    const g = latest(open);
    return { open: false, reason: 'quotaUsed', basis: g.basis, closesAt: g.closesAt, repliesLeft: 0 };
  }
  const g = latest(grants);
  return { open: false, reason: 'expired', basis: g.basis, closesAt: g.closesAt, repliesLeft: 0 };
}

/** WeChat's code for a refused reply: the window is closed (45015) or its replies are used up (45047). */
export const refusalCode = (window) => (window.open ? null : window.reason === 'quotaUsed' ? 45047 : 45015);

/** UTF-8 length, as WeChat counts its limits. */
export const utf8Bytes = (text) => Buffer.byteLength(text, 'utf8');

/**
 * Shape errors of a reply (`{type: 'text', text}` or a material by media id); materials are checked
 * against the account's library by the caller.
 */
export function replyErrors(reply) {
  if (reply.type === 'text') {
    if (!reply.text.trim()) return [{ field: 'text', message: 'must not be blank' }];
    if (utf8Bytes(reply.text) > REPLY_TEXT_MAX_BYTES) return [{ field: 'text', message: `must be at most ${REPLY_TEXT_MAX_BYTES} bytes (UTF-8)` }];
    return [];
  }
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(reply.mediaId)) return [{ field: 'mediaId', message: 'is not a WeChat media_id' }];
  return [];
}
