import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APPIDS, removeDataDir, signIn, startServer } from './helpers.mjs';
import { answerText, matchRule, repliesSent, ruleErrors } from '../src/rules/auto-reply.mjs';
import { eventsOfFan } from '../src/repositories/events.mjs';

const text = (t) => ({ type: 'text', text: t });
const rule = (patch = {}) => ({ name: '规则', keywords: [{ text: '优惠', match: 'full' }], replies: [text('欢迎')], mode: 'all', ...patch });
const stored = (id, keywords, patch = {}) => ({ id, createdAt: `2026-01-0${id}T00:00:00.000Z`, enabled: true, keywords, replies: [text(`r${id}`)], mode: 'all', name: `r${id}`, ...patch });
const full = (t) => ({ text: t, match: 'full' });
const partial = (t) => ({ text: t, match: 'partial' });

describe('auto-reply matching (WeChat order)', () => {
  it('lets a full match beat a partial one, even of a newer rule', () => {
    const rules = [stored(1, [full('优惠券')]), stored(2, [partial('优惠')])];
    assert.equal(matchRule(rules, '优惠券').rule.id, 1);
    assert.deepEqual(matchRule(rules, '优惠券').keyword, full('优惠券'));
    assert.equal(matchRule(rules, '有优惠券吗').rule.id, 2);
  });
  it('lets the most recently created rule win among matches of the same kind', () => {
    assert.equal(matchRule([stored(1, [partial('价格')]), stored(2, [partial('价')])], '请问价格').rule.id, 2);
    assert.equal(matchRule([stored(3, [full('hi')]), stored(2, [full('HI')])], 'hi').rule.id, 3);
    // Same creation time: the higher id is the newer one.
    const same = [stored(1, [full('a')], { createdAt: 'x' }), stored(5, [full('a')], { createdAt: 'x' })];
    assert.equal(matchRule(same, 'a').rule.id, 5);
  });
  it('ignores Latin case and surrounding spaces, and never matches a disabled rule', () => {
    assert.equal(matchRule([stored(1, [full('Hello')])], '  hELLO ').rule.id, 1);
    assert.equal(matchRule([stored(1, [partial('VIP')])], 'i am a vip member').rule.id, 1);
    assert.equal(matchRule([stored(1, [full('hello')], { enabled: false })], 'hello'), null);
    assert.equal(matchRule([stored(1, [full('hello')])], 'hello there'), null);
  });
  it('falls back to the default reply only when it is on', () => {
    const on = { defaultReply: { enabled: true, replies: [text('默认')] } };
    const off = { defaultReply: { enabled: false, replies: [text('默认')] } };
    assert.equal(answerText(on, [stored(1, [full('a')])], 'b').source, 'default');
    assert.equal(answerText(off, [stored(1, [full('a')])], 'b').source, 'none');
    assert.equal(answerText(on, [stored(1, [full('a')])], 'A').source, 'keyword');
  });
  it('sends every reply, or one drawn for random mode', () => {
    const replies = [text('1'), text('2'), text('3')];
    assert.equal(repliesSent(replies, 'all', () => 0.9).length, 3);
    assert.deepEqual(repliesSent(replies, 'random', () => 0.9), [text('3')]);
    assert.deepEqual(repliesSent(replies, 'random', () => 0), [text('1')]);
  });
});

