import { conversationOf, findInboxFan, findInboxItem, findInboxMessage, insertInboxEntry, listInboxMessages, setStarred } from '../repositories/inbox.mjs';
import { insertEvent } from '../repositories/events.mjs';
import { announceInboxMessage, windowOf } from '../services/inbox.mjs';
import { assertMaterialReferences } from '../services/material-references.mjs';
import { replyEntryOf } from '../rules/inbox-messages.mjs';
import { replyErrors } from '../rules/reply-window.mjs';
import { notFound, validation, wechatRefused } from '../lib/problems.mjs';

/** How much of a conversation one answer carries (the newest end). */
export const CONVERSATION_LIMIT = 200;

/**
 * /api/wechat/accounts/{appid}/inbox: fans' messages (filtered, keyset-paged), the conversation with
 * one fan and its reply window, replies (customer-service messages, refused outside the window
 * with WECHAT_45015 or WECHAT_45047 and then nothing is written), and stars.
 */
export default async function inboxRoutes(fastify, { suite }) {
  const base = '/api/wechat/accounts/:appid/inbox';
  const fanOf = (request) => {
    const fan = findInboxFan(suite.db, request.params.appid, request.params.openid);
    if (!fan) throw notFound(`Fan ${request.params.openid}`);
    return fan;
  };

  fastify.get(`${base}/messages`, async (request) => {
    const { type, starred, needsReply, q, cursor, limit } = request.query;
    return listInboxMessages(suite.db, request.params.appid, { type, starred, needsReply, q: q?.trim() || undefined, cursor, limit });
  });

  for (const [method, starred] of [['put', true], ['delete', false]]) {
    fastify[method](`${base}/messages/:messageId/star`, async (request) => {
      const { appid } = request.params;
      const id = Number(request.params.messageId);
      if (!setStarred(suite.db, appid, id, starred)) throw notFound(`Inbox message ${id}`);
      return findInboxMessage(suite.db, appid, id);
    });
  }

  fastify.get(`${base}/fans/:openid/conversation`, async (request) => {
    const { appid, openid } = request.params;
    const fan = fanOf(request);
    return { fan, ...conversationOf(suite.db, appid, openid, CONVERSATION_LIMIT), window: windowOf(suite, appid, openid) };
  });

  fastify.post(`${base}/fans/:openid/replies`, async (request, reply) => {
    const { appid, openid } = request.params;
    fanOf(request);
    const body = request.body;
    const errors = replyErrors(body);
    if (errors.length) throw validation(errors);
    const window = windowOf(suite, appid, openid);
    if (!window.open) {
      throw window.reason === 'quotaUsed'
        ? wechatRefused(45047, `out of response count limit: ${window.basis === 'event' ? 3 : 5} replies were already sent in this window`)
        : wechatRefused(45015, 'response out of time limit or subscription is canceled');
    }
    if (body.type !== 'text') assertMaterialReferences(suite.db, appid, [{ field: 'mediaId', content: body }], suite.clock.iso());
    const createdAt = suite.clock.iso();
    const id = suite.db.transaction(() => {
      // The fan's timeline (fans module) shows it as an outgoing message, like the auto replies.
      insertEvent(suite.db, {
        appid, openid, type: 'message.sent', createdAt,
        payload: { source: 'inbox', type: body.type, ...(body.type === 'text' ? { content: body.text } : { mediaId: body.mediaId }) },
      });
      return insertInboxEntry(suite.db, { appid, openid, direction: 'out', source: 'manual', ...replyEntryOf(body), sentBy: request.user.id, createdAt });
    })();
    announceInboxMessage(suite, appid, { messageId: id, openid, direction: 'out' });
    return reply.code(201).send({ reply: findInboxItem(suite.db, appid, id), window: windowOf(suite, appid, openid) });
  });
}
