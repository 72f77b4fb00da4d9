import { createTag, deleteTagChecked, listTagsWithCounts, renameTagChecked, tagFans } from '../services/fan-tags.mjs';
import { TAG_LIMIT } from '../rules/fan-tags.mjs';

/**
 * /api/wechat/accounts/{appid}/tags: the account's fan tags with their fan counts, tag management
 * and batch (un)tagging. QR codes and menus read the same list (every account type has tags).
 */
export default async function fanTagRoutes(fastify, { suite }) {
  const base = '/api/wechat/accounts/:appid/tags';

  fastify.get(base, async (request) => ({ items: listTagsWithCounts(suite.db, request.params.appid), limit: TAG_LIMIT }));

  fastify.post(base, async (request, reply) => reply.code(201).send(createTag(suite.db, request.params.appid, request.body.name)));

  fastify.patch(`${base}/:tagId`, async (request) =>
    renameTagChecked(suite.db, request.params.appid, request.params.tagId, request.body.name, request.headers));

  fastify.delete(`${base}/:tagId`, async (request, reply) => {
    deleteTagChecked(suite.db, request.params.appid, request.params.tagId);
    return reply.code(204).send();
  });

  fastify.post(`${base}/:tagId/fans/add`, async (request) =>
    tagFans(suite.db, request.params.appid, request.params.tagId, request.body.openids, true));

  fastify.post(`${base}/:tagId/fans/remove`, async (request) =>
    tagFans(suite.db, request.params.appid, request.params.tagId, request.body.openids, false));
}
