import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APPIDS, removeDataDir, signIn, startServer, waitForJob } from './helpers.mjs';
import { TEMPLATE_LIMIT, assertLink, assertTemplateData, checkFieldValue, deliveryOf, syncDiff, templateFields } from '../src/rules/templates.mjs';
import { inSegment } from '../src/rules/mass-send.mjs';
import { eventsOfFan } from '../src/repositories/events.mjs';
import { PRIVATE_TEMPLATES } from '../src/wechat/message-templates.mjs';

const base = (appid = APPIDS.smart) => `/api/wechat/accounts/${appid}/templates`;
const SHIPPING = PRIVATE_TEMPLATES[0];
const SHIPPING_DATA = {
  thing1: { value: 'Dmartech 智能音箱' },
  character_string2: { value: 'DM20261111001' },
  time3: { value: '2026年11月11日 10:30' },
  amount4: { value: '¥299.00' },
  phrase5: { value: '已发货' },
};

describe('template rules', () => {
  it('parses fields with their kind and the label before them', () => {
    assert.deepEqual(templateFields(SHIPPING.content), [
      { key: 'thing1', kind: 'thing', label: '商品名称' },
      { key: 'character_string2', kind: 'character_string', label: '订单编号' },
      { key: 'time3', kind: 'time', label: '发货时间' },
      { key: 'amount4', kind: 'amount', label: '订单金额' },
      { key: 'phrase5', kind: 'phrase', label: '物流状态' },
    ]);
  });

  it('applies each field kind as WeChat does', () => {
    const ok = (kind, value) => assert.equal(checkFieldValue(kind, value), null, `${kind} ${value}`);
    const bad = (kind, value, rule) => assert.equal(checkFieldValue(kind, value)?.rule, rule, `${kind} ${value}`);
    ok('thing', '一二三四五六七八九十一二三四五六七八九十');
    bad('thing', '一二三四五六七八九十一二三四五六七八九十一', 'tooLong');
    bad('thing', '  ', 'required');
    bad('thing', '两行\n文字', 'lineBreak');
    // Counted in characters: an emoji is one, not two UTF-16 units.
    ok('thing', '😀'.repeat(20));
    ok('number', '12345');
    ok('number', '12.5');
    bad('number', '12a', 'number');
    ok('amount', '¥299.00');
    ok('amount', '12.5元');
    bad('amount', '¥1.234', 'amount');
    bad('amount', '二十元', 'amount');
    ok('time', '2026年11月11日 10:30');
    ok('time', '2026-11-11 10:30:05');
    ok('time', '10:30');
    bad('time', '2026年11月11日', 'time');
    bad('time', '25:00', 'time');
    ok('date', '2026年11月11日');
    ok('date', '2026-11-11 10:30');
    bad('date', '11月11日', 'date');
    ok('phrase', '已发货');
    bad('phrase', '已经发货了啦', 'tooLong');
    bad('phrase', 'OK', 'phrase');
    ok('character_string', 'DM-2026_11#001');
    bad('character_string', 'DM 2026', 'characterString');
    bad('character_string', '订单123', 'characterString');
    bad('character_string', 'A'.repeat(33), 'tooLong');
    ok('phone_number', '021-62881234');
    bad('phone_number', '电话', 'phoneNumber');
    bad('car_number', '沪A12345沪A12345沪A12345', 'tooLong');
  });

  it('names every bad value and refuses first/remark lines', () => {
    const fields = templateFields(SHIPPING.content);
    assert.throws(
      () => assertTemplateData(fields, { ...SHIPPING_DATA, amount4: { value: 'free' }, phrase5: { value: '' }, first: { value: '您好' } }),
      (p) => p.status === 400 && p.errors.map((e) => e.field).join() === 'data.first,data.amount4.value,data.phrase5.value',
    );
    assert.equal(assertTemplateData(fields, SHIPPING_DATA).thing1.value, 'Dmartech 智能音箱');
  });

  it('takes a link URL or a mini-program page, not both', () => {
    assert.deepEqual(assertLink({ url: 'https://dmartech.cn/o/1' }), { url: 'https://dmartech.cn/o/1' });
    assert.throws(() => assertLink({ url: 'javascript:alert(1)' }), (p) => p.errors[0].field === 'url');
    assert.throws(() => assertLink({ url: 'ftp://x.cn' }), (p) => p.errors[0].field === 'url');
    const mp = { appid: 'wx0123456789abcdef', pagepath: 'pages/order/index?id=1' };
    assert.deepEqual(assertLink({ miniprogram: mp }), { miniprogram: mp });
    assert.throws(() => assertLink({ miniprogram: { ...mp, appid: 'nope' } }), (p) => p.errors[0].field === 'miniprogram.appid');
    assert.throws(() => assertLink({ miniprogram: { ...mp, pagepath: ' ' } }), (p) => p.errors[0].field === 'miniprogram.pagepath');
    assert.throws(() => assertLink({ url: 'https://dmartech.cn', miniprogram: mp }), (p) => p.errors[0].field === 'miniprogram');
    assert.deepEqual(assertLink({}), {});
  });

  it('diffs a sync against WeChat and tells deliveries from refusals', () => {
    const diff = syncDiff([{ templateId: 'a' }, { templateId: 'b' }], [{ templateId: 'b' }, { templateId: 'c' }]);
    assert.deepEqual([diff.added, diff.removed, diff.unchanged].map((l) => l.map((t) => t.templateId)), [['c'], ['a'], ['b']]);
    assert.deepEqual(deliveryOf(undefined), { status: 'failed', errcode: 40003, reason: 'unknown_openid' });
    assert.equal(deliveryOf({ subscribed: 0, blacklisted: 0 }).errcode, 43004);
    assert.equal(deliveryOf({ subscribed: 1, blacklisted: 1 }).errcode, 43019);
    assert.equal(deliveryOf({ subscribed: 1, blacklisted: 0 }).status, 'sent');
  });
});

