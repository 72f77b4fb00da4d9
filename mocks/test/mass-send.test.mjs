import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APPIDS, openEventStream, removeDataDir, signIn, startServer, waitForJob } from './helpers.mjs';
import {
  FAN_MONTHLY_LIMIT, assertOpenidList, assertSendAt, audienceRefusal, checkOpenidList, inSegment, monthKey, quotaPeriod,
} from '../src/rules/mass-send.mjs';
import { incrementFanCount } from '../src/repositories/mass-sends.mjs';
import { runMassSendScheduler } from '../src/services/mass-send.mjs';
import { eventsOfFan } from '../src/repositories/events.mjs';

const sends = (appid = APPIDS.smart) => `/api/wechat/accounts/${appid}/mass-sends`;
const text = (t = '双十一会员日') => ({ type: 'text', text: t });
const ALL = { type: 'all' };
/** A Monday early in a China month, so that a few days ahead stay in the same month. */
const MONTH_START = Date.parse('2026-11-02T02:00:00Z');
const DAY = 86_400;

const subscribedOpenids = (suite, appid, n) =>
  suite.db.prepare('SELECT openid FROM fans WHERE appid = ? AND subscribed = 1 AND blacklisted = 0 ORDER BY id LIMIT ?').all(appid, n).map((r) => r.openid);
const massSendCount = (suite) => suite.db.prepare('SELECT count(*) AS n FROM mass_sends').get().n;
const fakeOpenid = (i) => `o${String(i).padStart(27, 'Z')}`;

describe('mass-send rules', () => {
  it('counts quotas per China day (subscription) and China month (service)', () => {
    // 2026-11-30T17:00Z is already 1 December in China.
    assert.equal(quotaPeriod('subscription', Date.parse('2026-11-30T15:59:59Z')).key, '2026-11-30');
    assert.equal(quotaPeriod('subscription', Date.parse('2026-11-30T16:00:00Z')).key, '2026-12-01');
    const month = quotaPeriod('service', Date.parse('2026-11-30T17:00:00Z'));
    assert.deepEqual([month.period, month.key, month.startsAt], ['month', '2026-12', '2026-11-30T16:00:00.000Z']);
  });

  it('reports invalid and duplicate openids per entry and bounds the list to 2–10,000', () => {
    const report = checkOpenidList([fakeOpenid(1), 'bad id', fakeOpenid(2), fakeOpenid(1), ' ']);
    assert.deepEqual(report.valid, [fakeOpenid(1), fakeOpenid(2)]);
    assert.deepEqual(report.invalid.map((e) => e.index), [1, 4]);
    assert.deepEqual(report.duplicates, [{ index: 3, openid: fakeOpenid(1), firstIndex: 0 }]);
    assert.throws(() => assertOpenidList([fakeOpenid(1)]), (p) => p.errors[0].field === 'audience.openids');
    assert.equal(assertOpenidList([fakeOpenid(1), fakeOpenid(2)]).length, 2);
    assert.equal(assertOpenidList(Array.from({ length: 10_000 }, (_, i) => fakeOpenid(i))).length, 10_000);
    assert.throws(() => assertOpenidList([fakeOpenid(1), 'x', fakeOpenid(1)]), (p) =>
      p.errors.map((e) => e.field).join() === 'audience.openids[1],audience.openids[2]');
  });

  it('gates tag sends on verification and openid lists on verified service accounts', () => {
    const tag = { type: 'tag', tagId: 100 };
    const list = { type: 'openids', openids: [] };
    assert.equal(audienceRefusal({ type: 'service', verified: true }, tag), null);
    assert.ok(audienceRefusal({ type: 'service', verified: false }, tag));
    assert.equal(audienceRefusal({ type: 'subscription', verified: true }, tag), null);
    assert.ok(audienceRefusal({ type: 'subscription', verified: true }, list));
    assert.ok(audienceRefusal({ type: 'service', verified: false }, list));
    assert.equal(audienceRefusal({ type: 'service', verified: true }, list), null);
  });

  it('gives segments a stable membership of about size/10,000 of the fans', () => {
    const segment = { id: 'seg_high_value', size: 1284 };
    const openids = Array.from({ length: 20_000 }, (_, i) => fakeOpenid(i));
    const members = openids.filter((o) => inSegment(segment, o)).length;
    assert.ok(members > 2_300 && members < 2_850, `${members} members`);
    assert.deepEqual(openids.filter((o) => inSegment(segment, o)), openids.filter((o) => inSegment(segment, o)));
  });

  it('wants sendAt in the future and within 30 days', () => {
    const now = MONTH_START;
    assert.throws(() => assertSendAt(new Date(now - 1000).toISOString(), now), /future/);
    assert.throws(() => assertSendAt(new Date(now + 31 * DAY * 1000).toISOString(), now), /30 days/);
    assert.equal(assertSendAt('2026-11-02T12:00:00+08:00', now), Date.parse('2026-11-02T04:00:00Z'));
  });
});

