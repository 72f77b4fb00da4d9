import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APPIDS, authorizeThroughPage, setUpSuite, tearDownSuite, waitForJob } from './helpers.mjs';
import { fansWithTag } from '../src/repositories/templates.mjs';
import { subscribedFansWithTag } from '../src/repositories/mass-sends.mjs';
import { evaluateSegment } from '../src/repositories/segment-conditions.mjs';

/**
 * fan_tags (schema.sql, "fans: tag index") is written only by triggers on fans. These tests hold it
 * to what fans.tag_ids says after every kind of write, and hold the queries that read it to the
 * answers of the JSON text matches they replaced.
 */

// --- the invariant: fan_tags is exactly fans × json_each(tag_ids), with the fan's copied columns ---
const DERIVED = `SELECT f.id AS fan_id, j.value AS tag_id, f.appid, f.subscribe_time, f.subscribed
                 FROM fans f, json_each(f.tag_ids) j`;
const INDEXED = 'SELECT fan_id, tag_id, appid, subscribe_time, subscribed FROM fan_tags';

function assertInSync(db, step) {
  const missing = db.prepare(`${DERIVED} EXCEPT ${INDEXED} LIMIT 5`).all();
  const extra = db.prepare(`${INDEXED} EXCEPT ${DERIVED} LIMIT 5`).all();
  assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, `fan_tags out of step after: ${step}`);
  const pairs = db.prepare(`SELECT count(*) AS n FROM (SELECT DISTINCT fan_id, tag_id FROM (${DERIVED}))`).get().n;
  assert.equal(db.prepare('SELECT count(*) AS n FROM fan_tags').get().n, pairs, `fan_tags row count after: ${step}`);
}

