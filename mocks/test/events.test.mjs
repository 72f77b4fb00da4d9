import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { APPIDS, authorizeThroughPage, openEventStream, removeDataDir, signIn, startServer } from './helpers.mjs';

describe('server-sent events over a real socket', () => {
  let app, dataDir, port, admin, marketer, sales;
  before(async () => {
    ({ app, dataDir } = await startServer({ heartbeatMs: 150, jobStepDelayMs: 5 }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = app.server.address().port;
    admin = await signIn(app, 'admin');
    marketer = await signIn(app, 'marketer');
    sales = await signIn(app, 'sales');
  });
  after(async () => {
    await app.close();
    removeDataDir(dataDir);
  });

  it('streams text/event-stream with a retry hint and heartbeats', async () => {
    const stream = await openEventStream(port, marketer.cookie);
    try {
      assert.equal(stream.response.statusCode, 200);
      assert.match(stream.response.headers['content-type'], /^text\/event-stream/);
      await sleep(400);
      assert.ok(stream.comments.includes('retry 3000'));
      assert.ok(stream.comments.filter((c) => c.startsWith('heartbeat')).length >= 1, stream.comments.join(','));
    } finally {
      stream.close();
    }
  });

  it('sends an allocation change to that department and admins only', async () => {
    const marketerStream = await openEventStream(port, marketer.cookie);
    const salesStream = await openEventStream(port, sales.cookie);
    const adminStream = await openEventStream(port, admin.cookie);
    try {
      const response = await admin.put('/api/departments/dep_marketing/allocation', { appids: [APPIDS.smart] });
      assert.equal(response.status, 200);
      assert.deepEqual(response.body.appids, [APPIDS.smart]);
      assert.deepEqual(await marketerStream.next('allocation'), { departmentId: 'dep_marketing' });
      assert.deepEqual(await adminStream.next('allocation'), { departmentId: 'dep_marketing' });
      await sleep(100);
      assert.deepEqual(salesStream.events, []);
      assert.deepEqual((await marketer.get('/api/wechat/accounts')).body.items.map((a) => a.appid), [APPIDS.smart]);
    } finally {
      for (const s of [marketerStream, salesStream, adminStream]) s.close();
    }
  });

  it('sends account changes to users who may see the account', async () => {
    const marketerStream = await openEventStream(port, marketer.cookie);
    const salesStream = await openEventStream(port, sales.cookie);
    try {
      await app.inject({ method: 'POST', url: '/__mock/wechat/revoke', payload: { appid: APPIDS.smart } });
      assert.deepEqual(await marketerStream.next('account'), { appid: APPIDS.smart, change: 'updated' });
      await admin.delete(`/api/wechat/accounts/${APPIDS.smart}`);
      await sleep(50);
      assert.deepEqual(marketerStream.events.map((e) => `${e.event}:${e.data.change ?? e.data.departmentId}`), [
        'account:updated',
        'account:unbound',
        'allocation:dep_marketing',
      ]);
      assert.deepEqual(salesStream.events, []);
    } finally {
      marketerStream.close();
      salesStream.close();
    }
  });

  it('streams job snapshots to the job creator, ending with the final state', async () => {
    const adminStream = await openEventStream(port, admin.cookie);
    const marketerStream = await openEventStream(port, marketer.cookie);
    try {
      const { jobId } = await authorizeThroughPage(admin, { appid: APPIDS.newService, permissions: ['message'] });
      const bound = await adminStream.next('account');
      assert.deepEqual(bound, { appid: APPIDS.newService, change: 'bound' });
      const deadline = Date.now() + 10_000;
      while (!adminStream.events.some((e) => e.event === 'job' && e.data.status === 'succeeded') && Date.now() < deadline) await sleep(20);
      const snapshots = adminStream.events.filter((e) => e.event === 'job').map((e) => e.data);
      assert.ok(snapshots.every((s) => s.id === jobId));
      assert.equal(snapshots[0].status, 'queued');
      assert.equal(snapshots.at(-1).status, 'succeeded');
      assert.deepEqual(snapshots.at(-1).progress, { done: 300, total: 300 });
      const dones = snapshots.map((s) => s.progress.done);
      assert.deepEqual(dones, [...dones].sort((a, b) => a - b), 'progress never goes back');
      assert.ok(marketerStream.events.every((e) => e.event !== 'job'));
    } finally {
      adminStream.close();
      marketerStream.close();
    }
  });

  it('forgets closed connections and ends streams on sign-out', async () => {
    await sleep(50);
    const baseline = app.mockSuite.bus.size;
    const stream = await openEventStream(port, marketer.cookie);
    await sleep(50);
    assert.equal(app.mockSuite.bus.size, baseline + 1);
    stream.close();
    await sleep(100);
    assert.equal(app.mockSuite.bus.size, baseline);

    const other = await openEventStream(port, sales.cookie);
    const ended = new Promise((resolve) => other.response.on('end', resolve));
    await sales.delete('/api/session');
    await ended;
    await sleep(20);
    assert.equal(app.mockSuite.bus.size, baseline);
  });
});
