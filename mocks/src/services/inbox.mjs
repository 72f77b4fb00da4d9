import { departmentsAllocatedTo } from '../repositories/departments.mjs';
import { insertInboxEntry, windowFactsOf } from '../repositories/inbox.mjs';
import { inboxEntryOf, sentEntryOf } from '../rules/inbox-messages.mjs';
import { replyWindow } from '../rules/reply-window.mjs';
import { seesAccount } from '../rules/access.mjs';

/** Tells every open page of the account that its inbox changed (`inbox.message` on `/api/events`). */
export function announceInboxMessage(suite, appid, { messageId, openid, direction }) {
  const departmentIds = departmentsAllocatedTo(suite.db, appid);
  suite.bus.publish('inbox.message', { appid, messageId, openid, direction }, (user) => seesAccount(user, departmentIds));
}

/**
 * Keeps a WeChat push in the inbox with the replies WeChat received for it (`replies`: the passive
 * reply and the auto reply's further messages, WeChat's reply shape), marked as auto-replied.
 * @returns {number | null} the inbox message's id; null for pushes the inbox does not show
 */
export function recordInboxPush(suite, account, push, replies) {
  const entry = inboxEntryOf(push);
  if (!entry) return null;
  const { appid } = account;
  const createdAt = new Date((push.CreateTime ?? suite.clock.nowSeconds()) * 1000).toISOString();
  const messageId = suite.db.transaction(() => {
    const id = insertInboxEntry(suite.db, {
      appid, openid: push.FromUserName, direction: 'in', source: 'fan', ...entry, autoReplied: replies.length > 0, createdAt,
    });
    for (const reply of replies) {
      insertInboxEntry(suite.db, { appid, openid: push.FromUserName, direction: 'out', source: 'auto', event: null, ...sentEntryOf(reply), createdAt });
    }
    return id;
  })();
  announceInboxMessage(suite, appid, { messageId, openid: push.FromUserName, direction: 'in' });
  return messageId;
}

/** The fan's reply window now, as the API shows it (facts, the rule's answer, the server's time). */
export function windowOf(suite, appid, openid) {
  const nowMs = suite.clock.now();
  const facts = windowFactsOf(suite.db, appid, openid);
  const window = replyWindow(facts, nowMs);
  const iso = (ms) => (ms === null ? null : new Date(ms).toISOString());
  return {
    now: iso(nowMs),
    lastMessageAt: iso(facts.lastMessageAt),
    lastEventAt: iso(facts.lastEventAt),
    repliesSinceMessage: facts.repliesSinceMessage,
    repliesSinceEvent: facts.repliesSinceEvent,
    open: window.open,
    reason: window.reason,
    basis: window.basis,
    closesAt: iso(window.closesAt),
    repliesLeft: window.repliesLeft,
  };
}
