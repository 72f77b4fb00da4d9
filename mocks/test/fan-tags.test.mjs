import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APPIDS, removeDataDir, signIn, startServer } from './helpers.mjs';
import {
  DELETABLE_FAN_LIMIT, TAG_LIMIT, checkKnownOpenids, checkRemark, checkTagDeletable, checkTagName, checkTagsPerFan,
} from '../src/rules/fan-tags.mjs';

const account = (appid = APPIDS.smart) => `/api/wechat/accounts/${appid}`;
const name30 = '标'.repeat(30);

describe('fan tag rules', () => {
  const tags = [{ id: 100, name: '高价值' }, { id: 101, name: '新客' }];
  it('counts characters (not bytes or UTF-16 units) against the 30 limit, after trimming', () => {
    assert.equal(checkTagName(`  ${name30}  `, tags), name30);
    assert.throws(() => checkTagName(`${name30}x`, tags), { code: 'WECHAT_45158' });
    assert.equal(checkTagName('😀'.repeat(30), tags), '😀'.repeat(30));
    assert.throws(() => checkTagName('   ', tags), (p) => p.code === 'VALIDATION' && p.errors[0].field === 'name');
  });
  it('refuses a name another tag has, but not the tag keeping its own', () => {
    assert.throws(() => checkTagName('新客', tags), { code: 'WECHAT_45157' });
    assert.equal(checkTagName('新客', tags, 101), '新客');
  });
  it('deletes a tag of 100,000 fans but not of 100,001', () => {
    assert.doesNotThrow(() => checkTagDeletable(DELETABLE_FAN_LIMIT));
    assert.throws(() => checkTagDeletable(DELETABLE_FAN_LIMIT + 1), { code: 'WECHAT_45057' });
  });
  it('names each unknown openid and each full fan by its index in the request', () => {
    assert.throws(() => checkKnownOpenids(['a', 'x', 'b', 'y'], new Map([['a', []], ['b', []]])), (p) =>
      p.code === 'WECHAT_40003' && p.errors.map((e) => e.field).join() === 'openids[1],openids[3]' && /x, y/.test(p.detail));
    const twenty = Array.from({ length: 20 }, (_, i) => i + 200);
    const nineteen = twenty.slice(1);
    const tagIdsOf = new Map([['full', twenty], ['room', nineteen], ['has', [...nineteen, 7]]]);
    assert.doesNotThrow(() => checkTagsPerFan(['room', 'has'], new Map([['room', nineteen], ['has', twenty.slice(0, 19).concat(7)]]), 7));
    assert.throws(() => checkTagsPerFan(['room', 'full'], tagIdsOf, 7), (p) => p.code === 'WECHAT_45059' && p.errors[0].field === 'openids[1]');
  });
  it('takes a remark of 30 characters and refuses 31, naming remark', () => {
    assert.equal(checkRemark(` ${name30} `), name30);
    assert.throws(() => checkRemark(`${name30}x`), (p) => p.code === 'VALIDATION' && p.errors[0].field === 'remark');
  });
});

