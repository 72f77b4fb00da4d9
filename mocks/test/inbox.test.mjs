import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APPIDS, openEventStream, removeDataDir, signIn, startServer } from './helpers.mjs';
import { replyWindow, replyErrors, refusalCode } from '../src/rules/reply-window.mjs';
import { inboxEntryOf } from '../src/rules/inbox-messages.mjs';
import { seededMediaId } from '../seed/materials.mjs';
import { eventsOfFan } from '../src/repositories/events.mjs';

const H = 3_600_000;
const facts = (patch = {}) => ({ lastMessageAt: null, lastEventAt: null, repliesSinceMessage: 0, repliesSinceEvent: 0, ...patch });

describe('the reply window rule', () => {
  const t0 = Date.parse('2026-11-20T00:00:00Z');
  it('is closed before the fan ever wrote', () => {
    assert.deepEqual(replyWindow(facts(), t0), { open: false, reason: 'noMessage', basis: null, closesAt: null, repliesLeft: 0 });
  });
  it('stays open for 48 hours after a message, then refuses with 45015', () => {
    const w = replyWindow(facts({ lastMessageAt: t0 }), t0 + 48 * H - 1);
    assert.deepEqual(w, { open: true, reason: null, basis: 'message', closesAt: t0 + 48 * H, repliesLeft: 5 });
    const closed = replyWindow(facts({ lastMessageAt: t0 }), t0 + 48 * H);
    assert.equal(closed.reason, 'expired');
    assert.equal(refusalCode(closed), 45015);
  });
  it('allows 5 replies after a message and answers 45047 once they are used', () => {
    assert.equal(replyWindow(facts({ lastMessageAt: t0, repliesSinceMessage: 4 }), t0 + H).repliesLeft, 1);
    const used = replyWindow(facts({ lastMessageAt: t0, repliesSinceMessage: 5 }), t0 + H);
    assert.deepEqual([used.open, used.reason, refusalCode(used)], [false, 'quotaUsed', 45047]);
  });
  it('gives 3 replies within a minute of a click, follow or scan', () => {
    assert.deepEqual(replyWindow(facts({ lastEventAt: t0, repliesSinceEvent: 2 }), t0 + 59_999), {
      open: true, reason: null, basis: 'event', closesAt: t0 + 60_000, repliesLeft: 1,
    });
    assert.equal(replyWindow(facts({ lastEventAt: t0, repliesSinceEvent: 3 }), t0 + 1000).reason, 'quotaUsed');
    assert.equal(replyWindow(facts({ lastEventAt: t0 }), t0 + 60_000).reason, 'expired');
  });
  it('lets a click open a minute of replies when the message grant is used up', () => {
    const w = replyWindow(facts({ lastMessageAt: t0, repliesSinceMessage: 5, lastEventAt: t0 + H, repliesSinceEvent: 0 }), t0 + H + 1000);
    assert.deepEqual([w.open, w.basis, w.repliesLeft], [true, 'event', 3]);
  });
  it('checks a reply: blank, 2048 UTF-8 bytes, media id', () => {
    assert.deepEqual(replyErrors({ type: 'text', text: '字'.repeat(682) + 'ab' }), []);
    assert.deepEqual(replyErrors({ type: 'text', text: '字'.repeat(683) }).map((e) => e.field), ['text']);
    assert.deepEqual(replyErrors({ type: 'text', text: '  ' }).map((e) => e.field), ['text']);
    assert.deepEqual(replyErrors({ type: 'image', mediaId: 'bad id' }).map((e) => e.field), ['mediaId']);
  });
  it('reads each push type the inbox shows, and skips the others', () => {
    assert.equal(inboxEntryOf({ MsgType: 'location', Location_X: '31.2', Location_Y: '121.4', Label: '上海' }).details.latitude, 31.2);
    assert.equal(inboxEntryOf({ MsgType: 'shortvideo', MediaId: 'm' }).type, 'video');
    assert.equal(inboxEntryOf({ MsgType: 'event', Event: 'unsubscribe' }), null);
    assert.equal(inboxEntryOf({ MsgType: 'event', Event: 'MASSSENDJOBFINISH' }), null);
    assert.deepEqual(inboxEntryOf({ MsgType: 'event', Event: 'CLICK', EventKey: 'K' }), { type: 'event', event: 'click', content: 'K', details: { eventKey: 'K' } });
  });
});

