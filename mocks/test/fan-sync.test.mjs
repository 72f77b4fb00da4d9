import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APPIDS, client, removeDataDir, signIn, startServer, waitForJob } from './helpers.mjs';
import Database from 'better-sqlite3';
import { BATCHGET_MAX, USER_GET_PAGE_SIZE } from '../src/wechat/user-api.mjs';

describe('"Sync WeChat fans" against the simulated WeChat user API', () => {
  let app, dataDir, suite, admin, control;
  const db = () => suite.db;
  const sync = (api, appid) => api.post(`/api/wechat/accounts/${appid}/fans/sync`);
  const calls = async () => (await control.get('/__mock/wechat/api-calls')).body.items;

  before(async () => {
    ({ app, dataDir, suite } = await startServer());
    admin = await signIn(app, 'admin');
    control = client(app);
  });
  after(async () => {
    await app.close();
    removeDataDir(dataDir);
  });
  beforeEach(async () => {
    await control.post('/__mock/reset', { scenario: 'demo' });
  });

  it('serves followers as WeChat does: 10,000 openids per user/get after next_openid, 100 per batchget', async () => {
    const users = suite.wechatUsers;
    const first = await users.userGet(db(), APPIDS.demo, '');
    assert.equal(first.count, USER_GET_PAGE_SIZE);
    assert.equal(first.data.openid.length, USER_GET_PAGE_SIZE);
    assert.equal(first.next_openid, first.data.openid.at(-1));
    const subscribed = db().prepare('SELECT COUNT(*) AS n FROM fans WHERE appid = ? AND subscribed = 1').get(APPIDS.demo).n;
    assert.equal(first.total, subscribed);
    const second = await users.userGet(db(), APPIDS.demo, first.next_openid);
    assert.equal(second.count, USER_GET_PAGE_SIZE);
    assert.ok(!second.data.openid.includes(first.next_openid));
    assert.equal(new Set([...first.data.openid, ...second.data.openid]).size, 2 * USER_GET_PAGE_SIZE);

    const batch = first.data.openid.slice(0, BATCHGET_MAX).map((openid) => ({ openid, lang: 'zh_CN' }));
    const infos = await users.batchGet(db(), APPIDS.demo, batch);
    assert.equal(infos.user_info_list.length, 100);
    const known = db().prepare('SELECT * FROM fans WHERE appid = ? AND openid = ?').get(APPIDS.demo, batch[0].openid);
    assert.equal(infos.user_info_list[0].subscribe, 1);
    assert.equal(infos.user_info_list[0].subscribe_time, known.subscribe_time);
    assert.equal(infos.user_info_list[0].subscribe_scene, known.subscribe_scene);
    const tooMany = [...batch, { openid: first.data.openid[100], lang: 'zh_CN' }];
    assert.equal((await users.batchGet(db(), APPIDS.demo, tooMany)).errcode, 40032);
  });

  it('a full sync of 100,000 fans pages through user/get and batchget within their limits; the seed is in sync', async () => {
    const { body } = await sync(admin, APPIDS.demo);
    const job = await waitForJob(admin, body.jobId, { timeoutMs: 60_000 });
    assert.equal(job.status, 'succeeded', JSON.stringify(job.error));
    assert.equal(job.type, 'fans.sync');
    const total = job.result.total;
    assert.deepEqual(job.result, { total, created: 0, updated: 0, unchanged: total, unsubscribed: 0, pages: 10, resumedFrom: null });
    assert.deepEqual(job.progress, { done: total, total });
    const log = await calls();
    const pages = log.filter((c) => c.api === 'user/get');
    assert.equal(pages.length, 10);
    assert.equal(pages[0].nextOpenid, '');
    const batches = log.filter((c) => c.api === 'user/info/batchget');
    assert.equal(batches.length, Math.ceil(total / 100));
    assert.ok(batches.every((c) => c.count >= 1 && c.count <= 100));
  });

  it('fails with WECHAT_45009 mid-way, keeps its cursor, and a new start resumes from the last page', async () => {
    // The 4th user/get call (page 4) answers 45009: pages 1-3 (30,000 followers) are written.
    await control.post('/__mock/faults', { route: 'WECHAT /cgi-bin/user/get', errcode: 45009, skip: 3 });
    const failed = await waitForJob(admin, (await sync(admin, APPIDS.demo)).body.jobId, { timeoutMs: 60_000 });
    assert.equal(failed.status, 'failed');
    assert.equal(failed.error.code, 'WECHAT_45009');
    assert.equal(failed.error.status, 422);
    assert.equal(failed.progress.done, 30_000);
    const state = (await admin.get(`/api/wechat/accounts/${APPIDS.demo}/fans/sync`)).body;
    assert.equal(state.run.status, 'failed');
    assert.equal(state.run.resumable, true);
    assert.equal(state.run.done, 30_000);
    assert.equal(state.run.pages, 3);
    const pagesBefore = (await calls()).filter((c) => c.api === 'user/get' && !c.errcode);
    await control.delete('/__mock/wechat/api-calls');

    const resumed = await waitForJob(admin, (await sync(admin, APPIDS.demo)).body.jobId, { timeoutMs: 60_000 });
    assert.equal(resumed.status, 'succeeded', JSON.stringify(resumed.error));
    assert.equal(resumed.result.resumedFrom, 30_000);
    const log = await calls();
    const firstPage = log.find((c) => c.api === 'user/get');
    // Resumed after page 3's last openid, not from the start of the list.
    assert.notEqual(firstPage.nextOpenid, '');
    assert.equal(firstPage.nextOpenid, (await suite.wechatUsers.userGet(db(), APPIDS.demo, pagesBefore[2].nextOpenid)).next_openid);
    assert.equal(log.filter((c) => c.api === 'user/info/batchget').length, Math.ceil((resumed.result.total - 30_000) / 100));
    assert.equal(resumed.result.pages, 10);
    assert.equal(resumed.result.unchanged, resumed.result.total);
  });

  it('a 45009 inside a page resumes at the batch it stopped at', async () => {
    await control.post('/__mock/faults', { route: 'WECHAT /cgi-bin/user/info/batchget', errcode: 45009, skip: 5 });
    const failed = await waitForJob(admin, (await sync(admin, APPIDS.smart)).body.jobId);
    assert.equal(failed.error.code, 'WECHAT_45009');
    assert.equal(failed.progress.done, 500);
    await control.delete('/__mock/wechat/api-calls');
    const resumed = await waitForJob(admin, (await sync(admin, APPIDS.smart)).body.jobId);
    assert.equal(resumed.status, 'succeeded');
    assert.equal(resumed.result.resumedFrom, 500);
    const batches = (await calls()).filter((c) => c.api === 'user/info/batchget');
    assert.equal(batches.length, Math.ceil((resumed.result.total - 500) / 100));
  });

  it('creates new followers as fans and contacts, updates changed ones, marks unlisted fans unsubscribed and keeps them', async () => {
    const appid = APPIDS.unverified;
    const [gone, changed] = db().prepare('SELECT * FROM fans WHERE appid = ? AND subscribed = 1 ORDER BY id LIMIT 2').all(appid);
    const contactsBefore = db().prepare('SELECT COUNT(*) AS n FROM contacts').get().n;
    // The suite lost one follower (WeChat still lists it), holds stale facts for another,
    // and believes an openid WeChat no longer lists is subscribed.
    db().prepare('DELETE FROM fans WHERE id = ?').run(gone.id);
    db().prepare("UPDATE fans SET language = 'fr' WHERE id = ?").run(changed.id);
    const contact = db().prepare("INSERT INTO contacts (name, created_at) VALUES ('离开的人', '2026-01-01T00:00:00.000Z')").run().lastInsertRowid;
    db().prepare(`INSERT INTO fans (appid, openid, contact_id, subscribed, subscribe_time) VALUES (?, 'oLeftWhileUnbound000000000001', ?, 1, 1700000000)`)
      .run(appid, contact);

    const job = await waitForJob(admin, (await sync(admin, appid)).body.jobId);
    assert.equal(job.status, 'succeeded', JSON.stringify(job.error));
    assert.equal(job.result.created, 1);
    assert.equal(job.result.updated, 1);
    assert.equal(job.result.unsubscribed, 1);
    assert.equal(job.result.unchanged, job.result.total - 2);

    const recreated = db().prepare('SELECT * FROM fans WHERE appid = ? AND openid = ?').get(appid, gone.openid);
    assert.equal(recreated.subscribed, 1);
    assert.notEqual(recreated.contact_id, gone.contact_id, 'a new follower gets its own new contact');
    assert.equal(db().prepare('SELECT language FROM fans WHERE id = ?').get(changed.id).language, changed.language, 'WeChat\'s facts win');
    const left = db().prepare("SELECT * FROM fans WHERE openid = 'oLeftWhileUnbound000000000001'").get();
    assert.equal(left.subscribed, 0);
    assert.equal(db().prepare('SELECT name FROM contacts WHERE id = ?').get(left.contact_id).name, '离开的人');
    const event = db().prepare("SELECT * FROM events WHERE appid = ? AND openid = 'oLeftWhileUnbound000000000001'").get(appid);
    assert.equal(event.type, 'unsubscribe');
    assert.equal(db().prepare('SELECT COUNT(*) AS n FROM contacts').get().n, contactsBefore + 2, 'nothing deleted');

    // A second sync finds nothing to do.
    const again = await waitForJob(admin, (await sync(admin, appid)).body.jobId);
    assert.deepEqual([again.result.created, again.result.updated, again.result.unsubscribed], [0, 0, 0]);
  });

  it('follows and unfollows pushed to the mock are what WeChat lists', async () => {
    const appid = APPIDS.unverified;
    const leaving = db().prepare('SELECT openid FROM fans WHERE appid = ? AND subscribed = 1 LIMIT 1').get(appid).openid;
    const push = (FromUserName, Event) => control.post('/__mock/wechat/events', { appid, FromUserName, MsgType: 'event', Event });
    await push(leaving, 'unsubscribe');
    await push('oNewcomer0000000000000000001', 'subscribe');
    const job = await waitForJob(admin, (await sync(admin, appid)).body.jobId);
    assert.deepEqual([job.result.created, job.result.updated, job.result.unsubscribed], [0, 0, 0]);
    const page = await suite.wechatUsers.userGet(db(), appid, '');
    assert.equal(page.data.openid.at(-1), 'oNewcomer0000000000000000001');
    assert.ok(!page.data.openid.includes(leaving));
  });

  it('a second start joins the running sync; another user is refused with CONFLICT', async () => {
    await control.post('/__mock/faults', { route: 'WECHAT /cgi-bin/user/get', latencyMs: 400 });
    const first = await sync(admin, APPIDS.smart);
    assert.equal(first.status, 202);
    const second = await sync(admin, APPIDS.smart);
    assert.equal(second.body.jobId, first.body.jobId);
    const state = (await admin.get(`/api/wechat/accounts/${APPIDS.smart}/fans/sync`)).body;
    assert.equal(state.activeJobId, first.body.jobId);
    const marketer = await signIn(app, 'marketer');
    const refused = await sync(marketer, APPIDS.smart);
    assert.equal(refused.status, 409);
    assert.equal(refused.body.code, 'CONFLICT');
    assert.equal((await waitForJob(admin, first.body.jobId)).status, 'succeeded');
    assert.equal((await sync(marketer, APPIDS.demo)).body.code, 'FORBIDDEN_ACCOUNT');
  });

  it('faults take a WeChat errcode; on an /api route it answers 422 WECHAT_<errcode>', async () => {
    const added = await control.post('/__mock/faults', { route: 'GET /api/wechat/accounts', errcode: 45009 });
    assert.equal(added.status, 201);
    assert.equal(added.body.errcode, 45009);
    const refused = await admin.get('/api/wechat/accounts');
    assert.equal(refused.status, 422);
    assert.equal(refused.body.code, 'WECHAT_45009');
    assert.equal((await admin.get('/api/wechat/accounts')).status, 200);
    assert.equal((await control.post('/__mock/faults', { route: 'WECHAT /cgi-bin/user/get', errcode: 'x' })).status, 400);
    assert.equal((await control.post('/__mock/faults', { route: 'WECHAT /cgi-bin/user/get', skip: 2 })).status, 400);
  });
});