describe('auto-reply rule limits', () => {
  const fields = (r) => ruleErrors(r).map((e) => e.field);
  it('accepts 10 keywords of 30 characters and 5 replies', () => {
    const keywords = Array.from({ length: 10 }, (_, i) => full(`${i}`.padEnd(30, '字')));
    assert.deepEqual(fields(rule({ keywords, replies: Array.from({ length: 5 }, () => text('x'.repeat(300))) })), []);
  });
  it('names the offending field', () => {
    assert.deepEqual(fields(rule({ keywords: Array.from({ length: 11 }, (_, i) => full(`k${i}`)) })), ['keywords']);
    assert.deepEqual(fields(rule({ keywords: [full('a'), full('b'), full('c'), full('字'.repeat(31))] })), ['keywords[3].text']);
    assert.deepEqual(fields(rule({ keywords: [] })), ['keywords']);
    assert.deepEqual(fields(rule({ keywords: [full('Hi'), partial('hi')] })), ['keywords[1].text']);
    assert.deepEqual(fields(rule({ replies: Array.from({ length: 6 }, () => text('x')) })), ['replies']);
    assert.deepEqual(fields(rule({ replies: [text('x'), text('x'.repeat(301))] })), ['replies[1].text']);
    assert.deepEqual(fields(rule({ replies: [{ type: 'image', mediaId: 'bad id!' }] })), ['replies[0].mediaId']);
    assert.deepEqual(fields(rule({ replies: [{ type: 'image', mediaId: 'Ab_3-x' }] })), []);
    assert.deepEqual(fields(rule({ name: ' ' })), ['name']);
    assert.deepEqual(fields(rule({ name: '名'.repeat(61) })), ['name']);
  });
});