describe('mass-send API', () => {
  let app, dataDir, suite, admin, marketer;
  before(async () => {
    ({ app, dataDir, suite } = await startServer());
    admin = await signIn(app, 'admin');
    marketer = await signIn(app, 'marketer');
  });
  after(async () => {
    await app.close();
    removeDataDir(dataDir);
  });
  const blacklisted = (appid) =>
    suite.db.prepare('SELECT count(*) AS n FROM fans WHERE appid = ? AND subscribed = 1 AND blacklisted = 1').get(appid).n;
  beforeEach(() => {
    suite.reset('demo');
    suite.clock.set(MONTH_START);
  });

  const materialOf = (appid, type) => suite.db.prepare('SELECT media_id FROM materials WHERE appid = ? AND type = ? ORDER BY media_id LIMIT 1').get(appid, type).media_id;

  it("takes media content only from the account's own materials of that type (40007 otherwise, nothing written)", async () => {
    const image = materialOf(APPIDS.smart, 'image');
    const voice = materialOf(APPIDS.smart, 'voice');
    const before = massSendCount(suite);
    for (const [content, message] of [
      [{ type: 'image', mediaId: 'NoSuchMaterial_1234' }, /not a material of this account/],
      [{ type: 'image', mediaId: voice }, /is a voice material, not image/],
      [{ type: 'image', mediaId: materialOf(APPIDS.demo, 'image') }, /not a material of this account/],
    ]) {
      const refused = await admin.post(sends(), { audience: ALL, content });
      assert.equal(refused.status, 422);
      assert.equal(refused.body.code, 'WECHAT_40007');
      assert.equal(refused.body.errors[0].field, 'content.mediaId');
      assert.match(refused.body.errors[0].message, message);
    }
    assert.equal(massSendCount(suite), before);
    const ok = await admin.post(sends(), { audience: ALL, content: { type: 'image', mediaId: image }, sendAt: new Date(MONTH_START + 3_600_000).toISOString() });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
  });

  /** Sends now, waits for the job and delivers the result (2 s later on the mock clock). */
  async function sendAndFinish(api, appid, body) {
    const created = await api.post(sends(appid), body);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const job = await waitForJob(api, created.body.jobId);
    assert.equal(job.status, 'succeeded', JSON.stringify(job.error));
    suite.clock.advance(2);
    runMassSendScheduler(suite);
    return (await api.get(`${sends(appid)}/${created.body.id}`)).body;
  }

  it('sends to all fans: a job, a timeline entry per fan, totals only once the result arrives later', async () => {
    const port = await app.listen({ port: 0, host: '127.0.0.1' }).then((address) => new URL(address).port);
    const stream = await openEventStream(port, marketer.cookie);
    try {
      const created = await marketer.post(sends(), { audience: ALL, content: text(), clientMsgId: 'c-1' });
      assert.equal(created.status, 201);
      assert.equal(created.body.status, 'sending');
      const job = await waitForJob(marketer, created.body.jobId);
      const fans = suite.db.prepare('SELECT count(*) AS n FROM fans WHERE appid = ? AND subscribed = 1').get(APPIDS.smart).n;
      // Fans who blocked the account are WeChat's delivery errors.
      const blocked = blacklisted(APPIDS.smart);
      assert.ok(blocked > 0);
      assert.deepEqual(job.result, { massSendId: created.body.id, total: fans, sent: fans - blocked, filtered: 0, errors: blocked });

      // The job is over but WeChat's MASSSENDJOBFINISH has not come yet.
      runMassSendScheduler(suite);
      let detail = (await marketer.get(`${sends()}/${created.body.id}`)).body;
      assert.equal(detail.status, 'sending');
      assert.equal(detail.result, null);
      suite.clock.advance(1);
      runMassSendScheduler(suite);
      assert.equal((await marketer.get(`${sends()}/${created.body.id}`)).body.result, null);

      suite.clock.advance(1.5);
      runMassSendScheduler(suite);
      detail = (await marketer.get(`${sends()}/${created.body.id}`)).body;
      assert.equal(detail.status, 'finished');
      assert.deepEqual({ ...detail.result, arrivedAt: undefined }, { total: fans, sent: fans - blocked, filtered: 0, errors: blocked, arrivedAt: undefined });
      const pushed = await stream.next('mass-send.result');
      assert.equal(pushed.massSend.id, created.body.id);
      assert.equal(pushed.massSend.result.sent, fans - blocked);

      const [openid] = subscribedOpenids(suite, APPIDS.smart, 1);
      const timeline = (await marketer.get(`/api/wechat/accounts/${APPIDS.smart}/fans/${openid}`)).body.timeline;
      assert.equal(timeline[0].kind, 'massSend');
      assert.equal(timeline[0].msgId, created.body.msgId);
    } finally {
      stream.close();
    }
  });

  it('refuses the 2nd send of a China day for a subscription account, and allows one the next day', async () => {
    await sendAndFinish(marketer, APPIDS.subscription, { audience: ALL, content: text() });
    const before = massSendCount(suite);
    const second = await marketer.post(sends(APPIDS.subscription), { audience: ALL, content: text('again') });
    assert.equal(second.status, 422);
    assert.equal(second.body.code, 'WECHAT_45028');
    assert.equal(massSendCount(suite), before);
    const quota = (await marketer.get(`${sends(APPIDS.subscription)}/quota`)).body;
    assert.deepEqual([quota.period, quota.used, quota.remaining], ['day', 1, 0]);
    suite.clock.advance(DAY);
    assert.equal((await marketer.post(sends(APPIDS.subscription), { audience: ALL, content: text() })).status, 201);
  });

  it('allows a service account its 4th send of the month and refuses the 5th (scheduled sends hold a slot)', async () => {
    const tag = { type: 'tag', tagId: 102 };
    for (let i = 0; i < 3; i++) await sendAndFinish(admin, APPIDS.smart, { audience: tag, content: text(`第${i + 1}次`) });
    const fourth = await admin.post(sends(), { audience: tag, content: text('4'), sendAt: new Date(MONTH_START + 3_600_000).toISOString() });
    assert.equal(fourth.status, 201);
    assert.equal(fourth.body.status, 'scheduled');
    const quota = (await admin.get(`${sends()}/quota`)).body;
    assert.deepEqual([quota.period, quota.used, quota.remaining], ['month', 4, 0]);
    const fifth = await admin.post(sends(), { audience: tag, content: text('5') });
    assert.equal(fifth.body.code, 'WECHAT_45028');
    // Cancelling the scheduled one frees its slot.
    assert.equal((await admin.post(`${sends()}/${fourth.body.id}/cancel`)).body.status, 'cancelled');
    assert.equal((await admin.post(sends(), { audience: tag, content: text('5') })).status, 201);
    // Next China month: a fresh quota.
    suite.clock.set(Date.parse('2026-11-30T16:00:01Z'));
    assert.equal((await admin.get(`${sends()}/quota`)).body.used, 0);
  });

  it("skips a service account's fans who had 4 sends this month and reports them as filtered", async () => {
    // A service account sends 4 times a month, so its own sends never bring a fan past 4: the counts are
    // seeded, as if earlier sends this month had reached these fans.
    const month = monthKey(suite.clock.now());
    const full = subscribedOpenids(suite, APPIDS.smart, 3);
    for (const openid of full) for (let i = 0; i < FAN_MONTHLY_LIMIT; i++) incrementFanCount(suite.db, APPIDS.smart, month, openid);
    const estimate = (await marketer.post(`${sends(APPIDS.smart)}/estimate`, { audience: ALL })).body;
    assert.equal(estimate.filteredByFanLimit, 3);
    const blocked = blacklisted(APPIDS.smart);
    const sent = await sendAndFinish(marketer, APPIDS.smart, { audience: ALL, content: text() });
    assert.deepEqual([sent.result.filtered, sent.result.sent], [3, sent.result.total - blocked - 3]);
    assert.equal(eventsOfFan(suite.db, APPIDS.smart, full[0]).filter((e) => e.type === 'masssend.received').length, 0);
  });

  it("does not apply the per-fan limit to a subscription account's daily sends (PRODUCT §4: service accounts only)", async () => {
    for (let day = 0; day <= FAN_MONTHLY_LIMIT; day++) {
      const estimate = (await marketer.post(`${sends(APPIDS.subscription)}/estimate`, { audience: ALL })).body;
      assert.equal(estimate.filteredByFanLimit, 0);
      const done = await sendAndFinish(marketer, APPIDS.subscription, { audience: ALL, content: text(`day ${day}`) });
      assert.equal(done.result.filtered, 0);
      assert.equal(done.result.sent, done.result.total - blacklisted(APPIDS.subscription));
      suite.clock.advance(DAY);
    }
    const [openid] = subscribedOpenids(suite, APPIDS.subscription, 1);
    assert.equal(eventsOfFan(suite.db, APPIDS.subscription, openid).filter((e) => e.type === 'masssend.received').length, FAN_MONTHLY_LIMIT + 1);
  });

  it('sends to an openid list of 2 and of 10,000; refuses 1, 10,001, bad entries, and the wrong account types', async () => {
    const two = subscribedOpenids(suite, APPIDS.demo, 2);
    const small = await sendAndFinish(admin, APPIDS.demo, { audience: { type: 'openids', openids: two }, content: text() });
    assert.deepEqual([small.audience.openidCount, small.result.sent], [2, 2]);

    const tenThousand = subscribedOpenids(suite, APPIDS.demo, 10_000);
    const big = await sendAndFinish(admin, APPIDS.demo, { audience: { type: 'openids', openids: tenThousand }, content: text() });
    assert.equal(big.result.total, 10_000);

    const before = massSendCount(suite);
    const one = await admin.post(sends(APPIDS.demo), { audience: { type: 'openids', openids: two.slice(0, 1) }, content: text() });
    assert.deepEqual([one.status, one.body.errors[0].field], [400, 'audience.openids']);
    const tooMany = await admin.post(sends(APPIDS.demo), { audience: { type: 'openids', openids: [...tenThousand, fakeOpenid(1)] }, content: text() });
    assert.deepEqual([tooMany.status, tooMany.body.errors[0].field], [400, 'audience.openids']);
    const bad = await admin.post(sends(APPIDS.demo), { audience: { type: 'openids', openids: [two[0], 'nope', two[0], two[1]] }, content: text() });
    assert.deepEqual(bad.body.errors.map((e) => e.field), ['audience.openids[1]', 'audience.openids[2]']);
    for (const appid of [APPIDS.subscription, APPIDS.unverified]) {
      const refused = await admin.post(sends(appid), { audience: { type: 'openids', openids: two }, content: text() });
      assert.deepEqual([refused.status, refused.body.code], [403, 'ACCOUNT_TYPE_UNSUPPORTED']);
    }
    assert.equal(massSendCount(suite), before);

    const estimate = (await admin.post(`${sends(APPIDS.demo)}/estimate`, { audience: { type: 'openids', openids: [two[0], 'nope', two[0], fakeOpenid(7)] } })).body;
    assert.equal(estimate.recipients, 1);
    assert.deepEqual(estimate.openids.invalid, [{ index: 1, openid: 'nope' }]);
    assert.deepEqual(estimate.openids.duplicates, [{ index: 2, openid: two[0], firstIndex: 0 }]);
    assert.deepEqual(estimate.openids.notFans, [{ index: 1, openid: fakeOpenid(7) }]);
  });

  it('refuses by-tag sends of an unverified account and unknown tags or segments', async () => {
    const refused = await admin.post(sends(APPIDS.unverified), { audience: { type: 'tag', tagId: 100 }, content: text() });
    assert.deepEqual([refused.status, refused.body.code], [403, 'ACCOUNT_TYPE_UNSUPPORTED']);
    assert.equal((await admin.post(sends(), { audience: { type: 'tag', tagId: 999 }, content: text() })).body.errors[0].field, 'audience.tagId');
    assert.equal((await admin.post(sends(), { audience: { type: 'segment', segmentId: 'nope' }, content: text() })).body.errors[0].field, 'audience.segmentId');
    assert.equal((await admin.post(sends(), { audience: ALL, content: { type: 'text', text: '   ' } })).body.errors[0].field, 'content.text');
    assert.equal((await admin.post(sends(), { audience: ALL, content: { type: 'image', mediaId: 'bad id!' } })).body.errors[0].field, 'content.mediaId');
    assert.equal((await admin.post(sends(), { audience: ALL, content: { type: 'text', text: '字'.repeat(601) } })).body.errors[0].field, 'content.text');
    assert.equal(massSendCount(suite), 0);
  });

  it('estimates a segment with the deterministic membership and sends to it', async () => {
    const audience = { type: 'segment', segmentId: 'seg_active_30d' };
    const first = (await admin.post(`${sends(APPIDS.demo)}/estimate`, { audience })).body;
    const again = (await admin.post(`${sends(APPIDS.demo)}/estimate`, { audience })).body;
    assert.equal(first.recipients, again.recipients);
    const subscribed = suite.db.prepare('SELECT count(*) AS n FROM fans WHERE appid = ? AND subscribed = 1').get(APPIDS.demo).n;
    assert.ok(Math.abs(first.recipients / subscribed - 0.563) < 0.01, `${first.recipients} of ${subscribed}`);
  });

  it('refuses a clientMsgId repeated within 24 h (45065), not after', async () => {
    await sendAndFinish(admin, APPIDS.smart, { audience: { type: 'tag', tagId: 100 }, content: text(), clientMsgId: 'promo-1' });
    const repeat = await admin.post(sends(), { audience: { type: 'tag', tagId: 100 }, content: text(), clientMsgId: 'promo-1' });
    assert.deepEqual([repeat.status, repeat.body.code], [422, 'WECHAT_45065']);
    suite.clock.advance(DAY + 1);
    assert.equal((await admin.post(sends(), { audience: { type: 'tag', tagId: 100 }, content: text(), clientMsgId: 'promo-1' })).status, 201);
  });

  it('refuses every send with 48003 while the agreement is missing (a /__mock/ toggle)', async () => {
    const off = await app.inject({ method: 'POST', url: '/__mock/mass-send/agreement', payload: { appid: APPIDS.smart, signed: false } });
    assert.equal(off.statusCode, 200);
    const refused = await admin.post(sends(), { audience: ALL, content: text() });
    assert.deepEqual([refused.status, refused.body.code], [422, 'WECHAT_48003']);
    assert.equal((await admin.get(`${sends()}/quota`)).body.agreementSigned, false);
    assert.equal(massSendCount(suite), 0);
    await app.inject({ method: 'POST', url: '/__mock/mass-send/agreement', payload: { appid: APPIDS.smart, signed: true } });
    assert.equal((await admin.post(sends(), { audience: ALL, content: text() })).status, 201);
  });

  it('schedules on the mock clock: refuses the past, starts when the clock passes sendAt, cancels only before', async () => {
    const past = await admin.post(sends(), { audience: ALL, content: text(), sendAt: new Date(MONTH_START - 60_000).toISOString() });
    assert.deepEqual([past.status, past.body.errors[0].field], [400, 'sendAt']);
    const far = await admin.post(sends(), { audience: ALL, content: text(), sendAt: new Date(MONTH_START + 31 * DAY * 1000).toISOString() });
    assert.equal(far.status, 400);

    const sendAt = '2026-11-02T18:00:00+08:00';
    const scheduled = await admin.post(sends(), { audience: ALL, content: text(), sendAt });
    assert.equal(scheduled.body.status, 'scheduled');
    assert.equal(scheduled.body.sendAt, '2026-11-02T10:00:00.000Z');
    runMassSendScheduler(suite);
    assert.equal((await admin.get(`${sends()}/${scheduled.body.id}`)).body.status, 'scheduled');

    await app.inject({ method: 'POST', url: '/__mock/clock', payload: { set: '2026-11-02T18:00:01+08:00' } });
    runMassSendScheduler(suite);
    const started = (await admin.get(`${sends()}/${scheduled.body.id}`)).body;
    assert.equal(started.status, 'sending');
    const cancel = await admin.post(`${sends()}/${scheduled.body.id}/cancel`);
    assert.deepEqual([cancel.status, cancel.body.code], [409, 'CONFLICT']);
    await waitForJob(admin, started.jobId);

    const other = await admin.post(sends(), { audience: ALL, content: text(), sendAt: '2026-11-03T09:00:00+08:00' });
    assert.equal((await admin.post(`${sends()}/${other.body.id}/cancel`)).body.status, 'cancelled');
    await app.inject({ method: 'POST', url: '/__mock/clock', payload: { set: '2026-11-03T10:00:00+08:00' } });
    runMassSendScheduler(suite);
    assert.equal((await admin.get(`${sends()}/${other.body.id}`)).body.status, 'cancelled');
  });

  it('fails a scheduled send whose account was revoked before it was due', async () => {
    const scheduled = await admin.post(sends(), { audience: ALL, content: text(), sendAt: '2026-11-02T18:00:00+08:00' });
    const revoked = await app.inject({ method: 'POST', url: '/__mock/wechat/revoke', payload: { appid: APPIDS.smart } });
    assert.equal(revoked.statusCode, 200);
    suite.clock.set(Date.parse('2026-11-02T18:00:01+08:00'));
    runMassSendScheduler(suite);
    const row = suite.db.prepare('SELECT status, job_id, error FROM mass_sends WHERE id = ?').get(scheduled.body.id);
    assert.equal(row.status, 'failed');
    assert.equal(row.job_id, null);
    assert.equal(JSON.parse(row.error).code, 'FORBIDDEN_ACCOUNT');
  });

  it('previews to one fan (timeline entry) and refuses an openid that is not a fan (40003)', async () => {
    const [openid] = subscribedOpenids(suite, APPIDS.smart, 1);
    const sent = await marketer.post(`${sends()}/preview`, { openid, content: text('预览') });
    assert.equal(sent.status, 200);
    const timeline = (await marketer.get(`/api/wechat/accounts/${APPIDS.smart}/fans/${openid}`)).body.timeline;
    assert.equal(timeline[0].kind, 'massSend');
    const unknown = await marketer.post(`${sends()}/preview`, { openid: fakeOpenid(3), content: text() });
    assert.deepEqual([unknown.status, unknown.body.code], [422, 'WECHAT_40003']);
    assert.equal((await marketer.get(`${sends()}/quota`)).body.used, 0);
  });

  it('pages the history newest first and filters by status', async () => {
    for (let i = 0; i < 3; i++) await admin.post(sends(), { audience: ALL, content: text(`s${i}`), sendAt: new Date(MONTH_START + (i + 1) * 3_600_000).toISOString() });
    const page = (await admin.get(`${sends()}?limit=2`)).body;
    assert.equal(page.total, 3);
    assert.deepEqual(page.items.map((s) => s.content.text), ['s2', 's1']);
    assert.equal((await admin.get(`${sends()}?status=finished`)).body.total, 0);
    assert.equal((await admin.get(`${sends()}/999`)).status, 404);
  });

  it('keeps one draft per account and user', async () => {
    assert.deepEqual((await marketer.get(`${sends()}/draft`)).body, { document: null, updatedAt: null });
    const doc = { audienceType: 'tag', tagId: 100, contentType: 'text', text: '草稿' };
    assert.equal((await marketer.put(`${sends()}/draft`, doc)).status, 200);
    assert.deepEqual((await marketer.get(`${sends()}/draft`)).body.document, doc);
    assert.equal((await admin.get(`${sends()}/draft`)).body.document, null);
    assert.equal((await marketer.get(`${sends(APPIDS.subscription)}/draft`)).body.document, null);
    assert.equal((await marketer.put(`${sends()}/draft`, { audienceType: 'everyone' })).status, 400);
    assert.equal((await marketer.delete(`${sends()}/draft`)).status, 204);
    assert.equal((await marketer.get(`${sends()}/draft`)).body.document, null);
  });

  it('sends to 100,000 fans as a job with progress, in a few seconds', async () => {
    const started = performance.now();
    const created = await admin.post(sends(APPIDS.demo), { audience: ALL, content: text() });
    const job = await waitForJob(admin, created.body.jobId, { timeoutMs: 30_000 });
    const ms = performance.now() - started;
    assert.equal(job.status, 'succeeded');
    assert.ok(job.progress.total > 90_000);
    assert.equal(job.progress.done, job.progress.total);
    assert.ok(ms < 15_000, `${Math.round(ms)} ms`);
  });

  it('lets members use only their accounts', async () => {
    const sales = await signIn(app, 'sales');
    assert.equal((await sales.get(`${sends()}/quota`)).status, 403);
  });
});
