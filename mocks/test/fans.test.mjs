import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APPIDS, removeDataDir, signIn, startServer } from './helpers.mjs';
import { timelineEntry } from '../src/rules/fans.mjs';

const fans = (appid = APPIDS.demo) => `/api/wechat/accounts/${appid}/fans`;

describe('fan timeline entries', () => {
  const row = (type, payload) => ({ id: 1, type, created_at: '2026-11-01T00:00:00.000Z', payload: JSON.stringify(payload) });
  const names = (scene) => (scene === '1001' ? '官网首页关注码' : null);
  it('names the QR code of a follow or a scan and reads messages, clicks and mass-send receipts', () => {
    assert.deepEqual(timelineEntry(row('subscribe', { EventKey: 'qrscene_1001' }), names),
      { id: 1, at: '2026-11-01T00:00:00.000Z', kind: 'subscribe', qrScene: '1001', qrCodeName: '官网首页关注码' });
    assert.equal(timelineEntry(row('subscribe', { EventKey: '' }), names).qrScene, undefined);
    assert.equal(timelineEntry(row('scan', { EventKey: '9' }), names).qrCodeName, null);
    assert.deepEqual(timelineEntry(row('text', { Content: '你好' }), names).content, '你好');
    assert.equal(timelineEntry(row('click', { EventKey: 'MENU_A' }), names).menuKey, 'MENU_A');
    assert.equal(timelineEntry(row('masssendjobfinish', { MsgID: 7 }), names).kind, 'massSend');
    assert.equal(timelineEntry(row('location_select', {}), names).kind, 'other');
  });
});

