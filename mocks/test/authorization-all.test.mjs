import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { APPIDS, client, removeDataDir, signIn, startServer } from './helpers.mjs';
import { compileOperations, loadOpenApi } from '../src/openapi.mjs';

/**
 * Every operation of openapi.yaml, called by each demo user and by an anonymous client, answers
 * what the document's own markers promise (nothing here lists routes by hand):
 * - `security: []` operations are public; every other one answers an anonymous client 401
 *   UNAUTHENTICATED;
 * - `x-required-role: admin` operations answer a member 403 FORBIDDEN_ROLE, whatever the account;
 * - operations with an `{appid}` answer a member 403 FORBIDDEN_ACCOUNT for an account not allocated
 *   to their department and let them past for one that is;
 * - everything else lets any signed-in user past (the status may be 400/404/409/422 for the dummy
 *   input, never 401/403 and never a 5xx).
 *
 * Allocation (as in authorization-matrix.test.mjs): admin uses every bound account; the seed gives
 * Marketing Dmartech智慧营销 and Dmartech订阅号; the setup gives East China and Sales Dmartech智慧营销.
 */
const ACTORS = [
  { username: undefined, label: 'anonymous', allowed: APPIDS.smart },
  { username: 'admin', label: 'admin', allowed: APPIDS.smart },
  { username: 'marketer', label: 'marketer', allowed: APPIDS.smart, forbidden: APPIDS.demo },
  { username: 'east', label: 'east', allowed: APPIDS.smart, forbidden: APPIDS.subscription },
  { username: 'sales', label: 'sales', allowed: APPIDS.smart, forbidden: APPIDS.subscription },
];

/** Operations deliberately left out, with the reason. Keep it empty. */
const EXCLUDED = new Map();

const DUMMIES = ['1', 'a1', 'dummy'];

const doc = loadOpenApi();
const docOperation = (op) => doc.paths[op.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')][op.method.toLowerCase()];
const isStream = (op) => Object.keys(docOperation(op).responses?.['200']?.content ?? {}).includes('text/event-stream');
const depth = (op) => op.path.split('/').length;

/**
 * Calls with side effects must not change what later calls see: deletions run after everything
 * else, a resource's children before the resource (so unbinding an account and signing out,
 * the shallowest, come last).
 */
const operations = [...compileOperations(doc).values()]
  .filter((op) => !EXCLUDED.has(`${op.method} ${op.path}`))
  .sort((a, b) => (a.method === 'DELETE') - (b.method === 'DELETE') || (a.method === 'DELETE' ? depth(b) - depth(a) : 0));

function urlOf(op, appid) {
  const names = [...op.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]).filter((n) => n !== 'appid');
  const params = op.path.includes(':appid') ? { appid } : {};
  for (const name of names) {
    params[name] = DUMMIES.find((value) => op.validatePath({ ...params, ...Object.fromEntries(names.map((n) => [n, value])) })) ?? DUMMIES[0];
  }
  return op.path.replace(/:([A-Za-z0-9_]+)/g, (_, name) => encodeURIComponent(params[name]));
}

/** A streaming response never ends: read its status and headers over a socket, then hang up. */
function streamStatus(port, url, cookie) {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: url, headers: { ...(cookie ? { cookie } : {}), accept: 'text/event-stream' } }, (response) => {
      const type = response.headers['content-type'] ?? '';
      if (!type.includes('json')) {
        req.destroy();
        return resolve({ status: response.statusCode, body: undefined, headers: response.headers });
      }
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode, body: JSON.parse(text), headers: response.headers }));
    });
    req.on('error', reject);
  });
}

async function call(ctx, op, appid) {
  const url = urlOf(op, appid);
  if (isStream(op)) return streamStatus(ctx.port, url, ctx.api.cookie);
  return ctx.api.request(op.method, url, op.validateBody || op.bodyRequired ? {} : undefined);
}

const isProblem = (response, status, code) =>
  response.status === status && response.body?.code === code && (response.headers['content-type'] ?? '').includes('application/problem+json');

/** What `actor` must get from `op` for `which` account ('allowed' or 'forbidden'); a failure message or ''. */
function check(actor, op, which, response) {
  const got = `${response.status} ${response.body?.code ?? ''}`.trim();
  const fail = (expected) => `${op.method} ${op.path} (${which}): expected ${expected}, got ${got}`;
  if (!actor.username) {
    if (op.isPublic) return response.status === 401 || response.status >= 500 ? fail('no 401 (public)') : '';
    return isProblem(response, 401, 'UNAUTHENTICATED') ? '' : fail('401 UNAUTHENTICATED');
  }
  if (op.requiredRole && op.requiredRole !== 'member' && actor.username !== 'admin') {
    return isProblem(response, 403, 'FORBIDDEN_ROLE') ? '' : fail('403 FORBIDDEN_ROLE');
  }
  if (which === 'forbidden') return isProblem(response, 403, 'FORBIDDEN_ACCOUNT') ? '' : fail('403 FORBIDDEN_ACCOUNT');
  return [401, 403].includes(response.status) || response.status >= 500 ? fail('past the guard') : '';
}

describe('authorization of every operation of openapi.yaml, as each demo user and anonymous', () => {
  it('reads the rules from the document: public operations, and the admin-only and account-scoped ones each documenting their 403', () => {
    assert.equal(EXCLUDED.size, 0);
    const publicOps = operations.filter((op) => op.isPublic).map((op) => `${op.method} ${op.path}`);
    assert.deepEqual(publicOps, ['POST /api/session']);
    assert.ok(operations.filter((op) => op.requiredRole === 'admin').length >= 8);
    // (Not every operation repeats the 401 response: the document's global `security` implies it.)
    const undocumented = [];
    for (const op of operations) {
      const responses = docOperation(op).responses;
      if ((op.requiredRole || op.path.includes(':appid')) && !/Forbidden(Account)?$/.test(responses['403']?.$ref ?? '')) {
        undocumented.push(`${op.method} ${op.path} 403`);
      }
    }
    assert.deepEqual(undocumented, []);
  });

  for (const actor of ACTORS) {
    describe(actor.label, () => {
      const ctx = {};
      before(async () => {
        ({ app: ctx.app, dataDir: ctx.dataDir } = await startServer());
        const admin = await signIn(ctx.app, 'admin');
        for (const department of ['dep_east', 'dep_sales']) {
          assert.equal((await admin.put(`/api/departments/${department}/allocation`, { appids: [APPIDS.smart] })).status, 200);
        }
        await ctx.app.listen({ port: 0, host: '127.0.0.1' });
        ctx.port = ctx.app.server.address().port;
        ctx.api = actor.username ? await signIn(ctx.app, actor.username) : client(ctx.app);
      });
      after(async () => {
        await ctx.app.close();
        removeDataDir(ctx.dataDir);
      });

      it(`answers each of the ${operations.length} operations as the rules say`, async () => {
        const failures = [];
        for (const op of operations) {
          const accounts = op.path.includes(':appid') && actor.forbidden ? ['forbidden', 'allowed'] : ['allowed'];
          for (const which of accounts) {
            const message = check(actor, op, which, await call(ctx, op, actor[which]));
            if (message) failures.push(message);
          }
        }
        assert.deepEqual(failures, []);
      });
    });
  }
});
