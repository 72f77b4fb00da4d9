import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APPIDS, removeDataDir, signIn, startServer } from './helpers.mjs';
import {
  PERMANENT_LIMIT, permanentQuotaLeft, qrCodeInputErrors, scanOf, tagsAfterScan,
} from '../src/rules/qr-codes.mjs';
import { findFan } from '../src/repositories/contacts.mjs';
import { eventsOfFan } from '../src/repositories/events.mjs';

const codes = (appid = APPIDS.smart) => `/api/wechat/accounts/${appid}/qrcodes`;
const valid = (patch = {}) => ({ name: '测试码', kind: 'temporary', expireSeconds: 3600, sceneId: 424242, ...patch });

describe('QR code rules', () => {
  const errors = (input, mode = 'create') => qrCodeInputErrors(input, { mode, tagIds: [100, 101] }).map((e) => e.field);

  it('accepts a valid temporary and permanent code', () => {
    assert.deepEqual(errors(valid()), []);
    assert.deepEqual(errors({ name: 'p', kind: 'permanent', sceneStr: 'x'.repeat(64) }), []);
  });
  it('bounds temporary expiry to 60 s … 30 days and refuses it on permanent codes', () => {
    assert.deepEqual(errors(valid({ expireSeconds: 59 })), ['expireSeconds']);
    assert.deepEqual(errors(valid({ expireSeconds: 2_592_001 })), ['expireSeconds']);
    assert.deepEqual(errors(valid({ expireSeconds: 2_592_000 })), []);
    assert.deepEqual(errors(valid({ expireSeconds: undefined })), ['expireSeconds']);
    assert.deepEqual(errors({ name: 'p', kind: 'permanent', sceneId: 1, expireSeconds: 60 }), ['expireSeconds']);
  });
  it('checks scene ids by kind: temporary 32-bit non-zero, permanent 1–100000', () => {
    assert.deepEqual(errors(valid({ sceneId: 0 })), ['sceneId']);
    assert.deepEqual(errors(valid({ sceneId: 4_294_967_295 })), []);
    assert.deepEqual(errors(valid({ sceneId: 4_294_967_296 })), ['sceneId']);
    assert.deepEqual(errors({ name: 'p', kind: 'permanent', sceneId: 100_000 }), []);
    assert.deepEqual(errors({ name: 'p', kind: 'permanent', sceneId: 100_001 }), ['sceneId']);
  });
  it('wants exactly one of sceneId and sceneStr, and a 1–64 character string', () => {
    assert.deepEqual(errors(valid({ sceneStr: 'a' })), ['sceneId']);
    assert.deepEqual(errors(valid({ sceneId: undefined })), ['sceneId']);
    assert.deepEqual(errors(valid({ sceneId: undefined, sceneStr: '' })), ['sceneStr']);
    assert.deepEqual(errors(valid({ sceneId: undefined, sceneStr: '码'.repeat(65) })), ['sceneStr']);
  });
  it('checks name, tags and the text reply', () => {
    assert.deepEqual(errors(valid({ name: '   ' })), ['name']);
    assert.deepEqual(errors(valid({ name: 'n'.repeat(65) })), ['name']);
    assert.deepEqual(errors(valid({ tagIds: [999] })), ['tagIds']);
    assert.deepEqual(errors({ tagIds: Array.from({ length: 21 }, () => 100) }, 'update'), ['tagIds']);
    assert.deepEqual(errors(valid({ reply: { type: 'text', content: '  ' } })), ['reply.content']);
    assert.deepEqual(errors(valid({ reply: { type: 'text', content: '字'.repeat(601) } })), ['reply.content']);
    assert.deepEqual(errors(valid({ reply: { type: 'material', mediaId: 'm1' } })), []);
  });
  it('keeps the permanent quota at 100,000', () => {
    assert.equal(permanentQuotaLeft(PERMANENT_LIMIT - 1), true);
    assert.equal(permanentQuotaLeft(PERMANENT_LIMIT), false);
  });
  it('reads scans from pushes and merges tags up to 20', () => {
    assert.deepEqual(scanOf({ MsgType: 'event', Event: 'subscribe', EventKey: 'qrscene_store_bj_01' }), { scene: 'store_bj_01', newFollow: true });
    assert.deepEqual(scanOf({ MsgType: 'event', Event: 'SCAN', EventKey: '1001' }), { scene: '1001', newFollow: false });
    assert.equal(scanOf({ MsgType: 'event', Event: 'subscribe', EventKey: '' }), null);
    assert.equal(scanOf({ MsgType: 'text', Content: 'qrscene_1' }), null);
    assert.deepEqual(tagsAfterScan([1, 2], [2, 3]), [1, 2, 3]);
    assert.equal(tagsAfterScan(Array.from({ length: 20 }, (_, i) => i), [99]).length, 20);
  });
});

