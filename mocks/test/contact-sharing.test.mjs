import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APPIDS, removeDataDir, signIn, startServer } from './helpers.mjs';
import { duplicateRule, sharingRuleErrors } from '../src/rules/contact-sharing.mjs';

const RULES = '/api/contact-sharing/rules';
const KNOWN = { departmentIds: ['dep_hq', 'dep_marketing', 'dep_east', 'dep_sales'], boundAppids: [APPIDS.smart, APPIDS.subscription] };
const rule = (patch = {}) => ({
  name: '市场部共享智慧营销',
  sourceDepartmentId: 'dep_marketing',
  appids: [APPIDS.smart],
  targetDepartmentIds: ['dep_sales'],
  enabled: true,
  ...patch,
});
const fields = (response) => response.body.errors.map((e) => e.field);

describe('contact-sharing rules (pure)', () => {
  it('accepts a rule with a name, accounts and other departments', () => {
    assert.deepEqual(sharingRuleErrors(rule(), KNOWN), []);
  });

  it('names each offending field', () => {
    assert.deepEqual(sharingRuleErrors(rule({ name: '  ' }), KNOWN).map((e) => e.field), ['name']);
    assert.deepEqual(sharingRuleErrors(rule({ name: '长'.repeat(31) }), KNOWN).map((e) => e.field), ['name']);
    assert.deepEqual(sharingRuleErrors(rule({ appids: [] }), KNOWN).map((e) => e.field), ['appids']);
    assert.deepEqual(sharingRuleErrors(rule({ targetDepartmentIds: [] }), KNOWN).map((e) => e.field), ['targetDepartmentIds']);
    assert.deepEqual(
      sharingRuleErrors(rule({ targetDepartmentIds: ['dep_sales', 'dep_marketing'] }), KNOWN),
      [{ field: 'targetDepartmentIds[1]', message: 'a department cannot share with itself' }],
    );
    assert.deepEqual(sharingRuleErrors(rule({ appids: [APPIDS.smart, APPIDS.demo] }), KNOWN).map((e) => e.field), ['appids[1]']);
    assert.deepEqual(sharingRuleErrors(rule({ appids: [APPIDS.smart, APPIDS.smart] }), KNOWN).map((e) => e.field), ['appids[1]']);
    assert.deepEqual(sharingRuleErrors(rule({ sourceDepartmentId: 'dep_x' }), KNOWN).map((e) => e.field), ['sourceDepartmentId']);
    assert.deepEqual(sharingRuleErrors(rule({ targetDepartmentIds: ['dep_x'] }), KNOWN).map((e) => e.field), ['targetDepartmentIds[0]']);
  });

  it('finds a duplicate whatever the order, but not the rule itself', () => {
    const existing = [{ id: 7, ...rule({ appids: [APPIDS.smart, APPIDS.subscription], targetDepartmentIds: ['dep_sales', 'dep_east'] }) }];
    const same = rule({ name: 'other', appids: [APPIDS.subscription, APPIDS.smart], targetDepartmentIds: ['dep_east', 'dep_sales'] });
    assert.equal(duplicateRule(same, existing)?.id, 7);
    assert.equal(duplicateRule(same, existing, 7), null);
    assert.equal(duplicateRule({ ...same, targetDepartmentIds: ['dep_east'] }, existing), null);
    assert.equal(duplicateRule({ ...same, sourceDepartmentId: 'dep_hq' }, existing), null);
  });
});