describe('/api/wechat/accounts/{appid}/fans', () => {
  let app, dataDir, suite, admin, marketer;
  before(async () => {
    ({ app, dataDir, suite } = await startServer());
    admin = await signIn(app, 'admin');
    marketer = await signIn(app, 'marketer');
  });
  beforeEach(() => suite.reset('demo'));
  after(async () => {
    await app.close();
    removeDataDir(dataDir);
  });
  const push = (body) => app.inject({ method: 'POST', url: '/__mock/wechat/events', payload: { appid: APPIDS.smart, ...body } }).then((r) => r.json());
  const count = (where, ...params) => suite.db.prepare(`SELECT count(*) AS n FROM fans WHERE appid = ? AND ${where}`).get(APPIDS.demo, ...params).n;

  it('lists 100,000 fans newest first with the total, and pages by offset up to 200', async () => {
    const first = await admin.get(`${fans()}?limit=200`);
    assert.equal(first.status, 200);
    assert.equal(first.body.total, 100_000);
    assert.equal(first.body.items.length, 200);
    const times = first.body.items.map((f) => f.subscribeTime);
    assert.deepEqual(times, [...times].sort().reverse());
    const last = await admin.get(`${fans()}?limit=200&offset=99900`);
    assert.equal(last.body.items.length, 100);
    const asc = await admin.get(`${fans()}?order=asc&limit=100`);
    assert.equal(asc.body.items[0].openid, last.body.items.at(-1).openid, 'the oldest fan ends the newest-first list');
    assert.equal((await admin.get(`${fans()}?limit=201`)).status, 400);
  });

  it('sorts by openid and filters by openid prefix', async () => {
    const page = (await admin.get(`${fans()}?sort=openid&order=asc&limit=50`)).body.items.map((f) => f.openid);
    assert.deepEqual(page, [...page].sort());
    const prefix = page[0].slice(0, 12);
    const found = (await admin.get(`${fans()}?openid=${encodeURIComponent(prefix)}`)).body;
    assert.ok(found.total >= 1);
    assert.ok(found.items.every((f) => f.openid.startsWith(prefix)));
  });

  it('filters by state, tag, scene, QR scene, blacklist, remark and subscribe time, counting each filter', async () => {
    const total = async (query) => (await admin.get(`${fans()}?${query}&limit=5`)).body;
    const unsubscribed = await total('state=unsubscribed');
    assert.equal(unsubscribed.total, count('subscribed = 0'));
    assert.ok(unsubscribed.items.every((f) => !f.subscribed));
    const tagId = suite.db.prepare('SELECT id FROM tags WHERE appid = ? AND id >= 100 ORDER BY id LIMIT 1').get(APPIDS.demo).id;
    const tagged = await total(`tagId=${tagId}`);
    assert.equal(tagged.total, suite.db.prepare('SELECT count(*) AS n FROM fans, json_each(fans.tag_ids) t WHERE appid = ? AND t.value = ?').get(APPIDS.demo, tagId).n);
    assert.ok(tagged.total > 0 && tagged.items.every((f) => f.tagIds.includes(tagId)));
    const qr = await total('scene=ADD_SCENE_QR_CODE&qrScene=1001');
    assert.equal(qr.total, count("subscribe_scene = 'ADD_SCENE_QR_CODE' AND qr_scene = '1001'"));
    assert.ok(qr.total > 0 && qr.items.every((f) => f.qrScene === '1001'));
    const blacklisted = await total('blacklisted=true');
    assert.equal(blacklisted.total, count('blacklisted = 1'));
    assert.ok(blacklisted.items.every((f) => f.blacklisted));
    const remark = await total(`remark=${encodeURIComponent('老客户')}`);
    assert.equal(remark.total, count("remark = '老客户'"));
    const from = '2025-01-01T00:00:00.000Z';
    const to = '2025-02-01T00:00:00.000Z';
    const ranged = await total(`subscribedFrom=${from}&subscribedTo=${to}`);
    assert.equal(ranged.total, count('subscribe_time >= ? AND subscribe_time < ?', Date.parse(from) / 1000, Date.parse(to) / 1000));
    assert.ok(ranged.items.every((f) => f.subscribeTime >= from && f.subscribeTime < to));
    const combined = await total(`state=subscribed&tagId=${tagId}&scene=ADD_SCENE_SEARCH`);
    assert.ok(combined.total < tagged.total && combined.items.every((f) => f.subscribed && f.scene === 'ADD_SCENE_SEARCH'));
    const bad = await admin.get(`${fans()}?state=gone`);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].field, 'query.state');
  });

  // How fast these pages answer is a bench figure (npm run bench: "fans API"), not a timed test.
  it('answers deep and filtered pages of the 100,000 fans consistently with their totals and order', async () => {
    for (const query of ['limit=200', 'limit=200&offset=99800', 'tagId=100&limit=200&offset=9000', 'state=unsubscribed&limit=200&offset=4000', 'sort=openid&order=asc&limit=200&offset=50000']) {
      const response = await admin.get(`${fans()}?${query}`);
      assert.equal(response.status, 200, query);
      const offset = Number(new URLSearchParams(query).get('offset') ?? 0);
      assert.equal(response.body.items.length, Math.max(0, Math.min(200, response.body.total - offset)), query);
      if (query.includes('sort=openid')) {
        const ids = response.body.items.map((f) => f.openid);
        assert.deepEqual(ids, [...ids].sort(), query);
      }
      if (query.includes('tagId=100')) assert.ok(response.body.items.every((f) => f.tagIds.includes(100)), query);
      if (query.includes('state=unsubscribed')) assert.ok(response.body.items.every((f) => !f.subscribed), query);
    }
  });

  it("gives a fan's detail and timeline with the QR code's name, messages and unsubscribes", async () => {
    const openid = 'o_fans_timeline_test_000001';
    const code = suite.db.prepare('SELECT name, scene FROM qr_codes WHERE appid = ? ORDER BY id LIMIT 1').get(APPIDS.smart);
    await push({ FromUserName: openid, MsgType: 'event', Event: 'subscribe', EventKey: `qrscene_${code.scene}`, CreateTime: 1_790_000_000 });
    await push({ FromUserName: openid, MsgType: 'text', Content: '你好', CreateTime: 1_790_000_100 });
    await push({ FromUserName: openid, MsgType: 'event', Event: 'CLICK', EventKey: 'V1001_TODAY', CreateTime: 1_790_000_200 });
    await push({ FromUserName: openid, MsgType: 'event', Event: 'unsubscribe', CreateTime: 1_790_000_300 });
    const detail = await marketer.get(`${fans(APPIDS.smart)}/${openid}`);
    assert.equal(detail.status, 200);
    assert.equal(detail.body.subscribed, false);
    assert.equal(detail.body.qrCodeName, code.name);
    const timeline = detail.body.timeline.filter((e) => !e.outgoing);
    assert.deepEqual(timeline.map((e) => e.kind), ['unsubscribe', 'menuClick', 'message', 'subscribe']);
    assert.equal(timeline[3].qrCodeName, code.name);
    assert.equal(timeline[2].content, '你好');
    const missing = await marketer.get(`${fans(APPIDS.smart)}/nobody`);
    assert.equal(missing.status, 404);
    assert.equal(missing.body.code, 'NOT_FOUND');
  });

  it('keeps fans of accounts the user may not see out of reach', async () => {
    const response = await marketer.get(fans(APPIDS.demo));
    assert.equal(response.status, 403);
    assert.equal(response.body.code, 'FORBIDDEN_ACCOUNT');
  });
});
