import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APPIDS, authorizeThroughPage, removeDataDir, signIn, startServer, waitForJob } from './helpers.mjs';

describe('unbinding (two-step) and re-binding', () => {
  let app, dataDir, admin, marketer;
  before(async () => {
    ({ app, dataDir } = await startServer());
    admin = await signIn(app, 'admin');
    marketer = await signIn(app, 'marketer');
  });
  after(async () => {
    await app.close();
    removeDataDir(dataDir);
  });

  const summaryOf = async (appid) => (await admin.get('/api/contacts/summary')).body.items.find((s) => s.appid === appid);

  it('refuses with WECHAT_STILL_AUTHORIZED while WeChat reports the account authorized', async () => {
    const response = await admin.delete(`/api/wechat/accounts/${APPIDS.subscription}`);
    assert.equal(response.status, 409);
    assert.equal(response.body.code, 'WECHAT_STILL_AUTHORIZED');
    assert.match(response.body.detail, /mp\.weixin\.qq\.com/);
    assert.match(response.body.detail, /取消授权/);
    assert.equal((await admin.get('/api/wechat/accounts')).body.items.length, 4);
  });

  it('unbinds after the revoke: gone from lists and allocations, contacts kept but no longer updating', async () => {
    const before = await summaryOf(APPIDS.subscription);
    assert.deepEqual({ contacts: before.contacts, updating: before.updating }, { contacts: 500, updating: true });

    const revoked = await app.inject({ method: 'POST', url: '/__mock/wechat/revoke', payload: { appid: APPIDS.subscription } });
    assert.equal(revoked.statusCode, 200);
    const account = (await admin.get(`/api/wechat/accounts/${APPIDS.subscription}`)).body;
    assert.equal(account.status, 'revoked');
    // Revoked but still bound: the marketer still sees it (with its status).
    assert.equal((await marketer.get('/api/wechat/accounts')).body.items.find((a) => a.appid === APPIDS.subscription).status, 'revoked');

    const unbound = await admin.delete(`/api/wechat/accounts/${APPIDS.subscription}`);
    assert.equal(unbound.status, 204);

    assert.deepEqual((await admin.get('/api/wechat/accounts')).body.items.map((a) => a.appid), [APPIDS.smart, APPIDS.demo, APPIDS.unverified]);
    assert.deepEqual((await marketer.get('/api/wechat/accounts')).body.items.map((a) => a.appid), [APPIDS.smart]);
    const marketing = (await admin.get('/api/departments')).body.items.find((d) => d.id === 'dep_marketing');
    assert.deepEqual(marketing.appids, [APPIDS.smart]);
    assert.equal((await admin.get(`/api/wechat/accounts/${APPIDS.subscription}`)).body.code, 'FORBIDDEN_ACCOUNT');

    const after = await summaryOf(APPIDS.subscription);
    assert.deepEqual(after, { ...before, updating: false });

    const contacts = await admin.get(`/api/contacts?appids=${APPIDS.subscription}&limit=500`);
    assert.equal(contacts.body.total, 500);
    const links = contacts.body.items.flatMap((c) => c.accounts.filter((l) => l.appid === APPIDS.subscription));
    assert.equal(links.length, 500);
    assert.ok(links.every((l) => l.updating === false));
    // A merged contact still updates through its other, still bound account.
    const merged = contacts.body.items.filter((c) => c.accounts.length === 2);
    assert.equal(merged.length, 150);
    assert.ok(merged.every((c) => c.updating === true));
    assert.ok(contacts.body.items.filter((c) => c.accounts.length === 1).every((c) => c.updating === false));

    // Members cannot reach the unbound account's contacts.
    assert.equal((await marketer.get(`/api/contacts?appids=${APPIDS.subscription}`)).body.code, 'FORBIDDEN_ACCOUNT');
  });

  it('allocating an unbound account is a validation error', async () => {
    const response = await admin.put('/api/departments/dep_sales/allocation', { appids: [APPIDS.subscription] });
    assert.equal(response.status, 400);
    assert.deepEqual(response.body.errors.map((e) => e.field), ['appids[0]']);
  });

  it('re-binding the same appid restores it and its contacts update again', async () => {
    const { status, jobId } = await authorizeThroughPage(admin, { appid: APPIDS.subscription, permissions: ['message', 'user'] });
    assert.equal(status, 303);
    const job = await waitForJob(admin, jobId);
    assert.equal(job.status, 'succeeded');
    assert.equal(job.result.created, 0);
    const restored = (await admin.get(`/api/wechat/accounts/${APPIDS.subscription}`)).body;
    assert.equal(restored.status, 'authorized');
    assert.deepEqual(restored.permissions, ['message', 'user']);
    assert.ok(restored.boundAt > '2026');
    const summary = await summaryOf(APPIDS.subscription);
    assert.equal(summary.updating, true);
    assert.equal(summary.contacts, 500);
    // Allocations are not restored: an admin allocates again.
    assert.deepEqual((await marketer.get('/api/wechat/accounts')).body.items.map((a) => a.appid), [APPIDS.smart]);
  });
});
