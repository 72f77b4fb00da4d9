import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APPIDS, removeDataDir, signIn, startServer } from './helpers.mjs';

describe('accounts per user and access checks', () => {
  let app, dataDir, users;
  before(async () => {
    ({ app, dataDir } = await startServer());
    users = {};
    for (const name of ['admin', 'marketer', 'east', 'sales']) users[name] = await signIn(app, name);
  });
  after(async () => {
    await app.close();
    removeDataDir(dataDir);
  });

  it('lists all four bound accounts to the admin, with the seeded facts', async () => {
    const { status, body } = await users.admin.get('/api/wechat/accounts');
    assert.equal(status, 200);
    assert.deepEqual(body.items.map((a) => a.name), ['Dmartech智慧营销', 'Dmartech订阅号', 'DM Demo Service', 'DM 未认证服务号']);
    const [smart, subscription, demo, unverified] = body.items;
    assert.equal(subscription.type, 'subscription');
    assert.equal(unverified.verified, false);
    assert.ok(demo.fanCount > 90_000 && demo.fanCount < 100_000, `DM Demo Service fanCount ${demo.fanCount}`);
    assert.ok(smart.fanCount > 1800 && smart.fanCount <= 2000);
    for (const account of body.items) {
      assert.match(account.appid, /^wx[0-9a-f]{16}$/);
      assert.match(account.originalId, /^gh_[0-9a-f]{12}$/);
      assert.equal(account.avatarUrl, `/__mock/avatars/${account.appid}.svg`);
      assert.equal(account.status, 'authorized');
    }
  });

  it('lists exactly the two Marketing accounts to the marketer and none to east or sales', async () => {
    const marketer = await users.marketer.get('/api/wechat/accounts');
    assert.deepEqual(marketer.body.items.map((a) => a.appid), [APPIDS.smart, APPIDS.subscription]);
    // East China is a child of Marketing: no inheritance.
    const east = (await users.east.get('/api/wechat/accounts')).body;
    assert.deepEqual(east.items, []);
    // The organisation has accounts, none of them allocated to East China: "no permission", not "not bound".
    assert.equal(east.totalBound, 4);
    assert.deepEqual((await users.sales.get('/api/wechat/accounts')).body.items, []);
  });

  it('answers FORBIDDEN_ACCOUNT for an account outside the department, 404 for one never bound', async () => {
    const forbidden = await users.marketer.get(`/api/wechat/accounts/${APPIDS.demo}`);
    assert.equal(forbidden.status, 403);
    assert.equal(forbidden.body.code, 'FORBIDDEN_ACCOUNT');
    const allowed = await users.marketer.get(`/api/wechat/accounts/${APPIDS.smart}`);
    assert.equal(allowed.status, 200);
    assert.equal(allowed.body.name, 'Dmartech智慧营销');
    const east = await users.east.get(`/api/wechat/accounts/${APPIDS.smart}`);
    assert.equal(east.body.code, 'FORBIDDEN_ACCOUNT');
    const never = await users.admin.get('/api/wechat/accounts/wx0000000000000000');
    assert.equal(never.status, 404);
    assert.equal(never.body.code, 'NOT_FOUND');
    const contacts = await users.marketer.get(`/api/contacts?appids=${APPIDS.demo}`);
    assert.equal(contacts.body.code, 'FORBIDDEN_ACCOUNT');
  });

  it('answers FORBIDDEN_ROLE when a member binds, unbinds, lists departments or allocates', async () => {
    const attempts = [
      () => users.marketer.post('/api/wechat/authorizations', {}),
      () => users.marketer.delete(`/api/wechat/accounts/${APPIDS.smart}`),
      () => users.marketer.get('/api/departments'),
      () => users.marketer.put('/api/departments/dep_marketing/allocation', { appids: [] }),
      // Role comes before validation: a member learns nothing about the body.
      () => users.sales.put('/api/departments/dep_sales/allocation', { appids: ['bad'] }),
    ];
    for (const attempt of attempts) {
      const response = await attempt();
      assert.equal(response.status, 403);
      assert.equal(response.body.code, 'FORBIDDEN_ROLE');
    }
    const departments = await users.admin.get('/api/departments');
    assert.deepEqual(departments.body.items.find((d) => d.id === 'dep_marketing').appids, [APPIDS.smart, APPIDS.subscription]);
  });

  it('refuses an allocation based on an older revision (STALE, nothing written)', async () => {
    const url = '/api/departments/dep_sales/allocation';
    const opened = (await users.admin.get('/api/departments')).body.items.find((d) => d.id === 'dep_sales');
    const theirs = await users.admin.request('PUT', url, { appids: [...opened.appids, APPIDS.smart] }, { 'if-match': `"${opened.revision}"` });
    assert.equal(theirs.status, 200);
    assert.notEqual(theirs.body.revision, opened.revision);
    const mine = await users.admin.request('PUT', url, { appids: [] }, { 'if-match': `"${opened.revision}"` });
    assert.equal(mine.status, 412);
    assert.equal(mine.body.code, 'STALE');
    assert.deepEqual(mine.body.errors.map((e) => e.field), ['header.If-Match']);
    const now = (await users.admin.get('/api/departments')).body.items.find((d) => d.id === 'dep_sales');
    assert.deepEqual(now.appids, theirs.body.appids, 'nothing was written');
    assert.equal((await users.admin.request('PUT', url, { appids: opened.appids }, { 'if-match': `"${now.revision}"` })).status, 200);
  });

  it('serves a same-origin SVG avatar with the account initial', async () => {
    const response = await app.inject({ method: 'GET', url: `/__mock/avatars/${APPIDS.smart}.svg` });
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'], /image\/svg\+xml/);
    assert.match(response.body, />智</);
    assert.equal((await app.inject({ method: 'GET', url: '/__mock/avatars/wx0000000000000000.svg' })).statusCode, 404);
  });

  it('serves the host segments and journey draft', async () => {
    const segments = await users.east.get('/api/host/segments');
    assert.deepEqual(segments.body.items.map((s) => s.name), ['高价值客户', '近30天活跃', '新注册用户']);
    const journeys = await users.east.get('/api/host/journeys');
    assert.equal(journeys.body.items.length, 1);
    assert.equal(journeys.body.items[0].status, 'draft');
  });
});
