import { blacklistFans, remarkFan } from '../services/fan-tags.mjs';
import { matchingOpenids } from '../repositories/fan-tags.mjs';

/** Remarks, the blacklist, and the openids matching a fan filter (what "select all matching" selects). */
export default async function fanActionRoutes(fastify, { suite }) {
  const account = '/api/wechat/accounts/:appid';

  fastify.put(`${account}/fans/:openid/remark`, async (request) =>
    remarkFan(suite.db, request.params.appid, request.params.openid, request.body.remark, request.headers));

  fastify.post(`${account}/blacklist/add`, async (request) => blacklistFans(suite.db, request.params.appid, request.body.openids, true));

  fastify.post(`${account}/blacklist/remove`, async (request) =>
    blacklistFans(suite.db, request.params.appid, request.body.openids, false));

  fastify.get(`${account}/fan-openids`, async (request) => matchingOpenids(suite.db, request.params.appid, request.query));
}
