import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { setTimeout as sleep } from 'node:timers/promises';
import { APPIDS, authorizeThroughPage, client, removeDataDir, signIn, startServer, waitForJob } from './helpers.mjs';
import { wechatRefused } from '../src/lib/problems.mjs';

const badRequest = async (job) => {
  job.progress(0, 1);
  await job.step();
  throw wechatRefused(45009, 'reach max api daily quota limit');
};

describe('job engine and /api/jobs', () => {
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

  it('runs a registered job type step by step; lists it as active while it runs, only to its creator', async () => {
    let release;
    const gate = new Promise((resolve) => (release = resolve));
    app.mockSuite.jobs.registerJobType('test.gated', async (job) => {
      job.progress(0, 2);
      await gate;
      await job.step();
      job.progress(1, 2);
      await job.step();
      job.progress(2, 2);
      return { answer: 42 };
    });
    const started = app.mockSuite.jobs.start({ type: 'test.gated', createdBy: 'usr_marketer' });
    assert.equal(started.status, 'queued');
    await sleep(20);

    const active = await marketer.get('/api/jobs?active=true');
    assert.deepEqual(active.body.items.map((j) => [j.id, j.status, j.progress.total]), [[started.id, 'running', 2]]);
    assert.deepEqual((await admin.get('/api/jobs?active=true')).body.items, []);
    const foreign = await admin.get(`/api/jobs/${started.id}`);
    assert.equal(foreign.status, 404);
    assert.equal(foreign.body.code, 'NOT_FOUND');

    release();
    const done = await waitForJob(marketer, started.id);
    assert.equal(done.status, 'succeeded');
    assert.deepEqual(done.progress, { done: 2, total: 2 });
    assert.deepEqual(done.result, { answer: 42 });
    assert.equal(done.error, null);
    assert.deepEqual((await marketer.get('/api/jobs?active=true')).body.items, []);
    assert.equal((await marketer.get('/api/jobs')).body.items[0].id, started.id);
  });

  it('records a failed job with a Problem', async () => {
    app.mockSuite.jobs.registerJobType('test.failing', badRequest);
    const job = app.mockSuite.jobs.start({ type: 'test.failing', createdBy: 'usr_admin' });
    const failed = await waitForJob(admin, job.id);
    assert.equal(failed.status, 'failed');
    assert.equal(failed.error.code, 'WECHAT_45009');
    assert.equal(failed.error.status, 422);
  });

  it('cancels an account\'s running jobs when it is unbound', async () => {
    app.mockSuite.jobs.registerJobType('test.endless', async (job) => {
      for (let i = 0; ; i++) {
        await job.step();
        job.progress(i, 1_000_000);
      }
    });
    const job = app.mockSuite.jobs.start({ type: 'test.endless', appid: APPIDS.unverified, createdBy: 'usr_admin' });
    await sleep(30);
    await app.inject({ method: 'POST', url: '/__mock/wechat/revoke', payload: { appid: APPIDS.unverified } });
    assert.equal((await admin.delete(`/api/wechat/accounts/${APPIDS.unverified}`)).status, 204);
    const cancelled = await waitForJob(admin, job.id);
    assert.equal(cancelled.status, 'cancelled');
  });
});

describe('jobs across a restart', () => {
  it('resumes a resumable job where it stopped and fails the others', async () => {
    const first = await startServer({ jobStepDelayMs: 120 });
    const { dataDir } = first;
    const admin = await signIn(first.app, 'admin');
    first.app.mockSuite.jobs.registerJobType('test.stuck', async () => new Promise(() => {}));
    const stuck = first.app.mockSuite.jobs.start({ type: 'test.stuck', createdBy: 'usr_admin' });
    const { jobId } = await authorizeThroughPage(admin, { appid: APPIDS.newService, permissions: ['message'] });
    await sleep(200);
    await first.app.close();

    const db = new Database(`${dataDir}/live.sqlite`, { readonly: true });
    const left = db.prepare('SELECT status, done, total FROM jobs WHERE id = ?').get(jobId);
    db.close();
    assert.equal(left.status, 'running');
    assert.ok(left.done > 0 && left.done < 300, `stopped at ${left.done}`);

    const second = await startServer({ dataDir });
    try {
      const sameSession = client(second.app, admin.cookie);
      const resumed = await waitForJob(sameSession, jobId);
      assert.equal(resumed.status, 'succeeded');
      assert.deepEqual(resumed.result, { followers: 300, created: 300, updated: 0 });
      const interrupted = (await sameSession.get(`/api/jobs/${stuck.id}`)).body;
      assert.equal(interrupted.status, 'failed');
      assert.equal(interrupted.error.code, 'JOB_INTERRUPTED');
      const fans = second.app.mockSuite.db.prepare('SELECT COUNT(*) AS n FROM fans WHERE appid = ?').get(APPIDS.newService).n;
      assert.equal(fans, 300);
    } finally {
      await second.app.close();
      removeDataDir(dataDir);
    }
  });
});