describe('"Sync WeChat fans" across a restart', () => {
  it('continues the same job from its persisted cursor when the mock restarts mid-way', async () => {
    const first = await startServer({ jobStepDelayMs: 150 });
    const { dataDir } = first;
    const admin = await signIn(first.app, 'admin');
    const { jobId } = (await admin.post(`/api/wechat/accounts/${APPIDS.demo}/fans/sync`)).body;
    // Stop the mock once the first steps are written (well before the last of ~40).
    for (let waited = 0; (await admin.get(`/api/jobs/${jobId}`)).body.progress.done === 0; waited += 20) {
      assert.ok(waited < 20_000, 'the sync never started');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await first.app.close();

    const db = new Database(`${dataDir}/live.sqlite`, { readonly: true });
    const stopped = db.prepare('SELECT * FROM fan_sync_runs WHERE appid = ?').get(APPIDS.demo);
    db.close();
    assert.equal(stopped.status, 'running');
    assert.ok(stopped.done > 0 && stopped.done < stopped.total, `stopped at ${stopped.done}`);

    const second = await startServer({ dataDir });
    try {
      const resumed = await waitForJob(client(second.app, admin.cookie), jobId, { timeoutMs: 60_000 });
      assert.equal(resumed.status, 'succeeded', JSON.stringify(resumed.error));
      assert.equal(resumed.result.resumedFrom, stopped.done);
      assert.equal(resumed.result.pages, 10);
      assert.equal(resumed.result.unchanged, resumed.result.total);
      const batches = second.suite.wechatUsers.calls().filter((c) => c.api === 'user/info/batchget');
      assert.equal(batches.length, Math.ceil((resumed.result.total - stopped.done) / 100));
    } finally {
      await second.app.close();
      removeDataDir(dataDir);
    }
  });
});
