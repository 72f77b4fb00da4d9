import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APPIDS, removeDataDir, signIn, startServer } from './helpers.mjs';

describe('request validation against openapi.yaml', () => {
  let app, dataDir, admin;
  before(async () => {
    ({ app, dataDir } = await startServer());
    admin = await signIn(app, 'admin');
  });
  after(async () => {
    await app.close();
    removeDataDir(dataDir);
  });

  const allocationRows = () => app.mockSuite.db.prepare('SELECT * FROM allocations ORDER BY department_id, appid').all();

  it('names the offending array item and writes nothing', async () => {
    const before = allocationRows();
    const response = await admin.put('/api/departments/dep_sales/allocation', { appids: [APPIDS.smart, 'not-an-appid'] });
    assert.equal(response.status, 400);
    assert.equal(response.body.code, 'VALIDATION');
    assert.deepEqual(response.body.errors.map((e) => e.field), ['appids[1]']);
    assert.deepEqual(allocationRows(), before);
  });

  it('names a missing field, an unknown field and a duplicate', async () => {
    const missing = await admin.put('/api/departments/dep_sales/allocation', {});
    assert.deepEqual(missing.body.errors, [{ field: 'appids', message: 'is required' }]);
    const unknown = await admin.put('/api/departments/dep_sales/allocation', { appids: [], extra: true });
    assert.deepEqual(unknown.body.errors.map((e) => e.field), ['extra']);
    const duplicate = await admin.put('/api/departments/dep_sales/allocation', { appids: [APPIDS.smart, APPIDS.smart] });
    assert.deepEqual(duplicate.body.errors.map((e) => e.field), ['appids[1]']);
  });

  it('refuses a well-formed appid that is not bound, naming it, and writes nothing', async () => {
    const before = allocationRows();
    const response = await admin.put('/api/departments/dep_sales/allocation', { appids: [APPIDS.demo, APPIDS.newService] });
    assert.equal(response.status, 400);
    assert.deepEqual(response.body.errors.map((e) => e.field), ['appids[1]']);
    assert.deepEqual(allocationRows(), before);
  });

  it('prefixes query and path parameters', async () => {
    const limit = await admin.get('/api/contacts?limit=0');
    assert.equal(limit.status, 400);
    assert.deepEqual(limit.body.errors.map((e) => e.field), ['query.limit']);
    const appids = await admin.get('/api/contacts?appids=wx5f3a9c1e7b2d4068,oops');
    assert.deepEqual(appids.body.errors.map((e) => e.field), ['query.appids[1]']);
    const path = await admin.get('/api/wechat/accounts/WX-NOT-VALID');
    assert.equal(path.status, 400);
    assert.deepEqual(path.body.errors.map((e) => e.field), ['path.appid']);
  });

  it('treats malformed JSON as a VALIDATION problem', async () => {
    const response = await admin.request('PUT', '/api/departments/dep_sales/allocation', '{"appids": [', {
      'content-type': 'application/json',
    });
    assert.equal(response.status, 400);
    assert.equal(response.body.code, 'VALIDATION');
  });

  it('coerces and defaults query values before the handler runs', async () => {
    const response = await admin.get(`/api/contacts?appids=${APPIDS.unverified}&limit=7`);
    assert.equal(response.status, 200);
    assert.equal(response.body.items.length, 7);
    assert.equal(response.body.total, 50);
  });
});
