import { findAccount, listBoundAccounts, toAccount } from '../repositories/accounts.mjs';
import { departmentAppids } from '../services/access.mjs';
import { unbindAccount } from '../services/accounts.mjs';
import { usableAccounts } from '../rules/access.mjs';

/** /api/wechat/accounts: the accounts the user may use. Access to `{appid}` is checked by the API guard. */
export default async function accountRoutes(fastify, { suite }) {
  fastify.get('/api/wechat/accounts', async (request) => {
    const bound = listBoundAccounts(suite.db);
    const accounts = usableAccounts(request.user, bound, departmentAppids(suite.db, request.user));
    // totalBound lets a page tell "nothing bound yet" (offer to authorize) from "none allocated to you".
    return { items: accounts.map(toAccount), totalBound: bound.length };
  });

  fastify.get('/api/wechat/accounts/:appid', async (request) => toAccount(findAccount(suite.db, request.params.appid)));

  fastify.delete('/api/wechat/accounts/:appid', async (request, reply) => {
    unbindAccount(suite, request.params.appid);
    return reply.code(204).send();
  });
}