describe('/api/wechat/accounts/{appid}/qrcodes', () => {
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
  const push = (body) => app.inject({ method: 'POST', url: '/__mock/wechat/events', payload: { appid: APPIDS.smart, MsgType: 'event', ...body } }).then((r) => r.json());
  const count = () => suite.db.prepare('SELECT count(*) AS n FROM qr_codes').get().n;

  it('lists the seeded codes with the permanent quota, searched, sorted and paged on the server', async () => {
    const all = await marketer.get(codes());
    assert.equal(all.status, 200);
    assert.equal(all.body.total, 6);
    assert.deepEqual(all.body.permanentQuota, { used: 3, limit: 100_000 });
    assert.ok(all.body.items.some((c) => c.expired), 'one seeded code is expired');
    assert.ok(all.body.items.every((c) => c.url.startsWith('https://weixin.qq.com/q/')));
    const found = await marketer.get(`${codes()}?q=store_bj`);
    assert.deepEqual(found.body.items.map((c) => c.sceneStr), ['store_bj_01']);
    const byScans = (await marketer.get(`${codes()}?sort=scans&order=asc&limit=2&offset=1`)).body;
    assert.equal(byScans.items.length, 2);
    assert.equal(byScans.total, 6);
    assert.ok(byScans.items[0].scans <= byScans.items[1].scans);
    const bad = await marketer.get(`${codes()}?sort=ticket`);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].field, 'query.sort');
  });

  it('refuses every QR endpoint for a subscription account with ACCOUNT_TYPE_UNSUPPORTED', async () => {
    const base = codes(APPIDS.subscription);
    for (const [method, url, body] of [
      ['GET', base], ['POST', base, valid()], ['GET', `${base}/1`], ['PATCH', `${base}/1`, { enabled: false }],
      ['DELETE', `${base}/1`], ['GET', `${base}/1/stats`], ['GET', `${base}/1/scans`],
    ]) {
      const response = await marketer.request(method, url, body);
      assert.equal(response.status, 403, `${method} ${url}`);
      assert.equal(response.body.code, 'ACCOUNT_TYPE_UNSUPPORTED');
      assert.match(response.body.detail, /Dmartech订阅号.*subscription/);
    }
    assert.equal((await marketer.get(`/api/wechat/accounts/${APPIDS.subscription}/tags`)).status, 200);
  });

  it('creates temporary and permanent codes and refuses invalid ones naming the field, writing nothing', async () => {
    const temporary = await admin.post(codes(), valid({ tagIds: [100], reply: { type: 'text', content: '欢迎' } }));
    assert.equal(temporary.status, 201);
    assert.equal(temporary.body.expired, false);
    assert.equal(Date.parse(temporary.body.expiresAt) - Date.parse(temporary.body.createdAt), 3_600_000);
    const permanent = await admin.post(codes(), { name: '永久码', kind: 'permanent', sceneStr: 'flyer_01' });
    assert.equal(permanent.status, 201);
    assert.equal(permanent.body.expiresAt, null);
    const before = count();
    for (const [body, field] of [
      [valid({ expireSeconds: 2_592_001 }), 'expireSeconds'],
      [valid({ sceneId: 0 }), 'sceneId'],
      [{ name: 'p', kind: 'permanent', sceneId: 100_001 }, 'sceneId'],
      [valid({ sceneId: undefined, sceneStr: 'x'.repeat(65) }), 'sceneStr'],
      [valid({ name: '' }), 'name'],
      [valid({ tagIds: [5] }), 'tagIds'],
      [valid({ reply: { type: 'text', content: '' } }), 'reply'],
      [valid({ kind: 'forever' }), 'kind'],
    ]) {
      const response = await admin.post(codes(), body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.equal(response.body.code, 'VALIDATION');
      assert.ok(response.body.errors.some((e) => e.field.startsWith(field)), `${field}: ${JSON.stringify(response.body.errors)}`);
    }
    assert.equal(count(), before);
  });

  it('refuses a scene value already used by a live code of the account, but not by an expired one', async () => {
    const taken = await admin.post(codes(), { name: 'dup', kind: 'permanent', sceneStr: 'store_bj_01' });
    assert.equal(taken.status, 409);
    assert.equal(taken.body.code, 'CONFLICT');
    assert.deepEqual(taken.body.errors.map((e) => e.field), ['sceneStr']);
    // The number 1001 and the string "1001" are the same EventKey.
    assert.equal((await admin.post(codes(), valid({ sceneId: undefined, sceneStr: '1001' }))).status, 409);
    assert.equal((await admin.post(codes(), valid({ sceneId: undefined, sceneStr: 'expo_2026_sh' }))).status, 201);
    assert.equal((await admin.post(codes(APPIDS.demo), valid({ sceneId: 424242 }))).status, 201);
    assert.equal((await admin.post(codes(APPIDS.demo), valid({ sceneId: 424242 }))).status, 409);
  });

  it('edits name, tags, reply and enabled only; permanent codes cannot be deleted', async () => {
    const { body: code } = await admin.post(codes(), { name: '永久码', kind: 'permanent', sceneId: 5 });
    const changed = await admin.request('PATCH', `${codes()}/${code.id}`, { name: ' 新名字 ', enabled: false, reply: null });
    assert.equal(changed.status, 200);
    assert.equal(changed.body.name, '新名字');
    assert.equal(changed.body.enabled, false);
    const scene = await admin.request('PATCH', `${codes()}/${code.id}`, { sceneId: 6 });
    assert.equal(scene.status, 400);
    assert.equal(scene.body.errors[0].field, 'sceneId');
    const gone = await admin.delete(`${codes()}/${code.id}`);
    assert.equal(gone.status, 409);
    const { body: temporary } = await admin.post(codes(), valid());
    assert.equal((await admin.delete(`${codes()}/${temporary.id}`)).status, 204);
    assert.equal((await admin.get(`${codes()}/${temporary.id}`)).status, 404);
  });

  it('refuses a change or delete based on an older revision (STALE, nothing written); scans do not make a code stale', async () => {
    const openid = suite.db.prepare("SELECT openid FROM fans WHERE appid = ? AND subscribed = 1 LIMIT 1").get(APPIDS.smart).openid;
    const { body: opened } = await admin.post(codes(), valid({ sceneStr: 'stale_me', sceneId: undefined }));
    const url = `${codes()}/${opened.id}`;
    await push({ FromUserName: openid, Event: 'SCAN', EventKey: 'stale_me' });
    const scanned = (await admin.get(url)).body;
    assert.equal(scanned.scans, 1);
    assert.equal(scanned.revision, opened.revision, 'a scan is not an edit');
    // Someone saves a new name; the editor opened before still holds the old revision.
    const theirs = await marketer.request('PATCH', url, { name: '他们的名字' }, { 'if-match': `"${opened.revision}"` });
    assert.equal(theirs.status, 200);
    assert.notEqual(theirs.body.revision, opened.revision);
    const mine = await admin.request('PATCH', url, { name: '我的名字', enabled: false }, { 'if-match': `"${opened.revision}"` });
    assert.equal(mine.status, 412);
    assert.equal(mine.body.code, 'STALE');
    assert.deepEqual(mine.body.errors.map((e) => e.field), ['header.If-Match']);
    assert.match(mine.body.detail, /他们的名字/);
    const now = (await admin.get(url)).body;
    assert.deepEqual([now.name, now.enabled], ['他们的名字', true], 'nothing was written');
    assert.equal((await admin.request('DELETE', url, undefined, { 'if-match': `"${opened.revision}"` })).status, 412);
    assert.equal((await admin.get(url)).status, 200);
    // With the current revision both go through.
    const saved = await admin.request('PATCH', url, { name: '我的名字' }, { 'if-match': `"${now.revision}"` });
    assert.equal(saved.status, 200);
    assert.equal((await admin.request('DELETE', url, undefined, { 'if-match': `"${saved.body.revision}"` })).status, 204);
  });

  it('a new follower scanning: follows with the QR scene, counts, gets the tags and the reply', async () => {
    const { body: code } = await admin.post(codes(), valid({ sceneId: 31337, tagIds: [100, 101], reply: { type: 'text', content: '扫码欢迎' } }));
    const result = await push({ FromUserName: 'oQRnewfan000000000000000001', Event: 'subscribe', EventKey: 'qrscene_31337' });
    assert.deepEqual(result.qrCode, { id: code.id, counted: true });
    assert.equal(result.reply.MsgType, 'text');
    assert.equal(result.reply.Content, '扫码欢迎');
    const fan = findFan(suite.db, APPIDS.smart, 'oQRnewfan000000000000000001');
    assert.equal(fan.subscribe_scene, 'ADD_SCENE_QR_CODE');
    assert.equal(fan.qr_scene, '31337');
    assert.deepEqual(JSON.parse(fan.tag_ids), [100, 101]);
    const sent = eventsOfFan(suite.db, APPIDS.smart, fan.openid).filter((e) => e.type === 'message.sent');
    assert.equal(sent.length, 1);
    assert.equal(sent[0].payload.Content, '扫码欢迎');
    const after = (await admin.get(`${codes()}/${code.id}`)).body;
    assert.deepEqual([after.scans, after.follows], [1, 1]);
    const stats = (await admin.get(`${codes()}/${code.id}/stats`)).body;
    assert.equal(stats.days.length, 30);
    assert.deepEqual(stats.days.at(-1).scans, 1);
    const scans = (await admin.get(`${codes()}/${code.id}/scans`)).body;
    assert.deepEqual(scans.items.map((s) => [s.openid, s.newFollow]), [[fan.openid, true]]);
  });

  it("answers a scan with a material reply under the material's own MsgType (image, voice, video)", async () => {
    const idOf = (type) => suite.db.prepare('SELECT media_id FROM materials WHERE appid = ? AND type = ? LIMIT 1').get(APPIDS.smart, type).media_id;
    for (const [i, type, msgType, key] of [[0, 'image', 'image', 'Image'], [1, 'voice', 'voice', 'Voice'], [2, 'video', 'video', 'Video']]) {
      const created = await admin.post(codes(), valid({ sceneId: 41000 + i, reply: { type: 'material', mediaId: idOf(type) } }));
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const result = await push({ FromUserName: `oQRmaterialfan00000000000${i}`, Event: 'subscribe', EventKey: `qrscene_${41000 + i}` });
      assert.equal(result.reply.MsgType, msgType);
      assert.equal(result.reply[key].MediaId, idOf(type));
    }
  });

  it('a follower scanning gets a SCAN: counted, not a new follow; expired codes do not count; disabled ones only count', async () => {
    const openid = suite.db.prepare("SELECT openid FROM fans WHERE appid = ? AND subscribed = 1 AND tag_ids = '[]' LIMIT 1").get(APPIDS.smart).openid;
    const { body: code } = await admin.post(codes(), valid({ sceneStr: 'scan_me', sceneId: undefined, tagIds: [101], reply: { type: 'text', content: 'hi' } }));
    const scan = await push({ FromUserName: openid, Event: 'SCAN', EventKey: 'scan_me' });
    assert.deepEqual(scan.qrCode, { id: code.id, counted: true });
    assert.deepEqual(JSON.parse(findFan(suite.db, APPIDS.smart, openid).tag_ids), [101]);
    let now = (await admin.get(`${codes()}/${code.id}`)).body;
    assert.deepEqual([now.scans, now.follows], [1, 0]);

    await admin.request('PATCH', `${codes()}/${code.id}`, { enabled: false, tagIds: [100] });
    const disabled = await push({ FromUserName: openid, Event: 'SCAN', EventKey: 'scan_me' });
    assert.equal(disabled.reply, null);
    assert.deepEqual(JSON.parse(findFan(suite.db, APPIDS.smart, openid).tag_ids), [101]);
    assert.equal((await admin.get(`${codes()}/${code.id}`)).body.scans, 2);

    const expired = (await admin.get(`${codes()}?q=expo_2026_sh`)).body.items[0];
    assert.equal(expired.expired, true);
    const late = await push({ FromUserName: openid, Event: 'SCAN', EventKey: 'expo_2026_sh' });
    assert.deepEqual(late.qrCode, { id: expired.id, counted: false });
    now = (await admin.get(`${codes()}/${expired.id}`)).body;
    assert.equal(now.scans, expired.scans);

    suite.clock.advance(3601);
    await push({ FromUserName: openid, Event: 'SCAN', EventKey: 'scan_me' });
    assert.equal((await admin.get(`${codes()}/${code.id}`)).body.scans, 2, 'counted nothing after expiry');
  });

  it('statistics are per China day with every day present', async () => {
    const code = (await admin.get(`${codes()}?q=poster_spring`)).body.items[0];
    const { body } = await admin.get(`${codes()}/${code.id}/stats?days=7`);
    assert.equal(body.timezone, 'Asia/Shanghai');
    assert.equal(body.days.length, 7);
    assert.ok(body.days.every((d, i) => i === 0 || d.date > body.days[i - 1].date));
    assert.ok(body.days.every((d) => d.follows <= d.scans));
    assert.ok(body.days.reduce((n, d) => n + d.scans, 0) > 0, 'seeded scans in the last week');
  });
});
