import { findAccountRow } from '../repositories/accounts.mjs';
import { findSimulatedAccount } from '../wechat/simulated-accounts.mjs';
import { avatarSvg } from '../wechat/avatar.mjs';
import { notFound } from '../lib/problems.mjs';

/** GET /__mock/avatars/<appid>.svg: account avatars, same origin (the CSP allows no other images). */
export default async function avatarRoutes(fastify, { suite }) {
  fastify.get('/__mock/avatars/:file', async (request, reply) => {
    const appid = /^(wx[0-9a-f]{16})\.svg$/.exec(request.params.file)?.[1];
    const account = appid && (findAccountRow(suite.db, appid) ?? findSimulatedAccount(appid));
    if (!account) throw notFound(`Avatar ${request.params.file}`);
    return reply.type('image/svg+xml').header('cache-control', 'public, max-age=3600').send(avatarSvg(appid, account.name));
  });
}
