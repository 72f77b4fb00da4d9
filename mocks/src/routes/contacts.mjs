import { listBoundAccounts, listKnownAccounts } from '../repositories/accounts.mjs';
import { contactCounts, contactPage } from '../repositories/contacts.mjs';
import { departmentAppids } from '../services/access.mjs';
import { sharedAppidsFor } from '../repositories/contact-sharing.mjs';
import { contactScope, usableAccounts } from '../rules/access.mjs';
import { forbiddenAccount, notFound } from '../lib/problems.mjs';

/** /api/contacts: contacts who are fans of the user's accounts, or shared with their department (read-only). */
export default async function contactRoutes(fastify, { suite }) {
  const usable = (user) => usableAccounts(user, listBoundAccounts(suite.db), departmentAppids(suite.db, user));

  fastify.get('/api/contacts', async (request) => {
    const { appids, q, limit, offset } = request.query;
    const department = request.user.department;
    const scope = contactScope(request.user, appids, {
      knownAppids: listKnownAccounts(suite.db).map((a) => a.appid),
      usableAppids: usable(request.user).map((a) => a.appid),
      sharedAppids: department ? sharedAppidsFor(suite.db, department.id) : [],
    });
    if (scope.refused === 'not-found') throw notFound(`WeChat account ${scope.appid}`);
    if (scope.refused === 'forbidden') throw forbiddenAccount(scope.appid);
    if (!scope.appids.length) return { items: [], total: 0 };
    return contactPage(suite.db, { ...scope, q, limit, offset });
  });

  fastify.get('/api/contacts/summary', async (request) => {
    const accounts = request.user.role === 'admin' ? listKnownAccounts(suite.db) : usable(request.user);
    return {
      items: accounts.map((a) => ({ appid: a.appid, name: a.name, ...contactCounts(suite.db, a.appid), updating: a.bound === 1 })),
    };
  });
}