describe('/api/wechat/accounts/{appid}/inbox', () => {
  let app, dataDir, suite, admin;
  const base = `/api/wechat/accounts/${APPIDS.smart}/inbox`;
  const push = async (body, appid = APPIDS.smart) => {
    const response = await app.inject({ method: 'POST', url: '/__mock/wechat/events', payload: { appid, ...body } });
    assert.equal(response.statusCode, 200, response.body);
    return response.json();
  };
  const conversation = (openid) => admin.get(`${base}/fans/${openid}/conversation`);
  const replyTo = (openid, body = { type: 'text', text: '您好' }) => admin.post(`${base}/fans/${openid}/replies`, body);
  const rows = () => suite.db.prepare('SELECT count(*) AS n FROM inbox_messages').get().n;
  const advance = (advanceSeconds) => app.inject({ method: 'POST', url: '/__mock/clock', payload: { advanceSeconds } });

  before(async () => {
    ({ app, dataDir, suite } = await startServer());
    admin = await signIn(app, 'admin');
  });
  beforeEach(() => suite.reset('demo'));
  after(async () => {
    await app.close();
    removeDataDir(dataDir);
  });

  it('stores every message type and the shown events, marks what the auto reply answered, and skips unsubscribes', async () => {
    await admin.put(`/api/wechat/accounts/${APPIDS.smart}/auto-reply/default`, { enabled: true, replies: [{ type: 'text', text: '稍后回复您' }] });
    const fan = 'o_inbox_types';
    const pushes = [
      { MsgType: 'text', Content: '第一条' },
      { MsgType: 'image', MediaId: 'img1', PicUrl: 'https://example.com/a.jpg' },
      { MsgType: 'voice', MediaId: 'v1', Format: 'amr', Recognition: '语音内容' },
      { MsgType: 'video', MediaId: 'vid1', ThumbMediaId: 't1' },
      { MsgType: 'location', Location_X: 31.2, Location_Y: 121.4, Scale: 15, Label: '南京西路' },
      { MsgType: 'link', Title: '标题', Description: '描述', Url: 'https://example.com' },
      { MsgType: 'event', Event: 'subscribe', EventKey: '' },
      { MsgType: 'event', Event: 'SCAN', EventKey: '1001' },
      { MsgType: 'event', Event: 'CLICK', EventKey: 'MENU_A' },
      { MsgType: 'event', Event: 'VIEW', EventKey: 'https://example.com/menu' },
    ];
    const ids = [];
    for (const p of pushes) ids.push((await push({ FromUserName: fan, ...p })).inboxMessageId);
    assert.ok(ids.every((id) => Number.isInteger(id)));
    assert.equal((await push({ FromUserName: fan, MsgType: 'event', Event: 'unsubscribe' })).inboxMessageId, null);

    const { body } = await conversation(fan);
    const incoming = body.items.filter((i) => i.direction === 'in');
    assert.deepEqual(incoming.map((i) => i.event ?? i.type), ['text', 'image', 'voice', 'video', 'location', 'link', 'subscribe', 'scan', 'click', 'view']);
    assert.equal(incoming[2].content, '语音内容');
    assert.equal(incoming[4].details.label, '南京西路');
    // The default reply answered the text (only texts get it); the on-follow reply is off in the demo.
    assert.deepEqual(incoming.map((i) => i.autoReplied), [true, false, false, false, false, false, false, false, false, false]);
    const auto = body.items.filter((i) => i.source === 'auto');
    assert.deepEqual(auto.map((i) => i.content), ['稍后回复您']);
  });

  it('lists newest first with the fan, filters by type, starred, needs reply and text, and pages by cursor', async () => {
    const first = await admin.get(`${base}/messages?limit=5`);
    assert.equal(first.status, 200);
    assert.equal(first.body.items.length, 5);
    const times = first.body.items.map((m) => m.createdAt);
    assert.deepEqual(times, [...times].sort().reverse());
    const second = await admin.get(`${base}/messages?limit=5&cursor=${first.body.nextCursor}`);
    assert.ok(second.body.items[0].createdAt <= times[4]);
    assert.equal(new Set([...first.body.items, ...second.body.items].map((m) => m.id)).size, 10);
    let all = [];
    for (let cursor = null; ; ) {
      const page = await admin.get(`${base}/messages?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      all = all.concat(page.body.items);
      cursor = page.body.nextCursor;
      if (!cursor) break;
    }
    assert.equal(all.length, first.body.total);

    const locations = await admin.get(`${base}/messages?type=location`);
    assert.ok(locations.body.total >= 1);
    assert.ok(locations.body.items.every((m) => m.type === 'location'));

    const starred = await admin.get(`${base}/messages?starred=true`);
    assert.equal(starred.body.total, 2);
    assert.ok(starred.body.items.every((m) => m.starred));

    const needs = await admin.get(`${base}/messages?needsReply=true&limit=100`);
    assert.ok(needs.body.items.length > 0);
    assert.ok(needs.body.items.every((m) => m.needsReply && m.type !== 'event'));
    assert.ok(!needs.body.items.some((m) => m.content === '我的订单一直没有发货'), 'answered by hand');
    assert.ok(!needs.body.items.some((m) => m.content === '优惠券'), 'answered by the auto reply');
    assert.ok(needs.body.items.some((m) => m.content === '请问会员积分怎么兑换？'));

    const found = await admin.get(`${base}/messages?q=${encodeURIComponent('积分怎么')}`);
    assert.deepEqual(found.body.items.map((m) => m.content), ['请问会员积分怎么兑换？']);
    const literal = await admin.get(`${base}/messages?q=${encodeURIComponent('%')}`);
    assert.equal(literal.body.total, 0);

    const bad = await admin.get(`${base}/messages?cursor=nonsense`);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].field, 'cursor');
    const badType = await admin.get(`${base}/messages?type=sticker`);
    assert.equal(badType.status, 400);
  });

  it('stars and unstars a fan message, and not a reply or another account’s message', async () => {
    const { body } = await admin.get(`${base}/messages?starred=false&limit=1`);
    const id = body.items[0].id;
    const starred = await admin.put(`${base}/messages/${id}/star`);
    assert.equal(starred.status, 200);
    assert.equal(starred.body.starred, true);
    assert.ok((await admin.get(`${base}/messages?starred=true`)).body.items.some((m) => m.id === id));
    const unstarred = await admin.delete(`${base}/messages/${id}/star`);
    assert.equal(unstarred.body.starred, false);
    const other = await admin.put(`/api/wechat/accounts/${APPIDS.subscription}/inbox/messages/${id}/star`);
    assert.equal(other.status, 404);
    const reply = suite.db.prepare("SELECT id FROM inbox_messages WHERE appid = ? AND direction = 'out'").get(APPIDS.smart);
    assert.equal((await admin.put(`${base}/messages/${reply.id}/star`)).status, 404);
  });

  it('replies inside the 48 hours and refuses just after them with 45015, writing nothing', async () => {
    const fan = 'o_inbox_window';
    await push({ FromUserName: fan, MsgType: 'event', Event: 'subscribe' });
    const { inboxMessageId } = await push({ FromUserName: fan, MsgType: 'text', Content: '在吗' });
    const listed = await admin.get(`${base}/messages?needsReply=true&limit=100`);
    assert.ok(listed.body.items.some((m) => m.id === inboxMessageId));

    await advance(48 * 3600 - 5);
    const sent = await replyTo(fan);
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    assert.deepEqual([sent.body.reply.direction, sent.body.reply.source, sent.body.reply.content], ['out', 'manual', '您好']);
    assert.deepEqual([sent.body.window.open, sent.body.window.repliesLeft], [true, 4]);
    const timeline = (await admin.get(`/api/wechat/accounts/${APPIDS.smart}/fans/${fan}`)).body.timeline;
    assert.ok(timeline.some((e) => e.kind === 'message' && e.outgoing && e.content === '您好'), 'the fan timeline shows the reply');
    const after = await admin.get(`${base}/messages?needsReply=true&limit=100`);
    assert.ok(!after.body.items.some((m) => m.id === inboxMessageId), 'answered');

    await advance(5);
    const before = rows();
    const eventsBefore = eventsOfFan(suite.db, APPIDS.smart, fan).length;
    const refused = await replyTo(fan);
    assert.equal(eventsOfFan(suite.db, APPIDS.smart, fan).length, eventsBefore);
    assert.equal(refused.status, 422);
    assert.equal(refused.body.code, 'WECHAT_45015');
    assert.equal(rows(), before);
    const { body } = await conversation(fan);
    assert.deepEqual([body.window.open, body.window.reason], [false, 'expired']);
  });

  it('counts 5 replies after a message (45047 on the sixth) and starts again with the next message', async () => {
    const fan = 'o_inbox_count';
    await push({ FromUserName: fan, MsgType: 'text', Content: '问题' });
    for (let i = 0; i < 5; i++) assert.equal((await replyTo(fan, { type: 'text', text: `回复 ${i}` })).status, 201);
    const before = rows();
    const refused = await replyTo(fan);
    assert.equal(refused.body.code, 'WECHAT_45047');
    assert.equal(rows(), before);
    assert.equal((await conversation(fan)).body.window.reason, 'quotaUsed');

    await advance(10);
    await push({ FromUserName: fan, MsgType: 'text', Content: '再问一下' });
    const again = await replyTo(fan);
    assert.equal(again.status, 201);
    assert.equal(again.body.window.repliesLeft, 4);
  });

  it('gives 3 replies within a minute of a menu click, follow or scan, and none after it', async () => {
    for (const [fan, event] of [['o_inbox_click', { Event: 'CLICK', EventKey: 'K' }], ['o_inbox_follow', { Event: 'subscribe' }], ['o_inbox_scan', { Event: 'SCAN', EventKey: '1001' }]]) {
      await push({ FromUserName: fan, MsgType: 'event', ...event });
      for (let i = 0; i < 3; i++) assert.equal((await replyTo(fan)).status, 201, `${fan} reply ${i}`);
      assert.equal((await replyTo(fan)).body.code, 'WECHAT_45047', fan);
    }
    await push({ FromUserName: 'o_inbox_late', MsgType: 'event', Event: 'CLICK', EventKey: 'K' });
    await advance(61);
    assert.equal((await replyTo('o_inbox_late')).body.code, 'WECHAT_45015');
    // A link-type menu button only opens a page: no window.
    await push({ FromUserName: 'o_inbox_view', MsgType: 'event', Event: 'VIEW', EventKey: 'https://example.com' });
    assert.equal((await replyTo('o_inbox_view')).body.code, 'WECHAT_45015');
  });

  it('backdated messages open no window, and bad replies name the field and write nothing', async () => {
    const fan = 'o_inbox_old';
    const now = Math.floor(suite.clock.now() / 1000);
    await push({ FromUserName: fan, MsgType: 'text', Content: '很久以前', CreateTime: now - 49 * 3600 });
    assert.equal((await replyTo(fan)).body.code, 'WECHAT_45015');

    await push({ FromUserName: fan, MsgType: 'text', Content: '现在' });
    const before = rows();
    const long = await replyTo(fan, { type: 'text', text: '字'.repeat(683) });
    assert.deepEqual([long.status, long.body.code, long.body.errors[0].field], [400, 'VALIDATION', 'text']);
    const missing = await replyTo(fan, { type: 'image', mediaId: 'NotAMaterial' });
    assert.deepEqual([missing.status, missing.body.code, missing.body.errors[0].field], [422, 'WECHAT_40007', 'mediaId']);
    assert.equal(rows(), before);
    const unknown = await replyTo('o_nobody_ever', { type: 'text', text: 'hi' });
    assert.equal(unknown.status, 404);

    const image = await replyTo(fan, { type: 'image', mediaId: seededMediaId(APPIDS.smart, 'spring') });
    assert.equal(image.status, 201, JSON.stringify(image.body));
    assert.deepEqual([image.body.reply.type, image.body.reply.details.mediaId], ['image', seededMediaId(APPIDS.smart, 'spring')]);
  });

  it('announces a new message on the event stream to users who see the account', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = app.server.address().port;
    const sales = await signIn(app, 'sales');
    const mine = await openEventStream(port, admin.cookie);
    const theirs = await openEventStream(port, sales.cookie);
    try {
      const { inboxMessageId } = await push({ FromUserName: 'o_inbox_live', MsgType: 'text', Content: '实时' });
      const event = await mine.next('inbox.message');
      assert.deepEqual(event, { appid: APPIDS.smart, messageId: inboxMessageId, openid: 'o_inbox_live', direction: 'in' });
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.ok(!theirs.events.some((e) => e.event === 'inbox.message'));
    } finally {
      mine.close();
      theirs.close();
    }
  });
});