describe('/api/contact-sharing/rules', () => {
  let app, dataDir, admin, sales, marketer;
  before(async () => {
    ({ app, dataDir } = await startServer());
    admin = await signIn(app, 'admin');
    sales = await signIn(app, 'sales');
    marketer = await signIn(app, 'marketer');
  });
  after(async () => {
    await app.close();
    removeDataDir(dataDir);
  });
  const count = async () => (await admin.get(RULES)).body.items.length;

  it('lists the seed rules, migrated to named, enabled rules', async () => {
    const { status, body } = await admin.get(RULES);
    assert.equal(status, 200);
    assert.deepEqual(
      body.items.map((r) => [r.sourceDepartmentId, r.appids, r.targetDepartmentIds, r.enabled]),
      [
        ['dep_hq', [APPIDS.unverified], ['dep_marketing'], true],
        ['dep_marketing', [APPIDS.subscription], ['dep_sales'], true],
      ],
    );
    assert.ok(body.items.every((r) => r.name.length > 0));
  });

  it('refuses members every operation (FORBIDDEN_ROLE) and writes nothing', async () => {
    const before = await count();
    for (const [method, url, body] of [
      ['GET', RULES],
      ['POST', RULES, rule()],
      ['PUT', `${RULES}/1`, rule()],
      ['DELETE', `${RULES}/1`],
    ]) {
      const response = await marketer.request(method, url, body);
      assert.equal(response.status, 403, `${method} ${url}`);
      assert.equal(response.body.code, 'FORBIDDEN_ROLE');
      assert.match(response.headers['content-type'], /application\/problem\+json/);
    }
    assert.equal(await count(), before);
  });

  it('refuses invalid rules naming the field, writing nothing', async () => {
    const before = await count();
    const cases = [
      [rule({ appids: [] }), 'appids'],
      [rule({ targetDepartmentIds: [] }), 'targetDepartmentIds'],
      [rule({ targetDepartmentIds: ['dep_marketing'] }), 'targetDepartmentIds[0]'],
      [rule({ appids: [APPIDS.newService] }), 'appids[0]'],
      [rule({ name: '' }), 'name'],
      [rule({ targetDepartmentIds: ['dep_nowhere'] }), 'targetDepartmentIds[0]'],
    ];
    for (const [body, field] of cases) {
      const response = await admin.post(RULES, body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.equal(response.body.code, 'VALIDATION');
      assert.ok(fields(response).includes(field), `${field} in ${fields(response)}`);
    }
    assert.equal(await count(), before);
  });

  it('refuses a duplicate (same department, accounts and targets in any order) with CONFLICT, on create and on edit', async () => {
    const seeded = (await admin.get(RULES)).body.items[1];
    const before = await count();
    const duplicate = await admin.post(RULES, { ...seeded, id: undefined, createdAt: undefined, updatedAt: undefined, revision: undefined, name: '重复' });
    assert.equal(duplicate.status, 409);
    assert.equal(duplicate.body.code, 'CONFLICT');
    assert.equal(await count(), before);

    const created = await admin.post(RULES, rule({ appids: [APPIDS.subscription, APPIDS.smart] }));
    assert.equal(created.status, 201);
    const edited = await admin.put(`${RULES}/${created.body.id}`, rule({ appids: [APPIDS.subscription] }));
    assert.equal(edited.status, 409);
    assert.deepEqual((await admin.get(RULES)).body.items.find((r) => r.id === created.body.id).appids, [APPIDS.subscription, APPIDS.smart]);
    assert.equal((await admin.delete(`${RULES}/${created.body.id}`)).status, 204);
  });

  it('refuses a save or delete based on an older revision (STALE, nothing written)', async () => {
    const { body: opened } = await admin.post(RULES, rule({ name: '共享给销售' }));
    const url = `${RULES}/${opened.id}`;
    const theirs = await admin.request('PUT', url, rule({ name: '另一位管理员改的' }), { 'if-match': `"${opened.revision}"` });
    assert.equal(theirs.status, 200);
    const mine = await admin.request('PUT', url, rule({ name: '我改的', enabled: false }), { 'if-match': `"${opened.revision}"` });
    assert.equal(mine.status, 412);
    assert.equal(mine.body.code, 'STALE');
    assert.deepEqual(mine.body.errors.map((e) => e.field), ['header.If-Match']);
    const now = (await admin.get(RULES)).body.items.find((r) => r.id === opened.id);
    assert.deepEqual([now.name, now.enabled], ['另一位管理员改的', true], 'nothing was written');
    assert.equal((await admin.request('DELETE', url, undefined, { 'if-match': `"${opened.revision}"` })).status, 412);
    assert.equal((await admin.request('DELETE', url, undefined, { 'if-match': `"${now.revision}"` })).status, 204);
  });

  it('shares contacts read-only with the target only while the rule exists and is enabled', async () => {
    const smartContacts = `/api/contacts?appids=${APPIDS.smart}&limit=5`;
    assert.equal((await sales.get(smartContacts)).body.code, 'FORBIDDEN_ACCOUNT');
    const salesTotal = (await sales.get('/api/contacts?limit=1')).body.total;

    const created = await admin.post(RULES, rule());
    assert.equal(created.status, 201);
    assert.equal(created.body.enabled, true);
    const shared = await sales.get(smartContacts);
    assert.equal(shared.status, 200);
    assert.ok(shared.body.total > 0);
    assert.ok(shared.body.items.every((c) => c.shared === true));
    assert.ok((await sales.get('/api/contacts?limit=1')).body.total > salesTotal);
    // Sharing contacts does not let Sales use the account.
    assert.equal((await sales.get(`/api/wechat/accounts/${APPIDS.smart}/fans`)).status, 403);
    // The owner still holds them as its own.
    assert.ok((await marketer.get(smartContacts)).body.items.every((c) => c.shared === false));

    const disabled = await admin.put(`${RULES}/${created.body.id}`, rule({ enabled: false, name: '  改名  ' }));
    assert.equal(disabled.status, 200);
    assert.equal(disabled.body.enabled, false);
    assert.equal(disabled.body.name, '改名');
    assert.equal((await sales.get(smartContacts)).status, 403);

    await admin.put(`${RULES}/${created.body.id}`, rule());
    assert.equal((await sales.get(smartContacts)).status, 200);

    assert.equal((await admin.delete(`${RULES}/${created.body.id}`)).status, 204);
    assert.equal((await sales.get(smartContacts)).status, 403);
    assert.equal((await admin.delete(`${RULES}/${created.body.id}`)).body.code, 'NOT_FOUND');
    assert.equal((await admin.put(`${RULES}/${created.body.id}`, rule())).status, 404);
  });
});

describe('/api/users', () => {
  let app, dataDir;
  before(async () => ({ app, dataDir } = await startServer()));
  after(async () => {
    await app.close();
    removeDataDir(dataDir);
  });

  it('lists the demo users with their departments to administrators only', async () => {
    const admin = await signIn(app, 'admin');
    const { body } = await admin.get('/api/users');
    assert.deepEqual(
      body.items.map((u) => [u.username, u.role, u.department?.id]),
      [
        ['admin', 'admin', 'dep_hq'],
        ['east', 'member', 'dep_east'],
        ['marketer', 'member', 'dep_marketing'],
        ['sales', 'member', 'dep_sales'],
      ],
    );
    assert.equal((await (await signIn(app, 'east')).get('/api/users')).body.code, 'FORBIDDEN_ROLE');
  });
});
