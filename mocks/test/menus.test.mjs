import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { byteLength, matchRuleViolations, menuViolations } from '../src/rules/menus.mjs';
import { APPIDS, removeDataDir, signIn, startServer } from './helpers.mjs';

const codes = (menu) => menuViolations(menu).map((v) => `${v.errcode} ${v.field}`);
const click = (name, key = 'K') => ({ type: 'click', name, key });

describe('menu rules (UTF-8 bytes, WeChat codes)', () => {
  it('counts UTF-8 bytes: Chinese 3, emoji 4', () => {
    assert.equal(byteLength('菜单'), 6);
    assert.equal(byteLength('🎉'), 4);
    assert.equal(byteLength('ab'), 2);
  });

  it('accepts a full 3 × 5 menu at the exact limits', () => {
    const sub = (i) => ({ type: 'view', name: '子'.repeat(20), url: `https://example.com/${i}` });
    const menu = { button: [0, 1, 2].map(() => ({ name: '一二三四五', sub_button: [0, 1, 2, 3, 4].map(sub) })) };
    menu.button[0].name = '一二三四五a'; // 16 bytes
    assert.deepEqual(codes(menu), []);
  });

  it('40016 for no or more than 3 top-level buttons, 40023 for more than 5 sub-buttons', () => {
    assert.deepEqual(codes({ button: [] }), ['40016 button']);
    assert.deepEqual(codes({ button: [click('a'), click('b'), click('c'), click('d')] }), ['40016 button']);
    const six = { button: [{ name: 'a', sub_button: Array.from({ length: 6 }, () => click('s')) }] };
    assert.deepEqual(codes(six), ['40023 button[0].sub_button']);
  });

  it('40018 / 40025 for names over 16 / 60 bytes, counting emoji and Chinese', () => {
    assert.deepEqual(codes({ button: [click('一二三四五六')] }), ['40018 button[0].name']); // 18 bytes
    assert.deepEqual(codes({ button: [click('🎉🎉🎉🎉a')] }), ['40018 button[0].name']); // 17 bytes
    assert.deepEqual(codes({ button: [click('🎉🎉🎉🎉')] }), []); // 16 bytes
    const longSub = { button: [{ name: 'a', sub_button: [click('子'.repeat(20) + 'x')] }] };
    assert.deepEqual(codes(longSub), ['40025 button[0].sub_button[0].name']);
    assert.deepEqual(codes({ button: [click('')] }), ['40018 button[0].name']);
  });

  it('40017 / 40024 for unknown types; a top-level button with sub-buttons needs none', () => {
    assert.deepEqual(codes({ button: [{ type: 'tel', name: 'a' }] }), ['40017 button[0].type']);
    assert.deepEqual(codes({ button: [{ name: 'a', sub_button: [{ type: 'x', name: 'b' }] }] }), ['40024 button[0].sub_button[0].type']);
    assert.deepEqual(codes({ button: [{ name: 'a', sub_button: [click('b')] }] }), []);
  });

  it('keys ≤ 128 bytes (40019 / 40026), urls ≤ 1024 bytes and http(s) (40020, 40055 / 40027, 40054)', () => {
    assert.deepEqual(codes({ button: [click('a', 'k'.repeat(129))] }), ['40019 button[0].key']);
    assert.deepEqual(codes({ button: [click('a', '键'.repeat(43))] }), ['40019 button[0].key']); // 129 bytes
    assert.deepEqual(codes({ button: [{ type: 'view', name: 'a', url: `https://e.com/${'x'.repeat(1011)}` }] }), ['40020 button[0].url']);
    assert.deepEqual(codes({ button: [{ type: 'view', name: 'a', url: 'ftp://e.com' }] }), ['40055 button[0].url']);
    assert.deepEqual(codes({ button: [{ name: 'a', sub_button: [{ type: 'view', name: 'b', url: 'e.com' }] }] }), ['40054 button[0].sub_button[0].url']);
  });

  it('mini-program buttons need appid, pagepath and a fallback url', () => {
    assert.deepEqual(codes({ button: [{ type: 'miniprogram', name: 'a' }] }), ['40020 button[0].url', '40166 button[0].appid', '40165 button[0].pagepath']);
  });

  it('a conditional menu needs a non-empty match rule and a known tag', () => {
    assert.equal(matchRuleViolations({}, [100])[0].errcode, 65304);
    assert.equal(matchRuleViolations({ tag_id: '999' }, [100])[0].errcode, 45159);
    assert.deepEqual(matchRuleViolations({ tag_id: '100', sex: '2' }, [100]), []);
  });
});

