import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateSegmentDocument } from '../src/rules/segment-conditions.mjs';
import { APPIDS, client, removeDataDir, signIn, startServer } from './helpers.mjs';

const DAY = 86_400;
const doc = (...children) => ({ version: 1, root: { type: 'group', op: 'and', children } });
const sent = (text, extra = {}) => ({
  type: 'event', appids: [APPIDS.unverified], event: 'sentMessage', match: { operator: 'contains', text }, window: { lastDays: 7 }, ...extra,
});
const subscribed = { type: 'attribute', appids: [APPIDS.unverified], attribute: 'subscribed' };

describe('segment condition rules', () => {
  it('accepts a complete document', () => {
    assert.deepEqual(validateSegmentDocument(doc(sent('Dmartech'), subscribed)), []);
  });

  it('names the JSON path of every problem', () => {
    const errors = validateSegmentDocument({
      version: 1,
      root: {
        type: 'group',
        op: 'xor',
        children: [
          { type: 'event', appids: [], event: 'sentMessage', match: { operator: 'contains', text: '' }, window: { lastDays: 0 } },
          { type: 'group', op: 'or', children: [] },
          { type: 'attribute', appids: ['wx1'], attribute: 'subscribeTime', operator: 'between', from: '2026-05-01', to: '2026-04-01' },
        ],
      },
    });
    assert.deepEqual(errors.map((e) => e.field), [
      'root.op',
      'root.children[0].appids',
      'root.children[0].match.text',
      'root.children[0].window.lastDays',
      'root.children[1].children',
      'root.children[2].to',
    ]);
  });

  it('refuses a QR code or a menu button across several accounts, and groups nested too deep', () => {
    const fields = validateSegmentDocument(
      doc(
        { type: 'event', appids: ['wx1', 'wx2'], event: 'scannedQrCode', qrCodeId: 3 },
        { type: 'group', op: 'or', children: [{ type: 'group', op: 'and', children: [{ type: 'group', op: 'and', children: [subscribed] }] }] },
      ),
    ).map((e) => e.field);
    assert.deepEqual(fields, ['root.children[0].appids', 'root.children[1].children[0].children[0]']);
  });
});

