import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APPIDS, client, removeDataDir, signIn, startServer } from './helpers.mjs';

describe('WeChat-fan contacts: accounts, search, sharing, merging', () => {
  let app, dataDir, suite, admin, control;
  const db = () => suite.db;
  const fanRow = (appid, openid) => db().prepare('SELECT * FROM fans WHERE appid = ? AND openid = ?').get(appid, openid);

  before(async () => {
    ({ app, dataDir, suite } = await startServer());
    admin = await signIn(app, 'admin');
    control = client(app);
  });
  after(async () => {
    await app.close();
    removeDataDir(dataDir);
  });
  beforeEach(async () => {
    await control.post('/__mock/reset', { scenario: 'demo' });
  });

  it('the seed has people following both Dmartech accounts, about half merged into one contact', async () => {
    const both = `/api/contacts?appids=${APPIDS.smart},${APPIDS.subscription}&limit=200`;
    const contacts = [];
    for (let offset = 0; ; offset += 200) {
      const page = (await admin.get(`${both}&offset=${offset}`)).body;
      contacts.push(...page.items);
      if (contacts.length >= page.total) break;
    }
    const merged = contacts.filter((c) => c.accounts.length === 2);
    assert.equal(merged.length, 150);
    for (const c of merged) {
      assert.deepEqual(c.accounts.map((a) => a.appid), [APPIDS.smart, APPIDS.subscription]);
      assert.ok(c.phone && c.accounts.every((a) => a.openid.length === 28 && typeof a.subscribed === 'boolean'));
    }
    assert.equal(contacts.filter((c) => c.accounts.length === 1 && c.accounts[0].appid === APPIDS.subscription).length, 350);
  });

  it('filters by one or several accounts, pages, and searches name, phone and email', async () => {
    const one = (await admin.get(`/api/contacts?appids=${APPIDS.unverified}&limit=10`)).body;
    assert.equal(one.total, 50);
    assert.equal(one.items.length, 10);
    const two = (await admin.get(`/api/contacts?appids=${APPIDS.unverified},${APPIDS.smart}&limit=1`)).body;
    assert.equal(two.total, 50 + (await admin.get(`/api/contacts?appids=${APPIDS.smart}&limit=1`)).body.total);

    const known = db().prepare(`SELECT c.* FROM contacts c JOIN fans f ON f.contact_id = c.id
                                WHERE f.appid = ? AND c.email IS NOT NULL ORDER BY c.id LIMIT 1`).get(APPIDS.smart);
    const byPhone = (await admin.get(`/api/contacts?appids=${APPIDS.smart}&q=${known.phone.slice(3)}`)).body;
    assert.ok(byPhone.items.some((c) => c.id === known.id));
    assert.ok(byPhone.items.every((c) => c.phone?.includes(known.phone.slice(3)) || c.name?.includes(known.phone.slice(3)) || c.email?.includes(known.phone.slice(3))));
    const byEmail = (await admin.get(`/api/contacts?appids=${APPIDS.smart}&q=${encodeURIComponent(known.email)}`)).body;
    assert.deepEqual(byEmail.items.map((c) => c.id), [known.id]);
    assert.equal(byEmail.total, 1);
    const byName = (await admin.get(`/api/contacts?appids=${APPIDS.smart}&q=${encodeURIComponent(known.name)}`)).body;
    assert.ok(byName.items.every((c) => c.name?.includes(known.name)));
    // LIKE wildcards are searched literally.
    assert.equal((await admin.get(`/api/contacts?appids=${APPIDS.smart}&q=%25`)).body.total, 0);
    assert.equal((await admin.get(`/api/contacts?q=${'x'.repeat(101)}`)).status, 400);
  });

  it('marks contacts shared by a contact-sharing rule as shared (read-only); members see only what is theirs or shared', async () => {
    const marketer = await signIn(app, 'marketer');
    const sharedPage = (await marketer.get(`/api/contacts?appids=${APPIDS.unverified}&limit=100`)).body;
    assert.equal(sharedPage.total, 50);
    assert.ok(sharedPage.items.every((c) => c.shared === true));
    const own = (await marketer.get(`/api/contacts?appids=${APPIDS.smart}&limit=20`)).body;
    assert.ok(own.items.every((c) => c.shared === false));
    const all = (await marketer.get('/api/contacts?limit=1')).body.total;
    const ownTotal = (await marketer.get(`/api/contacts?appids=${APPIDS.smart},${APPIDS.subscription}&limit=1`)).body.total;
    assert.equal(all, ownTotal + 50, 'by default the shared contacts are listed too');
    assert.equal((await marketer.get(`/api/contacts?appids=${APPIDS.demo}`)).body.code, 'FORBIDDEN_ACCOUNT');

    // Sales has no account of its own and still sees what Marketing shares with it.
    const sales = await signIn(app, 'sales');
    const salesPage = (await sales.get('/api/contacts?limit=5')).body;
    assert.equal(salesPage.total, 500);
    assert.ok(salesPage.items.every((c) => c.shared && c.accounts.every((a) => a.appid === APPIDS.subscription)));
    // The administrator holds every contact: nothing is merely shared.
    assert.ok((await admin.get(`/api/contacts?appids=${APPIDS.unverified}`)).body.items.every((c) => c.shared === false));
  });

  it('merges two contacts across two accounts when the same phone is attached; fans re-pointed, nothing lost', async () => {
    // Follower 1 of both Dmartech accounts is one person with two anonymous contacts.
    const [smart] = db().prepare('SELECT * FROM fans WHERE appid = ? ORDER BY id LIMIT 1 OFFSET 1').all(APPIDS.smart);
    const [subscription] = db().prepare('SELECT * FROM fans WHERE appid = ? ORDER BY id LIMIT 1 OFFSET 1').all(APPIDS.subscription);
    assert.notEqual(smart.contact_id, subscription.contact_id);
    const older = Math.min(smart.contact_id, subscription.contact_id);
    const newer = Math.max(smart.contact_id, subscription.contact_id);
    // The newer contact knows a name and an email the older one lacks.
    db().prepare("UPDATE contacts SET name = NULL, email = NULL, phone = NULL WHERE id = ?").run(older);
    db().prepare("UPDATE contacts SET name = '韩梅梅', email = 'han@example.com' WHERE id = ?").run(newer);
    const eventsBefore = db().prepare('SELECT COUNT(*) AS n FROM events WHERE openid IN (?, ?)').get(smart.openid, subscription.openid).n;

    await control.post('/__mock/contacts/attach', { appid: APPIDS.smart, openid: smart.openid, phone: '13900001111' });
    const merged = await control.post('/__mock/contacts/attach', { appid: APPIDS.subscription, openid: subscription.openid, phone: '13900001111' });
    assert.equal(merged.status, 200);
    assert.equal(merged.body.id, older);
    assert.equal(merged.body.name, '韩梅梅');
    assert.equal(merged.body.email, 'han@example.com');
    assert.equal(merged.body.phone, '13900001111');
    assert.deepEqual(merged.body.accounts.map((a) => [a.appid, a.openid]), [[APPIDS.smart, smart.openid], [APPIDS.subscription, subscription.openid]]);
    assert.equal(fanRow(APPIDS.smart, smart.openid).contact_id, older);
    assert.equal(fanRow(APPIDS.subscription, subscription.openid).contact_id, older);
    assert.equal(db().prepare('SELECT COUNT(*) AS n FROM fans WHERE contact_id = ?').get(newer).n, 0);
    assert.equal(db().prepare('SELECT COUNT(*) AS n FROM events WHERE openid IN (?, ?)').get(smart.openid, subscription.openid).n, eventsBefore);

    const listed = (await admin.get(`/api/contacts?appids=${APPIDS.smart},${APPIDS.subscription}&q=13900001111`)).body;
    assert.equal(listed.total, 1);
    const perAccount = listed.items[0].accounts;
    assert.deepEqual(perAccount.map((a) => a.subscribed), [smart.subscribed === 1, subscription.subscribed === 1]);
    assert.deepEqual(perAccount.map((a) => a.subscribeTime), [smart, subscription].map((f) => new Date(f.subscribe_time * 1000).toISOString()));
  });
});
