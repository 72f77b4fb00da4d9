import { cancelScheduled, deleteDraft, findDraft, findMassSendRow, findSubscribedFan, listMassSendRows, saveDraft } from '../repositories/mass-sends.mjs';
import { assertMaterialReferences } from '../services/material-references.mjs';
import { insertEvent } from '../repositories/events.mjs';
import {
  createMassSend, describeMassSend, estimateAudience, normalizeContent, quotaOf, startMassSendScheduler,
} from '../services/mass-send.mjs';
import { conflict, notFound, wechatRefused } from '../lib/problems.mjs';

/**
 * /api/wechat/accounts/{appid}/mass-sends: mass send (群发) — history, send or schedule, cancel,
 * estimate, preview, quota and the per-user draft. The scheduler that starts scheduled sends and
 * delivers results runs while this plugin is registered.
 */
export default async function massSendRoutes(fastify, { suite }) {
  const base = '/api/wechat/accounts/:appid/mass-sends';
  const scheduler = startMassSendScheduler(suite);
  fastify.addHook('onClose', async () => scheduler.stop());

  const rowOf = (request) => {
    const row = findMassSendRow(suite.db, request.params.appid, request.params.massSendId);
    if (!row) throw notFound(`Mass send ${request.params.massSendId}`);
    return row;
  };

  fastify.get(base, async (request) => {
    const { rows, total } = listMassSendRows(suite.db, request.params.appid, request.query);
    return { items: rows.map((row) => describeMassSend(suite.db, row)), total };
  });

  fastify.post(base, async (request, reply) => {
    const massSend = createMassSend(suite, { account: request.account, user: request.user, body: request.body });
    return reply.code(201).send(massSend);
  });

  fastify.post(`${base}/estimate`, async (request) =>
    estimateAudience(suite.db, request.account, request.body.audience, suite.clock.now()));

  fastify.post(`${base}/preview`, async (request) => {
    const content = normalizeContent(request.body.content);
    const { appid } = request.params;
    assertMaterialReferences(suite.db, appid, [{ field: 'content.mediaId', content }], suite.clock.iso());
    const openid = request.body.openid.trim();
    if (!findSubscribedFan(suite.db, appid, openid)) throw wechatRefused(40003, `invalid openid ${openid}: not a fan of this account`);
    const sentAt = suite.clock.iso();
    insertEvent(suite.db, {
      appid,
      openid,
      type: 'masssend.preview',
      payload: { MsgType: content.type === 'news' ? 'mpnews' : content.type, ...(content.type === 'text' ? { Content: content.text } : { MediaId: content.mediaId }) },
      createdAt: sentAt,
    });
    return { openid, sentAt };
  });

  fastify.get(`${base}/quota`, async (request) => quotaOf(suite.db, request.account, suite.clock.now()));

  fastify.get(`${base}/draft`, async (request) => {
    const row = findDraft(suite.db, request.params.appid, request.user.id);
    return { document: row ? JSON.parse(row.document) : null, updatedAt: row?.updated_at ?? null };
  });

  fastify.put(`${base}/draft`, async (request) => {
    const now = suite.clock.iso();
    saveDraft(suite.db, request.params.appid, request.user.id, request.body, now);
    return { document: request.body, updatedAt: now };
  });

  fastify.delete(`${base}/draft`, async (request, reply) => {
    deleteDraft(suite.db, request.params.appid, request.user.id);
    return reply.code(204).send();
  });

  fastify.get(`${base}/:massSendId`, async (request) => describeMassSend(suite.db, rowOf(request)));

  fastify.post(`${base}/:massSendId/cancel`, async (request) => {
    const row = rowOf(request);
    if (!cancelScheduled(suite.db, row.appid, row.id, suite.clock.iso())) {
      throw conflict(`Mass send ${row.id} is ${row.status}: only a scheduled send that has not started can be cancelled.`);
    }
    return describeMassSend(suite.db, rowOf(request));
  });
}
