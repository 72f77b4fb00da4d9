import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APPIDS, removeDataDir, signIn, startServer } from './helpers.mjs';
import { compileOperations, loadOpenApi } from '../src/openapi.mjs';

/**
 * Channel allocation is enforced on every account-scoped route: this walks every operation of
 * openapi.yaml whose path has `{appid}` (routes added later are picked up from the document)
 * and calls it as each member for an account they may use and one they may not.
 *
 * Who may use what: the seed allocates Dmartech智慧营销 and Dmartech订阅号 to Marketing only;
 * the setup gives East China and Sales Dmartech智慧营销 through the API, so every member has
 * one allowed account (a verified service account: no type gate answers 403) and one forbidden:
 * - marketer: DM Demo Service (never allocated to Marketing);
 * - east: Dmartech订阅号, which its parent Marketing has (no inheritance);
 * - sales: Dmartech订阅号, whose contacts Marketing shares with Sales (sharing grants no use).
 */
const MEMBERS = [
  { username: 'marketer', allowed: APPIDS.smart, forbidden: APPIDS.demo },
  { username: 'east', allowed: APPIDS.smart, forbidden: APPIDS.subscription },
  { username: 'sales', allowed: APPIDS.smart, forbidden: APPIDS.subscription },
];

/** Operations deliberately left out of the matrix, with the reason. Keep it empty. */
const EXCLUDED = new Map();

/** Dummy values for path parameters other than appid: the first one the document accepts is used. */
const DUMMIES = ['1', 'a1', 'dummy'];

const doc = loadOpenApi();
const accountScoped = [...compileOperations(doc).values()].filter(
  (op) => op.path.includes(':appid') && !EXCLUDED.has(`${op.method} ${op.path}`),
);

/** The operation's URL for `appid`, other path parameters filled with values that pass validation. */
function urlOf(op, appid) {
  const names = [...op.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]).filter((n) => n !== 'appid');
  const params = { appid };
  for (const name of names) {
    params[name] = DUMMIES.find((value) => op.validatePath({ ...params, ...Object.fromEntries(names.map((n) => [n, value])) })) ?? DUMMIES[0];
  }
  assert.ok(op.validatePath({ ...params }), `no valid dummy path parameters for ${op.method} ${op.path}`);
  return op.path.replace(/:([A-Za-z0-9_]+)/g, (_, name) => encodeURIComponent(params[name]));
}

/** Operations with a body get `{}`: an allowed caller may get 400, a forbidden one must get 403 first. */
const call = (api, op, appid) => api.request(op.method, urlOf(op, appid), op.validateBody || op.bodyRequired ? {} : undefined);

describe('channel allocation is enforced on every account-scoped route of openapi.yaml', () => {
  let app, dataDir;
  const clients = {};
  before(async () => {
    ({ app, dataDir } = await startServer());
    const admin = await signIn(app, 'admin');
    for (const department of ['dep_east', 'dep_sales']) {
      assert.equal((await admin.put(`/api/departments/${department}/allocation`, { appids: [APPIDS.smart] })).status, 200);
    }
    for (const { username } of MEMBERS) clients[username] = await signIn(app, username);
  });
  after(async () => {
    await app.close();
    removeDataDir(dataDir);
  });

  it('finds the account-scoped routes in the document, each documenting its 403', () => {
    assert.ok(accountScoped.length >= 40, `${accountScoped.length} operations`);
    assert.equal(EXCLUDED.size, 0);
    const undocumented = accountScoped.filter((op) => {
      const path = op.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      const forbidden = doc.paths[path][op.method.toLowerCase()].responses['403'];
      return !/#\/components\/responses\/Forbidden(Account)?$/.test(forbidden?.$ref ?? '');
    });
    assert.deepEqual(undocumented.map((op) => `${op.method} ${op.path}`), []);
  });

  for (const member of MEMBERS) {
    it(`answers ${member.username} 403 problem+json for an account not allocated to their department`, async () => {
      const failures = [];
      for (const op of accountScoped) {
        const response = await call(clients[member.username], op, member.forbidden);
        const expected = op.requiredRole && op.requiredRole !== 'member' ? 'FORBIDDEN_ROLE' : 'FORBIDDEN_ACCOUNT';
        const type = response.headers['content-type'] ?? '';
        if (response.status !== 403 || response.body?.code !== expected || !type.includes('application/problem+json')) {
          failures.push(`${op.method} ${op.path}: ${response.status} ${response.body?.code ?? type}`);
        }
      }
      assert.deepEqual(failures, []);
    });

    it(`lets ${member.username} past the allocation check for their own account`, async () => {
      const failures = [];
      for (const op of accountScoped) {
        const response = await call(clients[member.username], op, member.allowed);
        const roleGated = op.requiredRole && op.requiredRole !== 'member';
        // An admin-only route still refuses a member, but for their role, never for the account.
        const ok = roleGated ? response.body?.code === 'FORBIDDEN_ROLE' : response.status !== 403 && response.status !== 401;
        if (!ok || response.status >= 500) failures.push(`${op.method} ${op.path}: ${response.status} ${response.body?.code ?? ''}`);
      }
      assert.deepEqual(failures, []);
    });
  }
});