describe('/api/wechat/accounts/{appid}/auto-reply', () => {
  let app, dataDir, suite, admin;
  const base = (appid = APPIDS.smart) => `/api/wechat/accounts/${appid}/auto-reply`;
  const push = (body, appid = APPIDS.smart) =>
    app.inject({ method: 'POST', url: '/__mock/wechat/events', payload: { appid, FromUserName: 'o_auto_reply_fan', ...body } }).then((r) => r.json());
  const ruleCount = () => suite.db.prepare('SELECT count(*) AS n FROM auto_reply_rules').get().n;
  const sentTo = (openid, appid = APPIDS.smart) =>
    eventsOfFan(suite.db, appid, openid).filter((e) => e.type === 'message.sent' && e.payload.source === 'auto-reply');

  before(async () => {
    ({ app, dataDir, suite } = await startServer());
    admin = await signIn(app, 'admin');
  });
  beforeEach(() => suite.reset('demo'));
  after(async () => {
    await app.close();
    removeDataDir(dataDir);
  });

  it('starts with both replies off and no rules, for every account type', async () => {
    for (const appid of [APPIDS.smart, APPIDS.subscription, APPIDS.unverified]) {
      const settings = await admin.get(base(appid));
      assert.equal(settings.status, 200);
      const { onFollow, defaultReply, ...counts } = settings.body;
      assert.deepEqual(counts, { ruleCount: 0, ruleLimit: 200 });
      for (const setting of [onFollow, defaultReply]) assert.deepEqual({ ...setting, revision: typeof setting.revision }, { enabled: false, replies: [], revision: 'string' });
    }
  });

  it("replies with the account's own materials only: an unknown or mistyped media id is 40007 naming the reply", async () => {
    const image = suite.db.prepare("SELECT media_id FROM materials WHERE appid = ? AND type = 'image' LIMIT 1").get(APPIDS.smart).media_id;
    const refused = await admin.post(`${base()}/rules`, rule({ replies: [text('好'), { type: 'voice', mediaId: image }] }));
    assert.equal(refused.status, 422);
    assert.equal(refused.body.code, 'WECHAT_40007');
    assert.deepEqual(refused.body.errors.map((e) => e.field), ['replies[1].mediaId']);
    assert.equal(ruleCount(), 0);
    const onFollow = await admin.put(`${base()}/on-follow`, { enabled: true, replies: [{ type: 'image', mediaId: 'NoSuchMaterial_1234' }] });
    assert.equal(onFollow.body.code, 'WECHAT_40007');
    const ok = await admin.post(`${base()}/rules`, rule({ replies: [{ type: 'image', mediaId: image }] }));
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
  });

  it('creates, updates and deletes rules; refusals name the field and write nothing', async () => {
    const created = await admin.post(`${base()}/rules`, rule({ name: ' 价格 ', keywords: [partial(' 价格 ')] }));
    assert.equal(created.status, 201);
    assert.equal(created.body.name, '价格');
    assert.deepEqual(created.body.keywords, [partial('价格')]);
    assert.equal(created.body.enabled, true);
    for (const [body, field] of [
      [rule({ keywords: [full('a'), full('b'), full('c'), full('x'.repeat(31))] }), 'keywords[3].text'],
      [rule({ replies: [] }), 'replies'],
      [rule({ mode: 'some' }), 'mode'],
      [rule({ keywords: [{ text: 'a', match: 'fuzzy' }] }), 'keywords[0].match'],
    ]) {
      const refused = await admin.post(`${base()}/rules`, body);
      assert.equal(refused.status, 400, JSON.stringify(body));
      assert.equal(refused.body.code, 'VALIDATION');
      assert.ok(refused.body.errors.some((e) => e.field === field), `${field}: ${JSON.stringify(refused.body.errors)}`);
    }
    assert.equal(ruleCount(), 1);
    const badUpdate = await admin.put(`${base()}/rules/${created.body.id}`, rule({ name: '' }));
    assert.equal(badUpdate.status, 400);
    assert.equal((await admin.get(`${base()}/rules`)).body.items[0].name, '价格');
    const updated = await admin.put(`${base()}/rules/${created.body.id}`, rule({ name: '新名', enabled: false }));
    assert.equal(updated.status, 200);
    assert.equal(updated.body.enabled, false);
    assert.equal(updated.body.createdAt, created.body.createdAt);
    assert.equal((await admin.delete(`${base()}/rules/${created.body.id}`)).status, 204);
    assert.equal((await admin.delete(`${base()}/rules/${created.body.id}`)).status, 404);
    assert.equal(ruleCount(), 0);
  });

  it('refuses a rule save or delete based on an older revision (STALE, nothing written)', async () => {
    const { body: opened } = await admin.post(`${base()}/rules`, rule({ name: '价格', keywords: [partial('价格')] }));
    const url = `${base()}/rules/${opened.id}`;
    const theirs = await admin.request('PUT', url, rule({ name: '同事改的', keywords: [partial('价格')] }), { 'if-match': `"${opened.revision}"` });
    assert.equal(theirs.status, 200);
    assert.notEqual(theirs.body.revision, opened.revision);
    const mine = await admin.request('PUT', url, rule({ name: '我改的', enabled: false }), { 'if-match': `"${opened.revision}"` });
    assert.equal(mine.status, 412);
    assert.equal(mine.body.code, 'STALE');
    assert.deepEqual(mine.body.errors.map((e) => e.field), ['header.If-Match']);
    const now = (await admin.get(`${base()}/rules`)).body.items[0];
    assert.deepEqual([now.name, now.enabled, now.revision], ['同事改的', true, theirs.body.revision], 'nothing was written');
    assert.equal((await admin.request('DELETE', url, undefined, { 'if-match': `"${opened.revision}"` })).status, 412);
    assert.equal(ruleCount(), 1);
    assert.equal((await admin.request('PUT', url, rule({ name: '我改的' }), { 'if-match': `"${now.revision}"` })).status, 200);
  });

  it('refuses an on-follow or default reply save over a change made meanwhile (STALE, nothing written)', async () => {
    const opened = (await admin.get(base())).body.onFollow;
    const theirs = await admin.request('PUT', `${base()}/on-follow`, { enabled: true, replies: [text('同事的欢迎语')] }, { 'if-match': `"${opened.revision}"` });
    assert.equal(theirs.status, 200);
    assert.notEqual(theirs.body.revision, opened.revision);
    const mine = await admin.request('PUT', `${base()}/on-follow`, { enabled: true, replies: [text('我的欢迎语')] }, { 'if-match': `"${opened.revision}"` });
    assert.equal(mine.status, 412);
    assert.equal(mine.body.code, 'STALE');
    assert.deepEqual((await admin.get(base())).body.onFollow.replies, [text('同事的欢迎语')], 'nothing was written');
    assert.equal((await admin.request('PUT', `${base()}/on-follow`, { enabled: true, replies: [text('我的欢迎语')] }, { 'if-match': `"${theirs.body.revision}"` })).status, 200);
    // The default reply has its own revision: the on-follow change did not make it stale.
    const other = (await admin.get(base())).body.defaultReply;
    assert.equal((await admin.request('PUT', `${base()}/default`, { enabled: false, replies: [] }, { 'if-match': `"${other.revision}"` })).status, 200);
  });

  it('refuses the 201st rule of an account with field `rules`', async () => {
    const insert = suite.db.prepare(
      "INSERT INTO auto_reply_rules (appid, name, keywords, replies, mode, created_at, updated_at) VALUES (?, ?, '[]', '[]', 'all', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
    );
    for (let i = 0; i < 199; i++) insert.run(APPIDS.smart, `r${i}`);
    assert.equal((await admin.post(`${base()}/rules`, rule())).status, 201);
    const refused = await admin.post(`${base()}/rules`, rule());
    assert.equal(refused.status, 400);
    assert.deepEqual(refused.body.errors.map((e) => e.field), ['rules']);
    assert.equal(ruleCount(), 200);
    // Another account has its own 200.
    assert.equal((await admin.post(`${base(APPIDS.subscription)}/rules`, rule())).status, 201);
  });

  it('answers the tester with the winning rule, its keyword and the candidate replies', async () => {
    const older = (await admin.post(`${base()}/rules`, rule({ name: '全匹配', keywords: [full('优惠券')], replies: [text('全')] }))).body;
    const newer = (await admin.post(`${base()}/rules`, rule({ name: '半匹配', keywords: [partial('优惠')], replies: [text('甲'), text('乙')], mode: 'random' }))).body;
    const fullHit = await admin.post(`${base()}/test`, { text: '优惠券' });
    assert.deepEqual(fullHit.body, { source: 'keyword', rule: { id: older.id, name: '全匹配' }, keyword: full('优惠券'), mode: 'all', replies: [text('全')] });
    const partialHit = (await admin.post(`${base()}/test`, { text: '有什么优惠' })).body;
    assert.equal(partialHit.rule.id, newer.id);
    assert.equal(partialHit.mode, 'random');
    assert.equal(partialHit.replies.length, 2);
    assert.deepEqual((await admin.post(`${base()}/test`, { text: '你好' })).body, { source: 'none', mode: 'all', replies: [] });
    await admin.put(`${base()}/default`, { enabled: true, replies: [text('稍后回复')] });
    assert.equal((await admin.post(`${base()}/test`, { text: '你好' })).body.source, 'default');
    assert.equal((await admin.post(`${base()}/test`, {})).status, 400);
  });

  it('answers a follow with the on-follow reply and records it', async () => {
    const refused = await admin.put(`${base()}/on-follow`, { enabled: true, replies: [] });
    assert.equal(refused.status, 400);
    assert.deepEqual(refused.body.errors.map((e) => e.field), ['replies']);
    assert.equal((await admin.put(`${base()}/on-follow`, { enabled: true, replies: [text('感谢关注')] })).status, 200);
    const answer = await push({ MsgType: 'event', Event: 'subscribe', FromUserName: 'o_new_follower' });
    assert.equal(answer.reply.MsgType, 'text');
    assert.equal(answer.reply.Content, '感谢关注');
    assert.equal(answer.reply.ToUserName, 'o_new_follower');
    assert.equal(answer.autoReply.source, 'onFollow');
    const sent = sentTo('o_new_follower');
    assert.equal(sent.length, 1);
    assert.equal(sent[0].payload.content, '感谢关注');
    // Switched off (replies kept): a follow gets nothing.
    assert.equal((await admin.put(`${base()}/on-follow`, { enabled: false, replies: [text('感谢关注')] })).body.enabled, false);
    const quiet = await push({ MsgType: 'event', Event: 'subscribe', FromUserName: 'o_other_follower' });
    assert.equal(quiet.reply, null);
    assert.equal(quiet.autoReply, undefined);
  });

  it("lets a QR code's on-scan reply answer a follow through it instead of the on-follow reply", async () => {
    await admin.put(`${base()}/on-follow`, { enabled: true, replies: [text('感谢关注')] });
    await admin.post(`/api/wechat/accounts/${APPIDS.smart}/qrcodes`, { name: '门店码', kind: 'temporary', expireSeconds: 3600, sceneId: 777001, reply: { type: 'text', content: '扫码欢迎' } });
    const viaCode = await push({ MsgType: 'event', Event: 'subscribe', EventKey: 'qrscene_777001', FromUserName: 'o_qr_follower' });
    assert.equal(viaCode.reply.Content, '扫码欢迎');
    assert.equal(viaCode.autoReply, undefined);
    assert.equal(sentTo('o_qr_follower').length, 0);
    // A code without a reply leaves the follow to the on-follow reply.
    await admin.post(`/api/wechat/accounts/${APPIDS.smart}/qrcodes`, { name: '无回复码', kind: 'temporary', expireSeconds: 3600, sceneId: 777002 });
    const quietCode = await push({ MsgType: 'event', Event: 'subscribe', EventKey: 'qrscene_777002', FromUserName: 'o_qr_follower_2' });
    assert.equal(quietCode.reply.Content, '感谢关注');
  });

  it('answers a text by the winning rule, records every reply sent, and shows it on the fan timeline', async () => {
    const created = (await admin.post(`${base()}/rules`, rule({ keywords: [partial('价格')], replies: [text('一'), text('二')] }))).body;
    const fan = (await admin.get(`/api/wechat/accounts/${APPIDS.smart}/fans?limit=1`)).body.items[0];
    const answer = await push({ MsgType: 'text', Content: '请问价格是多少', FromUserName: fan.openid });
    assert.equal(answer.reply.Content, '一');
    assert.equal(answer.autoReply.ruleId, created.id);
    assert.deepEqual(answer.autoReply.keyword, partial('价格'));
    assert.deepEqual(answer.autoReply.replies.map((r) => r.Content), ['一', '二']);
    const sent = sentTo(fan.openid);
    assert.deepEqual(sent.map((e) => [e.payload.ruleId, e.payload.content, e.payload.inReplyTo]), [
      [created.id, '一', answer.eventId],
      [created.id, '二', answer.eventId],
    ]);
    const timeline = (await admin.get(`/api/wechat/accounts/${APPIDS.smart}/fans/${fan.openid}`)).body.timeline;
    assert.ok(timeline.some((e) => e.kind === 'message' && e.outgoing && e.content === '二'), JSON.stringify(timeline.slice(0, 4)));
  });

  it('sends the default reply when nothing matches, and nothing when it is off', async () => {
    await admin.post(`${base()}/rules`, rule({ keywords: [full('菜单')] }));
    const silent = await push({ MsgType: 'text', Content: '随便说说' });
    assert.equal(silent.reply, null);
    assert.equal(sentTo('o_auto_reply_fan').length, 0);
    await admin.put(`${base()}/default`, { enabled: true, replies: [text('我们会尽快回复')] });
    const answered = await push({ MsgType: 'text', Content: '随便说说' });
    assert.equal(answered.reply.Content, '我们会尽快回复');
    assert.equal(answered.autoReply.source, 'default');
    assert.equal(sentTo('o_auto_reply_fan').length, 1);
  });

  it("sends only one of a random rule's replies", async () => {
    await admin.post(`${base()}/rules`, rule({ keywords: [full('抽奖')], replies: [text('A'), text('B'), text('C')], mode: 'random' }));
    const answer = await push({ MsgType: 'text', Content: '抽奖' });
    assert.equal(answer.autoReply.replies.length, 1);
    assert.ok(['A', 'B', 'C'].includes(answer.reply.Content));
  });
});
