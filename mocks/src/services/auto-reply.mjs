import { findSettings, listRules } from '../repositories/auto-reply.mjs';
import { insertEvent } from '../repositories/events.mjs';
import { answerText, repliesSent, wechatReply } from '../rules/auto-reply.mjs';
import { hash32, mulberry32 } from '../lib/prng.mjs';

/**
 * The account's auto reply to a WeChat push: a fan's text (keyword rules, then the default
 * reply) or a follow (the on-follow reply). Every reply sent is recorded as a `message.sent`
 * event (`source: 'auto-reply'`, with the rule id), which the fans timeline shows as an outgoing
 * message. Runs after the fans service recorded the push.
 * @returns {{ source: 'keyword' | 'default' | 'onFollow', ruleId?: number, ruleName?: string,
 *             keyword?: object, replies: object[] } | null} null: nothing is sent
 */
export function applyAutoReply(db, account, push, { eventId, nowSeconds }) {
  const trigger = triggerOf(db, account.appid, push);
  if (!trigger) return null;
  // `random` mode draws from the event id: the same push always picks the same reply.
  const sent = repliesSent(trigger.replies, trigger.mode, mulberry32(hash32(`auto-reply:${account.appid}:${eventId}`)));
  if (!sent.length) return null;
  const createTime = push.CreateTime ?? nowSeconds;
  const createdAt = new Date(createTime * 1000).toISOString();
  const messages = sent.map((reply) => wechatReply(reply, { toUser: push.FromUserName, fromUser: account.original_id, createTime }));
  db.transaction(() => {
    sent.forEach((reply, i) => {
      insertEvent(db, {
        appid: account.appid,
        openid: push.FromUserName,
        type: 'message.sent',
        payload: {
          source: 'auto-reply',
          trigger: trigger.source,
          ...(trigger.rule ? { ruleId: trigger.rule.id } : {}),
          inReplyTo: eventId,
          // `type`/`content` are what the fans timeline reads of a message sent.
          type: reply.type,
          ...(reply.type === 'text' ? { content: reply.text } : { mediaId: reply.mediaId }),
          ...messages[i],
        },
        createdAt,
      });
    });
  })();
  return {
    source: trigger.source,
    ...(trigger.rule ? { ruleId: trigger.rule.id, ruleName: trigger.rule.name, keyword: trigger.keyword } : {}),
    replies: messages,
  };
}

function triggerOf(db, appid, push) {
  const settings = findSettings(db, appid);
  if (push.MsgType === 'text') {
    const answer = answerText(settings, listRules(db, appid), push.Content ?? '');
    return answer.source === 'none' ? null : answer;
  }
  if (push.MsgType === 'event' && String(push.Event).toLowerCase() === 'subscribe' && settings.onFollow.enabled) {
    return { source: 'onFollow', replies: settings.onFollow.replies, mode: 'all' };
  }
  return null;
}
