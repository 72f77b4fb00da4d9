import { randomBytes, randomUUID } from 'node:crypto';
import { findAccountRow, insertAuthorization } from '../repositories/accounts.mjs';
import { TICKET_LIFETIME_SECONDS } from '../rules/authorization.mjs';
import { fieldError } from '../lib/problems.mjs';

/** /api/wechat/authorizations: starts WeChat's authorization (binding or re-authorizing). */
export default async function authorizationRoutes(fastify, { suite }) {
  fastify.post('/api/wechat/authorizations', async (request, reply) => {
    const appid = request.body?.appid;
    if (appid && !findAccountRow(suite.db, appid)) throw fieldError('appid', 'is not a bound WeChat account');
    const id = `auth_${randomUUID()}`;
    const ticket = randomBytes(24).toString('base64url');
    const now = suite.clock.now();
    insertAuthorization(suite.db, {
      id,
      ticket,
      appid,
      createdBy: request.user.id,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + TICKET_LIFETIME_SECONDS * 1000).toISOString(),
    });
    return reply.code(201).send({ id, authorizeUrl: `/__mock/wechat/authorize?ticket=${ticket}` });
  });
}