describe('templates API', () => {
  let app, dataDir, suite, admin;
  before(async () => {
    ({ app, dataDir, suite } = await startServer());
    admin = await signIn(app, 'admin');
  });
  after(async () => {
    await app.close();
    removeDataDir(dataDir);
  });
  beforeEach(() => suite.reset('demo'));

  const count = (table) => suite.db.prepare(`SELECT count(*) AS n FROM ${table}`).get().n;
  const writes = () => ['templates', 'wechat_templates', 'wechat_template_accounts', 'template_sends', 'template_send_results', 'jobs'].map(count).join();

  async function synced(appid = APPIDS.smart) {
    const sync = await admin.post(`${base(appid)}/sync`);
    assert.equal(sync.status, 200, JSON.stringify(sync.body));
    return sync.body.items;
  }

  it('refuses every template route for subscription and unverified accounts, writing nothing', async () => {
    const before = writes();
    for (const appid of [APPIDS.subscription, APPIDS.unverified]) {
      for (const [method, url, body] of [
        ['GET', base(appid)],
        ['POST', `${base(appid)}/sync`],
        ['POST', base(appid), { templateIdShort: SHIPPING.shortId }],
        ['GET', `${base(appid)}/library`],
        ['DELETE', `${base(appid)}/abc`],
        ['GET', `${base(appid)}/sends`],
        ['POST', `${base(appid)}/sends`, { templateId: 'abc', data: {}, audience: { type: 'tag', tagId: 100 } }],
        ['GET', `${base(appid)}/sends/1`],
        ['GET', `${base(appid)}/sends/1/results`],
      ]) {
        const response = await admin.request(method, url, body);
        assert.equal(response.status, 403, `${method} ${url}`);
        assert.equal(response.body.code, 'ACCOUNT_TYPE_UNSUPPORTED');
        assert.match(response.body.detail, appid === APPIDS.subscription ? /subscription account/ : /unverified service account/);
      }
    }
    assert.equal(writes(), before);
  });

  it('syncs with added / removed / unchanged counts, WeChat winning', async () => {
    const first = await admin.post(`${base()}/sync`);
    assert.deepEqual([first.body.added, first.body.removed, first.body.unchanged, first.body.total], [PRIVATE_TEMPLATES.length, 0, 0, PRIVATE_TEMPLATES.length]);
    assert.deepEqual(first.body.items.map((t) => t.title), PRIVATE_TEMPLATES.map((t) => t.title));
    assert.equal(first.body.items[0].fields.length, 5);
    // The administrator deletes one in WeChat's back office and renames another.
    const [gone, renamed] = first.body.items;
    const removed = await admin.post('/__mock/wechat/templates/remove', { appid: APPIDS.smart, templateId: gone.templateId });
    assert.equal(removed.status, 200, JSON.stringify(removed.body));
    assert.equal((await admin.post('/__mock/wechat/templates/remove', { appid: APPIDS.smart, templateId: gone.templateId })).status, 404);
    suite.db.prepare("UPDATE wechat_templates SET title = '会员积分变更提醒' WHERE appid = ? AND template_id = ?").run(APPIDS.smart, renamed.templateId);
    const second = await admin.post(`${base()}/sync`);
    assert.deepEqual([second.body.added, second.body.removed, second.body.unchanged], [0, 1, PRIVATE_TEMPLATES.length - 1]);
    assert.ok(!second.body.items.some((t) => t.templateId === gone.templateId));
    assert.equal(second.body.items.find((t) => t.templateId === renamed.templateId).title, '会员积分变更提醒');
    assert.equal((await admin.get(base())).body.total, PRIVATE_TEMPLATES.length - 1);
  });

  it('holds at most 25 templates: the 26th is 45026 and changes nothing', async () => {
    await synced();
    const library = (await admin.get(`${base()}/library`)).body.items;
    for (let i = PRIVATE_TEMPLATES.length; i < TEMPLATE_LIMIT; i++) {
      const added = await admin.post(base(), { templateIdShort: library[i % library.length].templateIdShort });
      assert.equal(added.status, 201, JSON.stringify(added.body));
    }
    assert.equal((await admin.get(base())).body.total, TEMPLATE_LIMIT);
    const before = writes();
    const refused = await admin.post(base(), { templateIdShort: library[0].templateIdShort });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.code, 'WECHAT_45026');
    assert.equal(writes(), before);
    // Deleting one makes room again.
    const victim = (await admin.get(base())).body.items[0];
    assert.equal((await admin.delete(`${base()}/${victim.templateId}`)).status, 204);
    assert.equal((await admin.post(base(), { templateIdShort: library[0].templateIdShort })).status, 201);
    const unknown = await admin.post(base(), { templateIdShort: 'OPENTM000' });
    assert.deepEqual([unknown.status, unknown.body.errors[0].field], [400, 'templateIdShort']);
  });

  it('deletes a template on both sides: a sync does not bring it back', async () => {
    const [first] = await synced();
    assert.equal((await admin.delete(`${base()}/${first.templateId}`)).status, 204);
    assert.equal((await admin.delete(`${base()}/${first.templateId}`)).status, 404);
    const again = await admin.post(`${base()}/sync`);
    assert.deepEqual([again.body.added, again.body.removed], [0, 0]);
  });

  it('refuses bad values, links and audiences naming the field, writing nothing', async () => {
    const [shipping] = await synced();
    const before = writes();
    const send = (over) => admin.post(`${base()}/sends`, { templateId: shipping.templateId, data: SHIPPING_DATA, audience: { type: 'tag', tagId: 100 }, ...over });
    for (const [over, field] of [
      [{ templateId: 'NoSuchTemplate' }, 'templateId'],
      [{ data: { ...SHIPPING_DATA, thing1: { value: '一二三四五六七八九十一二三四五六七八九十一' } } }, 'data.thing1.value'],
      [{ data: { ...SHIPPING_DATA, character_string2: { value: '订单 1' } } }, 'data.character_string2.value'],
      [{ data: { ...SHIPPING_DATA, time3: { value: '明天' } } }, 'data.time3.value'],
      [{ data: { ...SHIPPING_DATA, amount4: { value: '299块' } } }, 'data.amount4.value'],
      [{ data: { ...SHIPPING_DATA, phrase5: { value: 'shipped' } } }, 'data.phrase5.value'],
      [{ data: { ...SHIPPING_DATA, remark: { value: '感谢惠顾' } } }, 'data.remark'],
      [{ url: 'https://dmartech.cn', miniprogram: { appid: 'wx0123456789abcdef', pagepath: 'pages/a' } }, 'miniprogram'],
      [{ url: 'mailto:a@b.cn' }, 'url'],
      [{ audience: { type: 'tag', tagId: 999 } }, 'audience.tagId'],
      [{ audience: { type: 'segment', segmentId: 'seg_nope' } }, 'audience.segmentId'],
      [{ audience: { type: 'openids', openids: ['oValidLooking_but_too_short'] } }, 'audience.openids[0]'],
    ]) {
      const refused = await send(over);
      assert.equal(refused.status, 400, JSON.stringify(over));
      assert.equal(refused.body.code, 'VALIDATION');
      assert.equal(refused.body.errors[0].field, field, JSON.stringify(refused.body));
    }
    const colour = await send({ data: { ...SHIPPING_DATA, thing1: { value: 'x', color: '#ff0000' } } });
    assert.equal(colour.status, 400);
    assert.match(colour.body.errors[0].field, /^data\.thing1/);
    assert.equal(writes(), before);
  });

  it('refuses a template deleted in WeChat since the last sync with 40037, writing nothing', async () => {
    const [shipping] = await synced();
    suite.db.prepare('DELETE FROM wechat_templates WHERE appid = ? AND template_id = ?').run(APPIDS.smart, shipping.templateId);
    const before = writes();
    const refused = await admin.post(`${base()}/sends`, { templateId: shipping.templateId, data: SHIPPING_DATA, audience: { type: 'tag', tagId: 100 } });
    assert.deepEqual([refused.status, refused.body.code], [422, 'WECHAT_40037']);
    assert.equal(writes(), before);
  });

  it('sends to an openid list as a job with a result per recipient and a template_sent event per delivery', async () => {
    const [shipping] = await synced();
    const fan = (where) => suite.db.prepare(`SELECT openid FROM fans WHERE appid = ? AND ${where} ORDER BY id LIMIT 1`).get(APPIDS.smart).openid;
    const subscribed = fan('subscribed = 1 AND blacklisted = 0');
    const unsubscribed = fan('subscribed = 0');
    const blacklisted = fan('subscribed = 1 AND blacklisted = 1');
    const stranger = `o${'Q'.repeat(27)}`;
    const created = await admin.post(`${base()}/sends`, {
      templateId: shipping.templateId, data: SHIPPING_DATA, url: 'https://dmartech.cn/orders/1',
      audience: { type: 'openids', openids: [subscribed, unsubscribed, blacklisted, stranger] },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.status, 'sending');
    assert.equal((await waitForJob(admin, created.body.jobId)).status, 'succeeded');
    const send = (await admin.get(`${base()}/sends/${created.body.id}`)).body;
    assert.equal(send.status, 'finished');
    assert.deepEqual(send.totals, { total: 4, sent: 1, failed: 3 });
    assert.equal(send.url, 'https://dmartech.cn/orders/1');
    const results = (await admin.get(`${base()}/sends/${created.body.id}/results`)).body;
    assert.deepEqual(results.items.map((r) => [r.openid, r.status, r.errcode, r.reason]), [
      [subscribed, 'sent', null, null],
      [unsubscribed, 'failed', 43004, 'unsubscribed'],
      [blacklisted, 'failed', 43019, 'blacklisted'],
      [stranger, 'failed', 40003, 'unknown_openid'],
    ]);
    assert.equal((await admin.get(`${base()}/sends/${created.body.id}/results?status=failed`)).body.total, 3);
    const events = eventsOfFan(suite.db, APPIDS.smart, subscribed).filter((e) => e.type === 'template_sent');
    assert.equal(events.length, 1);
    assert.equal(events[0].payload.TemplateId, shipping.templateId);
    assert.equal(events[0].payload.Data.phrase5.value, '已发货');
    assert.equal(events[0].payload.MsgID, results.items[0].msgId);
    assert.equal(eventsOfFan(suite.db, APPIDS.smart, unsubscribed).filter((e) => e.type === 'template_sent').length, 0);
    const history = (await admin.get(`${base()}/sends`)).body;
    assert.deepEqual([history.total, history.items[0].id, history.items[0].audience.openidCount], [1, created.body.id, 4]);
  });

  it('sends to a tag: every fan with the tag, unfollowed ones failing with 43004', async () => {
    const [shipping] = await synced();
    const tagged = suite.db.prepare(`SELECT openid, subscribed, blacklisted FROM fans WHERE appid = ? AND instr(tag_ids, ',102,') + instr(tag_ids, '[102,') + instr(tag_ids, ',102]') + instr(tag_ids, '[102]') > 0`).all(APPIDS.smart);
    const expectedSent = tagged.filter((f) => f.subscribed && !f.blacklisted).length;
    const unfollowed = tagged.filter((f) => !f.subscribed).length;
    assert.ok(unfollowed > 0, 'the seed has unfollowed fans with tag 102');
    const created = await admin.post(`${base()}/sends`, {
      templateId: shipping.templateId, data: SHIPPING_DATA, miniprogram: { appid: 'wx0123456789abcdef', pagepath: 'pages/order/index?id=1' },
      audience: { type: 'tag', tagId: 102 },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    await waitForJob(admin, created.body.jobId);
    const send = (await admin.get(`${base()}/sends/${created.body.id}`)).body;
    assert.deepEqual(send.totals, { total: tagged.length, sent: expectedSent, failed: tagged.length - expectedSent });
    assert.equal(send.audience.tagName, 'VIP');
    assert.deepEqual(send.miniprogram, { appid: 'wx0123456789abcdef', pagepath: 'pages/order/index?id=1' });
    const failed = (await admin.get(`${base()}/sends/${created.body.id}/results?status=failed&limit=100`)).body.items;
    assert.equal(failed.filter((r) => r.errcode === 43004).length, unfollowed);
  });

  it('sends to a host segment, resolved as mass send resolves it', async () => {
    const [shipping] = await synced();
    const segment = { id: 'seg_new_signup', size: 342 };
    const members = suite.db.prepare('SELECT openid FROM fans WHERE appid = ? ORDER BY id').all(APPIDS.smart).filter((f) => inSegment(segment, f.openid));
    assert.ok(members.length > 0);
    const created = await admin.post(`${base()}/sends`, { templateId: shipping.templateId, data: SHIPPING_DATA, audience: { type: 'segment', segmentId: segment.id } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    await waitForJob(admin, created.body.jobId);
    const send = (await admin.get(`${base()}/sends/${created.body.id}`)).body;
    assert.equal(send.totals.total, members.length);
    assert.equal(send.audience.segmentName, '新注册用户');
    const results = (await admin.get(`${base()}/sends/${created.body.id}/results?limit=100`)).body;
    assert.deepEqual(results.items.map((r) => r.openid), members.slice(0, 100).map((m) => m.openid));
  });
});
