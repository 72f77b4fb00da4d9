import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SIMULATED_ACCOUNTS } from '../src/wechat/simulated-accounts.mjs';
import { openidFor } from '../src/wechat/followers.mjs';
import { APPIDS, signIn, setUpSuite, tearDownSuite } from './helpers.mjs';

const sim = (appid) => SIMULATED_ACCOUNTS.find((a) => a.appid === appid);

describe('WeChat pushes and contacts', () => {
  let app, dataDir, admin, control;
  before(async () => ({ app, dataDir, admin, control } = await setUpSuite()));
  after(() => tearDownSuite({ app, dataDir }));
  const db = () => app.mockSuite.db;
  const fan = (appid, openid) => db().prepare('SELECT * FROM fans WHERE appid = ? AND openid = ?').get(appid, openid);
  const eventsOf = (openid) => db().prepare('SELECT type, payload FROM events WHERE openid = ? ORDER BY id').all(openid);

  it('a new follower through a QR code becomes a fan and a contact; the scene is recorded', async () => {
    const before = (await admin.get(`/api/contacts?appids=${APPIDS.unverified}`)).body.total;
    const openid = 'oNewFollower00000000000000001';
    const response = await control.post('/__mock/wechat/events', {
      appid: APPIDS.unverified, FromUserName: openid, MsgType: 'event', Event: 'subscribe', EventKey: 'qrscene_spring_2027', CreateTime: 1_760_000_000,
    });
    assert.equal(response.status, 200);
    assert.equal(response.body.reply, null);
    const row = fan(APPIDS.unverified, openid);
    assert.equal(row.subscribed, 1);
    assert.equal(row.subscribe_scene, 'ADD_SCENE_QR_CODE');
    assert.equal(row.qr_scene, 'spring_2027');
    assert.equal(row.subscribe_time, 1_760_000_000, 'CreateTime backdates');
    assert.equal((await admin.get(`/api/contacts?appids=${APPIDS.unverified}`)).body.total, before + 1);
    assert.deepEqual(eventsOf(openid).map((e) => e.type), ['subscribe']);
  });

  it('an unfollow keeps the fan and the contact, no longer subscribed, and is recorded', async () => {
    const openid = openidFor(sim(APPIDS.unverified), 0);
    const before = (await admin.get(`/api/wechat/accounts/${APPIDS.unverified}`)).body.fanCount;
    await control.post('/__mock/wechat/events', { appid: APPIDS.unverified, FromUserName: openid, MsgType: 'event', Event: 'unsubscribe' });
    const row = fan(APPIDS.unverified, openid);
    assert.equal(row.subscribed, 0);
    assert.ok(db().prepare('SELECT id FROM contacts WHERE id = ?').get(row.contact_id));
    assert.equal((await admin.get(`/api/wechat/accounts/${APPIDS.unverified}`)).body.fanCount, before - 1);
    assert.equal(eventsOf(openid).at(-1).type, 'unsubscribe');
    await control.post('/__mock/wechat/events', { appid: APPIDS.unverified, FromUserName: openid, MsgType: 'event', Event: 'subscribe' });
    assert.equal(fan(APPIDS.unverified, openid).subscribed, 1);
    assert.equal(fan(APPIDS.unverified, openid).contact_id, row.contact_id);
  });

  it('records other messages and events for later issues', async () => {
    const openid = openidFor(sim(APPIDS.smart), 5);
    await control.post('/__mock/wechat/events', { appid: APPIDS.smart, FromUserName: openid, MsgType: 'text', Content: '你好 Dmartech', MsgId: 1234 });
    await control.post('/__mock/wechat/events', { appid: APPIDS.smart, FromUserName: openid, MsgType: 'event', Event: 'CLICK', EventKey: 'MENU_PROMO' });
    const events = eventsOf(openid).slice(-2);
    assert.deepEqual(events.map((e) => e.type), ['text', 'click']);
    assert.equal(JSON.parse(events[0].payload).Content, '你好 Dmartech');
    assert.equal(JSON.parse(events[0].payload).MsgId, 1234);
  });

  it('refuses pushes for unknown or unauthorized accounts and malformed pushes', async () => {
    const unknown = await control.post('/__mock/wechat/events', { appid: APPIDS.newService, FromUserName: 'o1', MsgType: 'text', Content: 'x' });
    assert.equal(unknown.status, 404);
    const bad = await control.post('/__mock/wechat/events', { appid: APPIDS.smart, FromUserName: 'o1', MsgType: 'event' });
    assert.equal(bad.status, 400);
    assert.ok(bad.body.errors.some((e) => e.field === 'Event'));
  });

  it('joins two contacts when a phone learned for one is already on the other', async () => {
    // Follower 1 of both Dmartech accounts is the same person, not yet known: two contacts.
    const smartOpenid = openidFor(sim(APPIDS.smart), 1);
    const subscriptionOpenid = openidFor(sim(APPIDS.subscription), 1);
    const first = fan(APPIDS.smart, smartOpenid).contact_id;
    const second = fan(APPIDS.subscription, subscriptionOpenid).contact_id;
    assert.notEqual(first, second);
    const both = `/api/contacts?appids=${APPIDS.smart},${APPIDS.subscription}&limit=1`;
    const totalBefore = (await admin.get(both)).body.total;

    const attached = await control.post('/__mock/contacts/attach', { appid: APPIDS.subscription, openid: subscriptionOpenid, phone: '13812345678' });
    assert.equal(attached.status, 200);
    assert.equal(attached.body.id, second);
    const merged = await control.post('/__mock/contacts/attach', { appid: APPIDS.smart, openid: smartOpenid, phone: '13812345678', email: 'li.lei@example.com' });
    assert.equal(merged.body.id, Math.min(first, second));
    assert.equal(merged.body.phone, '13812345678');
    assert.equal(merged.body.email, 'li.lei@example.com');
    assert.deepEqual(merged.body.accounts.map((a) => a.appid).sort(), [APPIDS.smart, APPIDS.subscription].sort());
    assert.equal(fan(APPIDS.subscription, subscriptionOpenid).contact_id, fan(APPIDS.smart, smartOpenid).contact_id);
    assert.equal(db().prepare('SELECT id FROM contacts WHERE id = ?').get(Math.max(first, second)), undefined);
    assert.equal((await admin.get(both)).body.total, totalBefore - 1);
  });

  it('refuses to attach details to an unknown fan or without any detail', async () => {
    assert.equal((await control.post('/__mock/contacts/attach', { appid: APPIDS.smart, openid: 'oNobody', phone: '13800000000' })).status, 404);
    assert.equal((await control.post('/__mock/contacts/attach', { appid: APPIDS.smart, openid: 'oNobody' })).status, 400);
  });

  it('pages contacts and totals them per account, limited to the user\'s accounts', async () => {
    const marketer = await signIn(app, 'marketer');
    const page = await marketer.get('/api/contacts?limit=20&offset=20');
    assert.equal(page.body.items.length, 20);
    assert.ok(page.body.items.every((c) => c.accounts.every((a) => [APPIDS.smart, APPIDS.subscription].includes(a.appid))));
    const summary = (await marketer.get('/api/contacts/summary')).body.items;
    assert.deepEqual(summary.map((s) => s.appid), [APPIDS.smart, APPIDS.subscription]);
    const east = await signIn(app, 'east');
    assert.deepEqual((await east.get('/api/contacts')).body, { items: [], total: 0 });
  });
});
