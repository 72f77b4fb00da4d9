import { findAccount, listBoundAccounts, toAccount } from '../repositories/accounts.mjs';
import { departmentAppids } from '../services/access.mjs';
import { unbindAccount } from '../services/accounts.mjs';
import { usableAccounts } from '../rules/access.mjs';

/** /api/wechat/accounts: the accounts the user may use. Access to `{appid}` is checked by the API guard. */
export default async function accountRoutes(fastify, { suite }) {
  fastify.get('/api/wechat/accounts', async (request) => {
    const accounts = usableAccounts(request.user, listBoundAccounts(suite.db), departmentAppids(suite.db, request.user));
    return { items: accounts.map(toAccount) };
  });

  fastify.get('/api/wechat/accounts/:appid', async (request) => toAccount(findAccount(suite.db, request.params.appid)));

  fastify.delete('/api/wechat/accounts/:appid', async (request, reply) => {
    unbindAccount(suite, request.params.appid);
    return reply.code(204).send();
  });
}