describe('/api/wechat/accounts/{appid}/menu', () => {
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
  const url = (appid, rest = '') => `/api/wechat/accounts/${appid}/menu${rest}`;

  it('serves the seeded live menu; an account without one has null', async () => {
    const live = await marketer.get(url(APPIDS.smart));
    assert.equal(live.status, 200);
    assert.deepEqual(live.body.menu.button.map((b) => b.name), ['品牌专区', '今日推荐', '会员服务']);
    assert.deepEqual(live.body.conditional, []);
    assert.equal((await admin.get(url(APPIDS.demo))).body.menu, null);
  });

  it('publishes a menu and answers it back, for subscription accounts too', async () => {
    const menu = { button: [click('订阅🎉'), { type: 'view', name: '文章', url: 'https://e.com/a' }] };
    const published = await marketer.put(url(APPIDS.subscription), menu);
    assert.equal(published.status, 200);
    assert.deepEqual(published.body.menu, menu);
    assert.deepEqual((await marketer.get(url(APPIDS.subscription))).body.menu, menu);
  });

  it('refuses a rule break with 422 WECHAT_<errcode> naming every offending button, and keeps the live menu', async () => {
    const before = (await admin.get(url(APPIDS.smart))).body.menu;
    const response = await admin.put(url(APPIDS.smart), { button: [click('一二三四五六'), { name: 'b', sub_button: [click('😀'.repeat(16))] }] });
    assert.equal(response.status, 422);
    assert.equal(response.body.code, 'WECHAT_40018');
    assert.deepEqual(response.body.errors.map((e) => e.field), ['button[0].name', 'button[1].sub_button[0].name']);
    assert.match(response.body.errors[1].message, /^40025/);
    assert.deepEqual((await admin.get(url(APPIDS.smart))).body.menu, before);
  });

  it('refuses mini-program buttons on an unverified account with ACCOUNT_TYPE_UNSUPPORTED', async () => {
    const mini = { type: 'miniprogram', name: '小程序', url: 'https://e.com', appid: 'wx0123456789abcdef', pagepath: 'pages/index' };
    const refused = await admin.put(url(APPIDS.unverified), { button: [mini] });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, 'ACCOUNT_TYPE_UNSUPPORTED');
    assert.match(refused.body.detail, /unverified service account/);
    assert.equal((await admin.put(url(APPIDS.demo), { button: [mini] })).status, 200);
  });

  it('validates the request shape with 400 VALIDATION before WeChat sees it', async () => {
    const response = await admin.put(url(APPIDS.demo), { button: [{ name: 'a', colour: 'red' }] });
    assert.equal(response.status, 400);
    assert.equal(response.body.code, 'VALIDATION');
  });

  it('conditional menus need a default menu first (65303), then are listed and deleted by menuid', async () => {
    const conditional = { button: [click('女士专区')], matchrule: { sex: '2' } };
    await admin.delete(url(APPIDS.demo));
    const refused = await admin.post(url(APPIDS.demo, '/conditional'), conditional);
    assert.equal(refused.status, 422);
    assert.equal(refused.body.code, 'WECHAT_65303');
    await admin.put(url(APPIDS.demo), { button: [click('默认')] });
    assert.equal((await admin.post(url(APPIDS.demo, '/conditional'), { ...conditional, matchrule: {} })).body.code, 'WECHAT_65304');
    assert.equal((await admin.post(url(APPIDS.demo, '/conditional'), { ...conditional, matchrule: { tag_id: '999' } })).body.code, 'WECHAT_45159');
    const created = await admin.post(url(APPIDS.demo, '/conditional'), conditional);
    assert.equal(created.status, 201);
    assert.match(created.body.menuid, /^\d{9}$/);
    assert.deepEqual((await admin.get(url(APPIDS.demo))).body.conditional.map((m) => m.menuid), [created.body.menuid]);
    assert.equal((await admin.delete(url(APPIDS.demo, `/conditional/${created.body.menuid}`))).status, 204);
    assert.equal((await admin.delete(url(APPIDS.demo, `/conditional/${created.body.menuid}`))).body.code, 'WECHAT_65301');
  });

  it('deleting the live menu removes the conditional menus too, as WeChat does', async () => {
    await admin.put(url(APPIDS.demo), { button: [click('默认')] });
    await admin.post(url(APPIDS.demo, '/conditional'), { button: [click('安卓')], matchrule: { client_platform_type: '2' } });
    assert.equal((await admin.delete(url(APPIDS.demo))).status, 204);
    assert.deepEqual((await admin.get(url(APPIDS.demo))).body, { menu: null, publishedAt: null, conditional: [] });
  });

  it('keeps one draft per account, invalid work in progress included, and discards it', async () => {
    assert.equal((await marketer.get(url(APPIDS.smart, '/draft'))).body.document, null);
    const document = { menus: [{ id: 'default', menuid: null, matchrule: null, button: [{ type: 'view', name: '一二三四五六七', url: '' }] }] };
    const saved = await marketer.put(url(APPIDS.smart, '/draft'), document);
    assert.equal(saved.status, 200);
    assert.deepEqual(saved.body.document, document);
    assert.equal((await marketer.get(url(APPIDS.subscription, '/draft'))).body.document, null, 'drafts are per account');
    assert.deepEqual((await admin.get(url(APPIDS.smart, '/draft'))).body.document, document);
    assert.equal((await marketer.delete(url(APPIDS.smart, '/draft'))).status, 204);
    assert.equal((await marketer.get(url(APPIDS.smart, '/draft'))).body.document, null);
  });

  it('refuses a draft save or discard based on another revision (STALE, nothing written), names who saved', async () => {
    const draftUrl = url(APPIDS.smart, '/draft');
    const mine = { menus: [{ id: 'default', menuid: null, matchrule: null, button: [click('我的')] }] };
    const theirs = { menus: [{ id: 'default', menuid: null, matchrule: null, button: [click('他的')] }] };
    const empty = await marketer.get(draftUrl);
    assert.equal(empty.body.revision, null);
    // If-None-Match: * creates only where there is no draft yet.
    const first = await marketer.request('PUT', draftUrl, theirs, { 'if-none-match': '*' });
    assert.equal(first.status, 200);
    assert.match(first.body.revision, /^[\w-]{16}$/);
    assert.equal(first.body.updatedByName, (await marketer.get('/api/session')).body.name);
    const again = await admin.request('PUT', draftUrl, mine, { 'if-none-match': '*' });
    assert.equal(again.status, 412);
    assert.equal(again.body.code, 'STALE');
    assert.deepEqual(again.body.errors.map((e) => e.field), ['header.If-None-Match']);
    // Someone saves over the revision the admin loaded: the admin's save with it is refused.
    const loaded = first.body.revision;
    const second = await marketer.request('PUT', draftUrl, theirs, { 'if-match': `"${loaded}"` });
    assert.equal(second.status, 200);
    assert.notEqual(second.body.revision, loaded, 'the same content saved again is a new revision');
    const refused = await admin.request('PUT', draftUrl, mine, { 'if-match': `"${loaded}"` });
    assert.equal(refused.status, 412);
    assert.equal(refused.body.code, 'STALE');
    assert.deepEqual(refused.body.errors.map((e) => e.field), ['header.If-Match']);
    assert.match(refused.body.detail, new RegExp(second.body.updatedByName));
    assert.deepEqual((await admin.get(draftUrl)).body.document, theirs, 'nothing was written');
    assert.equal((await admin.request('DELETE', draftUrl, undefined, { 'if-match': `"${loaded}"` })).status, 412);
    // With the current revision (weak or listed among others) the save goes through.
    const saved = await admin.request('PUT', draftUrl, mine, { 'if-match': `"x", W/"${second.body.revision}"` });
    assert.equal(saved.status, 200);
    assert.deepEqual(saved.body.document, mine);
    assert.equal((await admin.request('DELETE', draftUrl, undefined, { 'if-match': `"${saved.body.revision}"` })).status, 204);
    // Without a precondition the last writer wins, as before (clients that do not track revisions).
    assert.equal((await marketer.put(draftUrl, theirs)).status, 200);
    assert.equal((await admin.put(draftUrl, mine)).status, 200);
    assert.deepEqual((await marketer.get(draftUrl)).body.document, mine);
    await admin.delete(draftUrl);
  });

  it("answers FORBIDDEN_ACCOUNT for another department's account", async () => {
    const response = await marketer.get(url(APPIDS.demo));
    assert.equal(response.status, 403);
    assert.equal(response.body.code, 'FORBIDDEN_ACCOUNT');
  });
});