// --- the listing as it was before fan_tags: a delimited text match on fans.tag_ids ---
const likeEscape = (text) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function oldListing(db, appid, query, { limit, offset = 0, sort = 'subscribeTime', order = 'desc' }) {
  const where = ['appid = @appid', "instr(',' || substr(tag_ids, 2, length(tag_ids) - 2) || ',', @tagNeedle) > 0"];
  const params = { appid, tagNeedle: `,${query.tagId},` };
  if (query.state) where.push(`subscribed = ${query.state === 'subscribed' ? 1 : 0}`);
  if (query.scene) (where.push('subscribe_scene = @scene'), (params.scene = query.scene));
  if (query.qrScene) (where.push('qr_scene = @qrScene'), (params.qrScene = query.qrScene));
  if (query.blacklisted !== undefined) where.push(`blacklisted = ${String(query.blacklisted) === 'true' ? 1 : 0}`);
  if (query.remark) (where.push("remark LIKE @remark ESCAPE '\\'"), (params.remark = `%${likeEscape(query.remark)}%`));
  if (query.openid) {
    where.push('openid >= @openidFrom AND openid < @openidTo');
    Object.assign(params, { openidFrom: query.openid, openidTo: `${query.openid}\u{10FFFF}` });
  }
  if (query.subscribedFrom) (where.push('subscribe_time >= @from'), (params.from = Math.floor(Date.parse(query.subscribedFrom) / 1000)));
  if (query.subscribedTo) (where.push('subscribe_time < @to'), (params.to = Math.ceil(Date.parse(query.subscribedTo) / 1000)));
  const column = sort === 'openid' ? 'openid' : 'subscribe_time';
  const direction = order === 'asc' ? 'ASC' : 'DESC';
  const text = where.join(' AND ');
  return {
    openids: db.prepare(`SELECT openid FROM fans WHERE ${text} ORDER BY ${column} ${direction}, id ${direction} LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit, offset }).map((r) => r.openid),
    total: db.prepare(`SELECT count(*) AS n FROM fans WHERE ${text}`).get(params).n,
  };
}

/** Every listing of `cases` through the API equals the old text match: same pages, same totals. */
async function assertListingsAsBefore(api, db, appid, cases) {
  for (const query of cases) {
    const { limit, offset, sort, order, ...filter } = query;
    const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    const expected = oldListing(db, appid, filter, { limit, offset, sort, order });
    const page = await api.get(`/api/wechat/accounts/${appid}/fans?${search}`);
    assert.equal(page.status, 200, `${search}: ${JSON.stringify(page.body)}`);
    assert.deepEqual({ openids: page.body.items.map((f) => f.openid), total: page.body.total }, expected, `fans?${search}`);
    if (sort === undefined && order === undefined) {
      // "Select all matching" pages the same filter, newest first.
      const ids = await api.get(`/api/wechat/accounts/${appid}/fan-openids?${search}`);
      assert.deepEqual({ openids: ids.body.items, total: ids.body.total }, expected, `fan-openids?${search}`);
    }
  }
}

const tagCountsOfOld = (db, appid) =>
  Object.fromEntries(db.prepare(`SELECT j.value AS id, count(*) AS n FROM fans f, json_each(f.tag_ids) j
    WHERE f.appid = ? GROUP BY j.value`).all(appid).map((r) => [r.id, r.n]));

async function assertTagCountsAsBefore(api, db, appid) {
  const listed = (await api.get(`/api/wechat/accounts/${appid}/tags`)).body.items;
  const expected = tagCountsOfOld(db, appid);
  assert.ok(listed.length > 0);
  for (const tag of listed) assert.equal(tag.fanCount, expected[tag.id] ?? 0, `fanCount of tag ${tag.id} of ${appid}`);
}

describe('fan_tags: the tag index of fans, kept by triggers', () => {
  let app, dataDir, suite, admin, control;
  const db = () => suite.db;
  const account = (appid) => `/api/wechat/accounts/${appid}`;
  const push = (appid, body) => control.post('/__mock/wechat/events', { appid, MsgType: 'event', ...body });
  const fanRow = (appid, openid) => db().prepare('SELECT * FROM fans WHERE appid = ? AND openid = ?').get(appid, openid);

  before(async () => ({ app, dataDir, suite, admin, control } = await setUpSuite()));
  after(() => tearDownSuite({ app, dataDir }));

  it('the demo seed and its reset copy hold every tag of every fan (tens of thousands of rows)', async () => {
    assertInSync(db(), 'seed');
    assert.ok(db().prepare('SELECT count(*) AS n FROM fan_tags WHERE appid = ?').get(APPIDS.demo).n > 30_000);
    db().prepare("UPDATE fans SET tag_ids = '[]' WHERE appid = ?").run(APPIDS.smart);
    assert.equal(db().prepare('SELECT count(*) AS n FROM fan_tags WHERE appid = ?').get(APPIDS.smart).n, 0);
    assert.equal((await control.post('/__mock/reset', { scenario: 'demo' })).status, 200);
    assert.ok(db().prepare('SELECT count(*) AS n FROM fan_tags WHERE appid = ?').get(APPIDS.smart).n > 0);
    assertInSync(db(), 'reset');
  });

  it('lists the 100,000-fan account by tag with the same pages and totals as the JSON text match did', async () => {
    await control.post('/__mock/reset', { scenario: 'demo' });
    const someOpenid = db().prepare("SELECT openid FROM fans WHERE appid = ? AND tag_ids LIKE '%100%' LIMIT 1 OFFSET 300").get(APPIDS.demo).openid;
    await assertListingsAsBefore(admin, db(), APPIDS.demo, [
      { tagId: 100, limit: 200, offset: 9000 },
      { tagId: 100, limit: 200 },
      { tagId: 100, limit: 200, order: 'asc', offset: 3000 },
      { tagId: 101, state: 'subscribed', limit: 100, offset: 500 },
      { tagId: 101, state: 'unsubscribed', limit: 50, offset: 10 },
      { tagId: 102, sort: 'openid', order: 'asc', limit: 100, offset: 1000 },
      { tagId: 103, sort: 'openid', order: 'desc', limit: 100, state: 'subscribed' },
      { tagId: 100, scene: 'ADD_SCENE_QR_CODE', limit: 50, offset: 100 },
      { tagId: 100, qrScene: 'expo_2026_sh', limit: 50 },
      { tagId: 102, blacklisted: true, limit: 50 },
      { tagId: 103, blacklisted: false, state: 'subscribed', limit: 50, offset: 2000 },
      { tagId: 101, subscribedFrom: '2025-01-01T00:00:00.000Z', subscribedTo: '2025-07-01T00:00:00.000Z', limit: 50, offset: 20 },
      { tagId: 100, openid: someOpenid.slice(0, 8), limit: 50 },
      { tagId: 100, remark: '老客户', limit: 50 },
      { tagId: 2, limit: 10 },
      { tagId: 999, limit: 10 },
    ]);
    await assertTagCountsAsBefore(admin, db(), APPIDS.demo);
  });

  it('gives the template and mass-send tag audiences and the segment tag condition the same fans as before', async () => {
    await control.post('/__mock/reset', { scenario: 'demo' });
    const instr = "instr(',' || substr(tag_ids, 2, length(tag_ids) - 2) || ',', ?) > 0";
    for (const tagId of [100, 103, 999]) {
      const needle = `,${tagId},`;
      assert.deepEqual(fansWithTag(db(), APPIDS.demo, tagId),
        db().prepare(`SELECT openid, subscribed, blacklisted FROM fans WHERE appid = ? AND ${instr} ORDER BY id`).all(APPIDS.demo, needle));
      assert.deepEqual(subscribedFansWithTag(db(), APPIDS.demo, tagId),
        db().prepare(`SELECT openid, blacklisted FROM fans WHERE appid = ? AND subscribed = 1 AND ${instr} ORDER BY id`).all(APPIDS.demo, needle));
    }
    const appids = [APPIDS.smart, APPIDS.subscription];
    for (const operator of ['is', 'isNot']) {
      const doc = { root: { type: 'attribute', attribute: 'tag', operator, tagId: 101, appids } };
      const expected = db().prepare(`SELECT count(DISTINCT contact_id) AS n FROM fans WHERE appid IN (?, ?)
        AND ${operator === 'isNot' ? 'NOT ' : ''}EXISTS (SELECT 1 FROM json_each(tag_ids) WHERE value = ?)`).get(...appids, 101).n;
      assert.ok(expected > 0);
      assert.equal(evaluateSegment(db(), doc, { appids, nowSeconds: 1_800_000_000 }).count, expected, `tag ${operator} 101`);
    }
  });

  it('follows fans.tag_ids through tagging, untagging, tag deletion, follows, unfollows, QR scans, contact merges, imports and syncs', async () => {
    await control.post('/__mock/reset', { scenario: 'demo' });
    const smart = APPIDS.smart;
    const untagged = db().prepare("SELECT openid FROM fans WHERE appid = ? AND subscribed = 1 AND tag_ids = '[]' ORDER BY id LIMIT 60").all(smart).map((r) => r.openid);

    // Tagging and untagging in batches, then deleting a tag that hundreds of fans carry.
    const tag = (await admin.post(`${account(smart)}/tags`, { name: '索引' })).body;
    assert.equal((await admin.post(`${account(smart)}/tags/${tag.id}/fans/add`, { openids: untagged.slice(0, 50) })).status, 200);
    assert.equal((await admin.post(`${account(smart)}/tags/101/fans/add`, { openids: untagged.slice(0, 5) })).status, 200);
    assertInSync(db(), 'tags added');
    assert.equal(db().prepare('SELECT count(*) AS n FROM fan_tags WHERE appid = ? AND tag_id = ?').get(smart, tag.id).n, 50);
    assert.equal((await admin.post(`${account(smart)}/tags/${tag.id}/fans/remove`, { openids: untagged.slice(0, 10) })).status, 200);
    assertInSync(db(), 'tags removed');
    const carriers = db().prepare('SELECT count(*) AS n FROM fan_tags WHERE appid = ? AND tag_id = 100').get(smart).n;
    assert.ok(carriers > 100, `tag 100 has ${carriers} fans`);
    assert.equal((await admin.delete(`${account(smart)}/tags/100`)).status, 204);
    assert.equal(db().prepare('SELECT count(*) AS n FROM fan_tags WHERE appid = ? AND tag_id = 100').get(smart).n, 0);
    assertInSync(db(), 'tag deleted');

    // A new follower, tagged, unfollowing (the copied `subscribed`) and following again (`subscribe_time`).
    const newcomer = 'oIndexNewcomer00000000000001';
    assert.equal((await push(smart, { FromUserName: newcomer, Event: 'subscribe', EventKey: '' })).status, 200);
    await admin.post(`${account(smart)}/tags/${tag.id}/fans/add`, { openids: [newcomer] });
    assertInSync(db(), 'follow and tag');
    const tagged = untagged[20];
    assert.equal((await push(smart, { FromUserName: tagged, Event: 'unsubscribe', EventKey: '' })).status, 200);
    assert.equal(fanRow(smart, tagged).subscribed, 0);
    assertInSync(db(), 'unfollow');
    const followedAt = fanRow(smart, tagged).subscribe_time;
    await control.post('/__mock/clock', { advanceSeconds: 86_400 });
    assert.equal((await push(smart, { FromUserName: tagged, Event: 'subscribe', EventKey: '' })).status, 200);
    assert.notEqual(fanRow(smart, tagged).subscribe_time, followedAt);
    assertInSync(db(), 'follow again');

    // A QR code that tags: a new follower (insert) and a follower's scan (update of tag_ids).
    const code = await admin.post(`${account(smart)}/qrcodes`, {
      name: '索引码', kind: 'temporary', expireSeconds: 86_400, sceneId: 42_424, tagIds: [101, 102],
    });
    assert.equal(code.status, 201, JSON.stringify(code.body));
    await push(smart, { FromUserName: 'oIndexQrFan00000000000000001', Event: 'subscribe', EventKey: 'qrscene_42424' });
    await push(smart, { FromUserName: untagged[55], Event: 'SCAN', EventKey: '42424' });
    assert.deepEqual(JSON.parse(fanRow(smart, untagged[55]).tag_ids), [101, 102]);
    assertInSync(db(), 'QR scans');

    // Contact merges move fans between contacts: their tags stay theirs.
    const phone = db().prepare(`SELECT c.phone FROM contacts c JOIN fans f ON f.contact_id = c.id
                                WHERE f.appid = ? AND c.phone IS NOT NULL ORDER BY c.id LIMIT 1`).get(APPIDS.subscription).phone;
    assert.equal((await control.post('/__mock/contacts/attach', { appid: smart, openid: untagged[40], phone })).status, 200);
    assertInSync(db(), 'contact merge');

    // A sync: a tagged fan the suite lost comes back with WeChat's tags, stale facts are overwritten.
    const unverified = APPIDS.unverified;
    const [lost, stale] = db().prepare("SELECT * FROM fans WHERE appid = ? AND subscribed = 1 AND tag_ids <> '[]' ORDER BY id LIMIT 2").all(unverified);
    db().prepare('DELETE FROM fans WHERE id = ?').run(lost.id);
    assert.equal(db().prepare('SELECT count(*) AS n FROM fan_tags WHERE fan_id = ?').get(lost.id).n, 0, 'a deleted fan leaves no tag rows');
    db().prepare('UPDATE fans SET subscribe_time = subscribe_time - 1000 WHERE id = ?').run(stale.id);
    assertInSync(db(), 'fans deleted and edited directly');
    const sync = await waitForJob(admin, (await admin.post(`${account(unverified)}/fans/sync`)).body.jobId);
    assert.equal(sync.status, 'succeeded', JSON.stringify(sync.error));
    assert.equal(sync.result.created, 1);
    assert.deepEqual(JSON.parse(fanRow(unverified, lost.openid).tag_ids), JSON.parse(lost.tag_ids));
    assert.equal(fanRow(unverified, stale.openid).subscribe_time, stale.subscribe_time);
    assertInSync(db(), 'fan sync');

    // Binding imports followers with their tags; re-authorizing overwrites the suite's tags with WeChat's.
    const fresh = APPIDS.newService;
    const bound = await authorizeThroughPage(admin, { appid: fresh, permissions: ['message', 'user'] });
    assert.equal((await waitForJob(admin, bound.jobId)).status, 'succeeded');
    assert.ok(db().prepare('SELECT count(*) AS n FROM fan_tags WHERE appid = ?').get(fresh).n > 50);
    assertInSync(db(), 'import');
    db().prepare("UPDATE fans SET tag_ids = '[103,103]' WHERE appid = ? AND id % 3 = 0").run(fresh);
    assertInSync(db(), 'tags rewritten directly (a duplicate id counts once)');
    const again = await authorizeThroughPage(admin, { appid: fresh, permissions: ['message', 'user'], reauthorize: true });
    assert.equal((await waitForJob(admin, again.jobId)).result.updated, 300);
    assertInSync(db(), 're-import');

    // And what reads the index still answers as the text match does after all that.
    await assertListingsAsBefore(admin, db(), smart, [
      { tagId: tag.id, limit: 50 },
      { tagId: 101, limit: 100, offset: 50 },
      { tagId: 101, state: 'subscribed', limit: 200 },
      { tagId: 102, state: 'unsubscribed', limit: 200 },
      { tagId: 100, limit: 10 },
    ]);
    await assertListingsAsBefore(admin, db(), fresh, [{ tagId: 103, limit: 200 }, { tagId: 101, limit: 200, sort: 'openid' }]);
    for (const appid of [smart, unverified, fresh]) await assertTagCountsAsBefore(admin, db(), appid);
  });
});