describe('POST /api/segments/evaluate', () => {
  let app, dataDir, admin, control, now;
  const push = (openid, secondsAgo, fields) =>
    control.post('/__mock/wechat/events', { appid: APPIDS.unverified, FromUserName: openid, CreateTime: now - secondsAgo, ...fields });
  const text = (openid, secondsAgo, Content) => push(openid, secondsAgo, { MsgType: 'text', Content });
  const count = async (document, api = admin) => {
    const response = await api.post('/api/segments/evaluate', document);
    assert.equal(response.status, 200, JSON.stringify(response.body));
    return response.body.count;
  };

  before(async () => {
    ({ app, dataDir } = await startServer());
    admin = await signIn(app, 'admin');
    control = client(app);
    now = app.mockSuite.clock.nowSeconds();
    // The fixture: four new fans of DM 未认证服务号 and what they did.
    for (const openid of ['oSegA', 'oSegB', 'oSegC', 'oSegD']) await push(openid, 30 * DAY, { MsgType: 'event', Event: 'subscribe' });
    await text('oSegA', 2 * DAY, 'I love Dmartech');
    await text('oSegA', 1 * DAY, 'Dmartech');
    await push('oSegA', 1 * DAY, { MsgType: 'event', Event: 'CLICK', EventKey: 'TODAY_PICK' });
    await text('oSegB', 3 * DAY, 'dmartech'); // another case: not "Dmartech"
    await text('oSegB', 10 * DAY, 'Dmartech'); // outside the last 7 days
    await text('oSegC', 1 * DAY, 'Dmartech');
    await push('oSegC', DAY / 2, { MsgType: 'event', Event: 'unsubscribe' });
    await push('oSegD', 2 * DAY, { MsgType: 'event', Event: 'SCAN', EventKey: 'poster_spring' });
  });
  after(async () => {
    await app.close();
    removeDataDir(dataDir);
  });

  it('counts contacts who sent a message containing a text in the last 7 days (A, C)', async () => {
    assert.equal(await count(doc(sent('Dmartech'))), 2);
  });

  it('AND subscribed drops the one who unfollowed (A)', async () => {
    assert.equal(await count(doc(sent('Dmartech'), subscribed)), 1);
  });

  it('at least 2 times (A), equals within 7 days (A, C) and within 30 days (A, B, C)', async () => {
    assert.equal(await count(doc(sent('Dmartech', { count: { operator: 'atLeast', times: 2 } }))), 1);
    assert.equal(await count(doc(sent('Dmartech', { match: { operator: 'equals', text: 'Dmartech' } }))), 2);
    assert.equal(await count(doc(sent('Dmartech', { match: { operator: 'equals', text: 'Dmartech' }, window: { lastDays: 30 } }))), 3);
  });

  it('at most 0 times: every contact of the account but A and C', async () => {
    const total = (await admin.get(`/api/contacts?appids=${APPIDS.unverified}&limit=1`)).body.total;
    assert.equal(await count(doc(sent('Dmartech', { count: { operator: 'atMost', times: 0 } }))), total - 2);
  });

  it('OR: clicked the TODAY_PICK button (A) or unfollowed in the last 7 days (C); scanned any code (D)', async () => {
    const clicked = { type: 'event', appids: [APPIDS.unverified], event: 'clickedMenu', menuKey: 'TODAY_PICK' };
    const unfollowed = { type: 'event', appids: [APPIDS.unverified], event: 'unfollowed', window: { lastDays: 7 } };
    assert.equal(await count({ version: 1, root: { type: 'group', op: 'or', children: [clicked, unfollowed] } }), 2);
    assert.equal(await count(doc({ type: 'event', appids: [APPIDS.unverified], event: 'scannedQrCode', window: { lastDays: 7 } })), 1);
    assert.equal(await count(doc({ type: 'event', appids: [APPIDS.unverified], event: 'scannedQrCode', qrCodeId: 999_999 })), 0);
  });

  it('between dates: the window covers whole days', async () => {
    const day = (secondsAgo) => new Date((now - secondsAgo) * 1000).toISOString().slice(0, 10);
    const window = { from: day(1 * DAY), to: day(1 * DAY) };
    // Sent on that day: A and C ("Dmartech", and A's second message is from the day before).
    assert.equal(await count(doc(sent('Dmartech', { window }))), 2);
  });

  it('tag is / is not: fans of the account with or without the tag', async () => {
    const [tag] = app.mockSuite.db.prepare('SELECT id FROM tags WHERE appid = ?').all(APPIDS.smart);
    const tagged = app.mockSuite.db
      .prepare('SELECT COUNT(DISTINCT contact_id) AS n FROM fans, json_each(fans.tag_ids) WHERE appid = ? AND json_each.value = ?')
      .get(APPIDS.smart, tag.id).n;
    const all = (await admin.get(`/api/contacts?appids=${APPIDS.smart}&limit=1`)).body.total;
    const tagCondition = (operator) => ({ type: 'attribute', appids: [APPIDS.smart], attribute: 'tag', operator, tagId: tag.id });
    assert.equal(await count(doc(tagCondition('is'))), tagged);
    assert.equal(await count(doc(tagCondition('isNot'))), all - tagged);
  });

  it('refuses an invalid document with VALIDATION naming the JSON path', async () => {
    const response = await admin.post('/api/segments/evaluate', doc(sent('')));
    assert.equal(response.status, 400);
    assert.equal(response.body.code, 'VALIDATION');
    assert.deepEqual(response.body.errors.map((e) => e.field), ['root.children[0].match.text']);
  });

  it('refuses an account the user may not use with FORBIDDEN_ACCOUNT', async () => {
    const marketer = await signIn(app, 'marketer');
    const response = await marketer.post('/api/segments/evaluate', doc({ ...subscribed, appids: [APPIDS.demo] }));
    assert.equal(response.status, 403);
    assert.equal(response.body.code, 'FORBIDDEN_ACCOUNT');
    assert.equal((await marketer.get(`/api/widgets/accounts/${APPIDS.demo}/event-catalogue`)).status, 403);
  });

  it('counts on the 100,000 fans of DM Demo Service well under a second', async () => {
    const started = performance.now();
    const n = await count(
      doc({ type: 'attribute', appids: [APPIDS.demo], attribute: 'subscribed' }, { type: 'attribute', appids: [APPIDS.demo], attribute: 'subscribeScene', scene: 'ADD_SCENE_QR_CODE' }),
    );
    const elapsed = performance.now() - started;
    const expected = app.mockSuite.db
      .prepare("SELECT COUNT(DISTINCT contact_id) AS n FROM fans WHERE appid = ? AND subscribed = 1 AND subscribe_scene = 'ADD_SCENE_QR_CODE'")
      .get(APPIDS.demo).n;
    assert.equal(n, expected);
    assert.ok(n > 10_000, `a real share of 100,000 fans (${n})`);
    assert.ok(elapsed < 1000, `took ${elapsed.toFixed(0)} ms`);
  });

  it('an OR of event conditions with "at most" on the 100,000 fans stays well under a second', async () => {
    const started = performance.now();
    const n = await count({
      version: 1,
      root: {
        type: 'group',
        op: 'or',
        children: [
          { type: 'event', appids: [APPIDS.demo], event: 'followed', count: { operator: 'atMost', times: 0 } },
          { type: 'event', appids: [APPIDS.demo, APPIDS.smart], event: 'sentMessage', match: { operator: 'contains', text: 'Dmartech' }, window: { lastDays: 30 } },
          { type: 'attribute', appids: [APPIDS.demo], attribute: 'remark', operator: 'contains', text: 'VIP' },
        ],
      },
    });
    const elapsed = performance.now() - started;
    assert.ok(n >= 0);
    assert.ok(elapsed < 1000, `took ${elapsed.toFixed(0)} ms`);
  });

  it('the event catalogue lists the QR codes and the live menu buttons that push an event', async () => {
    const response = await admin.get(`/api/widgets/accounts/${APPIDS.smart}/event-catalogue`);
    assert.equal(response.status, 200);
    assert.ok(response.body.menuButtons.some((b) => b.type === 'click' && b.key === 'TODAY_PICK' && b.name === '今日推荐'));
    assert.ok(response.body.menuButtons.some((b) => b.type === 'view' && b.key === 'https://www.dmartech.cn/' && b.name === '品牌专区 › 官方网站'));
    assert.ok(!response.body.menuButtons.some((b) => b.key === 'SCAN_VERIFY'), 'scancode_push buttons push no CLICK');
    const tags = app.mockSuite.db.prepare('SELECT id, name FROM tags WHERE appid = ? ORDER BY name').all(APPIDS.smart);
    assert.ok(tags.length > 0);
    assert.deepEqual(response.body.tags, tags);
  });
});
