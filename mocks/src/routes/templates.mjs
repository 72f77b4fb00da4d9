import { findSendRow, listResults, listSendRows } from '../repositories/templates.mjs';
import {
  addTemplate, assertTemplatesAvailable, createTemplateSend, describeSend, removeTemplate, syncTemplates, templatesOf,
} from '../services/templates.mjs';
import { INDUSTRY_LIBRARY } from '../wechat/message-templates.mjs';
import { notFound } from '../lib/problems.mjs';

/**
 * /api/wechat/accounts/{appid}/templates: template messages (verified service accounts only) — the
 * account's templates synced from WeChat, adding from WeChat's industry library, deleting, and sends
 * (a job per send) with their per-recipient results.
 */
export default async function templateRoutes(fastify, { suite }) {
  const base = '/api/wechat/accounts/:appid/templates';
  // Before anything else, so a refused account writes nothing (not even WeChat's side).
  fastify.addHook('preHandler', async (request) => {
    if (request.routeOptions.url?.startsWith(base)) assertTemplatesAvailable(request.account);
  });

  const sendOf = (request) => {
    const row = findSendRow(suite.db, request.params.appid, request.params.sendId);
    if (!row) throw notFound(`Template send ${request.params.sendId}`);
    return row;
  };

  fastify.get(base, async (request) => templatesOf(suite.db, request.params.appid));

  fastify.post(base, async (request, reply) =>
    reply.code(201).send(addTemplate(suite.db, request.params.appid, request.body.templateIdShort, suite.clock.iso())));

  fastify.get(`${base}/library`, async () => ({
    items: INDUSTRY_LIBRARY.map(({ shortId, title, primaryIndustry, deputyIndustry }) => ({ templateIdShort: shortId, title, primaryIndustry, deputyIndustry })),
  }));

  fastify.post(`${base}/sync`, async (request) => syncTemplates(suite.db, request.params.appid, suite.clock.iso()));

  fastify.delete(`${base}/:templateId`, async (request, reply) => {
    removeTemplate(suite.db, request.params.appid, request.params.templateId);
    return reply.code(204).send();
  });

  fastify.get(`${base}/sends`, async (request) => {
    const { rows, total } = listSendRows(suite.db, request.params.appid, request.query);
    return { items: rows.map((row) => describeSend(suite.db, row)), total };
  });

  fastify.post(`${base}/sends`, async (request, reply) =>
    reply.code(201).send(createTemplateSend(suite, { account: request.account, user: request.user, body: request.body })));

  fastify.get(`${base}/sends/:sendId`, async (request) => describeSend(suite.db, sendOf(request)));

  fastify.get(`${base}/sends/:sendId/results`, async (request) => listResults(suite.db, sendOf(request).id, request.query));
}