describe('/api/wechat/accounts/{appid}/tags, tagging, remarks, blacklist', () => {
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

  const fanRow = (openid, appid = APPIDS.smart) => suite.db.prepare('SELECT * FROM fans WHERE appid = ? AND openid = ?').get(appid, openid);
  const tagIdsOf = (openid) => JSON.parse(fanRow(openid).tag_ids);
  const tagCount = (appid = APPIDS.smart) => suite.db.prepare('SELECT count(*) AS n FROM tags WHERE appid = ?').get(appid).n;
  const openids = (n, query = '') =>
    admin.get(`${account()}/fan-openids?limit=${n}${query}`).then((r) => r.body.items);
  const snapshot = () => suite.db.prepare("SELECT openid, tag_ids, blacklisted, remark FROM fans WHERE appid = ? ORDER BY id").all(APPIDS.smart);

  it('lists tags with fan counts and the reserved 星标组, for members of the account too', async () => {
    const { status, body } = await marketer.get(`${account()}/tags`);
    assert.equal(status, 200);
    assert.equal(body.limit, TAG_LIMIT);
    const { revision, ...starred } = body.items[0];
    assert.deepEqual(starred, { id: 2, name: '星标组', fanCount: 0, reserved: true });
    assert.match(revision, /^[\w-]{16}$/);
    const tag100 = body.items.find((t) => t.id === 100);
    assert.equal(tag100.reserved, false);
    const filtered = await marketer.get(`${account()}/fans?tagId=100&limit=1`);
    assert.equal(tag100.fanCount, filtered.body.total);
    assert.ok(tag100.fanCount > 0);
  });

  it('creates tags up to the 100th and refuses the 101st with 45056', async () => {
    const existing = tagCount();
    for (let i = existing; i < TAG_LIMIT - 1; i++) suite.db.prepare('INSERT INTO tags (appid, id, name) VALUES (?, ?, ?)').run(APPIDS.smart, 1000 + i, `t${i}`);
    const hundredth = await admin.post(`${account()}/tags`, { name: ' 第一百个 ' });
    assert.equal(hundredth.status, 201);
    assert.equal(hundredth.body.name, '第一百个');
    assert.equal(hundredth.body.fanCount, 0);
    assert.ok(hundredth.body.id >= 100);
    assert.equal(tagCount(), TAG_LIMIT);
    const refused = await admin.post(`${account()}/tags`, { name: '第一百零一个' });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.code, 'WECHAT_45056');
    assert.equal(tagCount(), TAG_LIMIT);
  });

  it('refuses a 31-character name (45158), a duplicate (45157) and an empty one (VALIDATION name), writing nothing', async () => {
    const before = tagCount();
    assert.equal((await admin.post(`${account()}/tags`, { name: name30 })).status, 201);
    const long = await admin.post(`${account()}/tags`, { name: `${name30}x` });
    assert.equal(long.body.code, 'WECHAT_45158');
    const dup = await admin.post(`${account()}/tags`, { name: 'VIP' });
    assert.equal(dup.body.code, 'WECHAT_45157');
    const empty = await admin.post(`${account()}/tags`, { name: '  ' });
    assert.equal(empty.status, 400);
    assert.equal(empty.body.errors[0].field, 'name');
    assert.equal(tagCount(), before + 1);
    const rename = await admin.request('PATCH', `${account()}/tags/100`, { name: 'VIP' });
    assert.equal(rename.body.code, 'WECHAT_45157');
    assert.equal(suite.db.prepare('SELECT name FROM tags WHERE appid = ? AND id = 100').get(APPIDS.smart).name, '高价值');
  });

  it('renames a tag (keeping its own name is fine) and deletes one, taking it off its fans', async () => {
    const renamed = await admin.request('PATCH', `${account()}/tags/100`, { name: '超高价值' });
    assert.equal(renamed.status, 200);
    assert.equal(renamed.body.name, '超高价值');
    assert.ok(renamed.body.fanCount > 0);
    assert.equal((await admin.request('PATCH', `${account()}/tags/100`, { name: '超高价值' })).status, 200);
    const codesWith100 = () => suite.db.prepare('SELECT tag_ids FROM qr_codes WHERE appid = ?').all(APPIDS.smart)
      .filter((r) => JSON.parse(r.tag_ids).includes(100)).length;
    assert.ok(codesWith100() > 0, 'the seed has a QR code that adds tag 100');
    const carriers = (await admin.get(`${account()}/fans?tagId=100&limit=1`)).body.total;
    assert.ok(carriers > 0);
    assert.equal((await admin.delete(`${account()}/tags/100`)).status, 204);
    assert.equal((await admin.get(`${account()}/fans?tagId=100&limit=1`)).body.total, 0);
    assert.equal(suite.db.prepare("SELECT count(*) AS n FROM fans WHERE tag_ids LIKE '%100%' AND appid = ?").get(APPIDS.smart).n, 0);
    assert.equal((await admin.delete(`${account()}/tags/100`)).status, 404);
    assert.equal(codesWith100(), 0, 'no QR code adds the deleted tag any more');
  });

  it('refuses renaming or deleting the reserved ids 0, 1 and 2 with 45058', async () => {
    for (const id of [0, 1, 2]) {
      assert.equal((await admin.request('PATCH', `${account()}/tags/${id}`, { name: '改名' })).body.code, 'WECHAT_45058');
      assert.equal((await admin.delete(`${account()}/tags/${id}`)).body.code, 'WECHAT_45058');
    }
    assert.equal(suite.db.prepare('SELECT name FROM tags WHERE appid = ? AND id = 2').get(APPIDS.smart).name, '星标组');
  });

  it('tags 50 fans in one call, refuses 51 with 40032, and untags', async () => {
    const tag = (await admin.post(`${account()}/tags`, { name: '批量' })).body;
    const fifty = await openids(51);
    const before = snapshot();
    const over = await admin.post(`${account()}/tags/${tag.id}/fans/add`, { openids: fifty });
    assert.equal(over.status, 422);
    assert.equal(over.body.code, 'WECHAT_40032');
    assert.deepEqual(snapshot(), before);
    const ok = await admin.post(`${account()}/tags/${tag.id}/fans/add`, { openids: fifty.slice(0, 50) });
    assert.deepEqual(ok.body, { changed: 50 });
    const again = await admin.post(`${account()}/tags/${tag.id}/fans/add`, { openids: fifty.slice(0, 50) });
    assert.deepEqual(again.body, { changed: 0 }, 'a fan that has the tag is not counted twice');
    assert.equal((await admin.get(`${account()}/fans?tagId=${tag.id}&limit=1`)).body.total, 50);
    assert.ok(tagIdsOf(fifty[0]).includes(tag.id));
    const removed = await admin.post(`${account()}/tags/${tag.id}/fans/remove`, { openids: fifty.slice(0, 10) });
    assert.deepEqual(removed.body, { changed: 10 });
    assert.equal((await admin.get(`${account()}/tags`)).body.items.find((t) => t.id === tag.id).fanCount, 40);
    assert.equal((await admin.post(`${account()}/tags/${tag.id}/fans/remove`, { openids: fifty })).body.code, 'WECHAT_40032');
  });

  it('refuses unknown openids with 40003 naming them, and writes nothing', async () => {
    const known = await openids(3);
    const before = snapshot();
    const refused = await admin.post(`${account()}/tags/101/fans/add`, { openids: [known[0], 'o_nobody_1', known[1], 'o_nobody_2'] });
    assert.equal(refused.body.code, 'WECHAT_40003');
    assert.deepEqual(refused.body.errors.map((e) => e.field), ['openids[1]', 'openids[3]']);
    assert.match(refused.body.detail, /o_nobody_1, o_nobody_2/);
    assert.deepEqual(snapshot(), before);
    const demoFan = (await admin.get(`${account(APPIDS.demo)}/fan-openids?limit=1`)).body.items[0];
    assert.equal((await admin.post(`${account()}/blacklist/add`, { openids: [demoFan] })).body.code, 'WECHAT_40003', "another account's fan is unknown here");
    assert.equal((await admin.post(`${account()}/tags/999/fans/add`, { openids: known })).status, 404);
  });

  it('lets a fan carry 20 tags and refuses the 21st with 45059 naming the fan, writing nothing', async () => {
    const [full, other] = await openids(2);
    const ids = [];
    for (let i = 0; i < 21; i++) ids.push((await admin.post(`${account()}/tags`, { name: `标签${i}` })).body.id);
    suite.db.prepare('UPDATE fans SET tag_ids = ? WHERE appid = ? AND openid = ?').run(JSON.stringify(ids.slice(0, 19)), APPIDS.smart, full);
    assert.equal((await admin.post(`${account()}/tags/${ids[19]}/fans/add`, { openids: [full] })).body.changed, 1);
    assert.equal(tagIdsOf(full).length, 20);
    const before = snapshot();
    const refused = await admin.post(`${account()}/tags/${ids[20]}/fans/add`, { openids: [other, full] });
    assert.equal(refused.body.code, 'WECHAT_45059');
    assert.deepEqual(refused.body.errors.map((e) => e.field), ['openids[1]']);
    assert.match(refused.body.detail, new RegExp(full));
    assert.deepEqual(snapshot(), before, 'the other fan was not tagged either');
    assert.equal((await admin.post(`${account()}/tags/${ids[0]}/fans/add`, { openids: [full] })).body.changed, 0, 're-adding a tag it has is fine');
  });

  it('blacklists 20 fans, refuses 21 with 40032, and the blacklisted filter follows at once', async () => {
    const list = await openids(21, '&blacklisted=false');
    const blacklistedBefore = (await admin.get(`${account()}/fans?blacklisted=true&limit=1`)).body.total;
    const before = snapshot();
    assert.equal((await admin.post(`${account()}/blacklist/add`, { openids: list })).body.code, 'WECHAT_40032');
    assert.deepEqual(snapshot(), before);
    assert.deepEqual((await admin.post(`${account()}/blacklist/add`, { openids: list.slice(0, 20) })).body, { changed: 20 });
    assert.equal((await admin.get(`${account()}/fans?blacklisted=true&limit=1`)).body.total, blacklistedBefore + 20);
    assert.equal(fanRow(list[0]).blacklisted, 1);
    assert.deepEqual((await admin.post(`${account()}/blacklist/remove`, { openids: list.slice(0, 5) })).body, { changed: 5 });
    assert.equal((await admin.get(`${account()}/fans?blacklisted=true&limit=1`)).body.total, blacklistedBefore + 15);
    assert.equal((await admin.post(`${account()}/blacklist/remove`, { openids: list })).body.code, 'WECHAT_40032');
    assert.equal((await admin.post(`${account()}/blacklist/add`, { openids: [] })).status, 400);
  });

  it('sets a remark of 30 characters, refuses 31 naming remark, and the remark filter follows', async () => {
    const [openid] = await openids(1);
    const ok = await admin.put(`${account()}/fans/${openid}/remark`, { remark: ` ${name30} ` });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.remark, name30);
    const found = await admin.get(`${account()}/fans?remark=${encodeURIComponent(name30)}`);
    assert.deepEqual(found.body.items.map((f) => f.openid), [openid]);
    const long = await admin.put(`${account()}/fans/${openid}/remark`, { remark: `${name30}x` });
    assert.equal(long.status, 400);
    assert.deepEqual(long.body.errors.map((e) => e.field), ['remark']);
    assert.equal(fanRow(openid).remark, name30);
    assert.equal((await admin.put(`${account()}/fans/${openid}/remark`, { remark: '' })).body.remark, '');
    assert.equal((await admin.put(`${account()}/fans/o_nobody/remark`, { remark: 'x' })).status, 404);
  });

  it("keeps other departments' accounts out of reach", async () => {
    const demo = account(APPIDS.demo);
    assert.equal((await marketer.get(`${demo}/tags`)).status, 403);
    assert.equal((await marketer.post(`${demo}/tags`, { name: 'x' })).status, 403);
    assert.equal((await marketer.post(`${demo}/blacklist/add`, { openids: ['o'] })).status, 403);
    assert.equal((await marketer.get(`${demo}/fan-openids`)).status, 403);
  });

  it('pages the openids matching a filter in the list order, with the total', async () => {
    const list = (await admin.get(`${account()}/fans?tagId=101&limit=200`)).body;
    const first = await admin.get(`${account()}/fan-openids?tagId=101&limit=7`);
    assert.equal(first.body.total, list.total);
    assert.deepEqual(first.body.items, list.items.slice(0, 7).map((f) => f.openid));
    const second = await admin.get(`${account()}/fan-openids?tagId=101&limit=7&offset=7`);
    assert.deepEqual(second.body.items, list.items.slice(7, 14).map((f) => f.openid));
    assert.equal((await admin.get(`${account()}/fan-openids?limit=5001`)).status, 400);
  });

  it('refuses a rename or a remark based on an older revision (412 STALE), writes nothing, and takes the current one (ADR 0024)', async () => {
    const tags = (await admin.get(`${account()}/tags`)).body.items;
    const tag = tags.find((t) => !t.reserved);
    assert.equal(typeof tag.revision, 'string');
    const url = `${account()}/tags/${tag.id}`;
    // A colleague renames it after this user listed the tags.
    const theirs = await marketer.request('PATCH', url, { name: '同事改的名' }, { 'if-match': `"${tag.revision}"` });
    assert.equal(theirs.status, 200);
    assert.notEqual(theirs.body.revision, tag.revision);
    const mine = await admin.request('PATCH', url, { name: '我改的名' }, { 'if-match': `"${tag.revision}"` });
    assert.equal(mine.status, 412);
    assert.equal(mine.body.code, 'STALE');
    assert.deepEqual(mine.body.errors.map((e) => e.field), ['header.If-Match']);
    assert.match(mine.body.detail, /同事改的名/);
    assert.equal((await admin.get(`${account()}/tags`)).body.items.find((t) => t.id === tag.id).name, '同事改的名', 'nothing was written');
    assert.equal((await admin.request('PATCH', url, { name: '我改的名' }, { 'if-match': `"${theirs.body.revision}"` })).status, 200);
    // Without the header the last writer wins, as before.
    assert.equal((await admin.request('PATCH', url, { name: '不带版本' })).status, 200);

    const [openid] = await openids(1);
    const fanUrl = `${account()}/fans/${openid}`;
    const opened = (await admin.get(fanUrl)).body;
    assert.equal(typeof opened.remarkRevision, 'string');
    const colleague = await marketer.request('PUT', `${fanUrl}/remark`, { remark: '同事的备注' }, { 'if-match': `"${opened.remarkRevision}"` });
    assert.equal(colleague.status, 200);
    assert.equal(colleague.body.remarkRevision, (await admin.get(fanUrl)).body.remarkRevision);
    const late = await admin.request('PUT', `${fanUrl}/remark`, { remark: '我的备注' }, { 'if-match': `"${opened.remarkRevision}"` });
    assert.equal(late.status, 412);
    assert.equal(late.body.code, 'STALE');
    assert.equal(fanRow(openid).remark, '同事的备注', 'nothing was written');
    // A tag or blacklist change of the fan does not make an open remark stale.
    const customTag = (await admin.get(`${account()}/tags`)).body.items.find((t) => !t.reserved);
    await admin.post(`${account()}/tags/${customTag.id}/fans/add`, { openids: [openid] });
    const saved = await admin.request('PUT', `${fanUrl}/remark`, { remark: '我的备注' }, { 'if-match': `"${colleague.body.remarkRevision}"` });
    assert.equal(saved.status, 200);
    assert.equal(fanRow(openid).remark, '我的备注');
  });
});
