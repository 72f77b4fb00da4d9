import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APPIDS, client, removeDataDir, signIn, startServer, setUpSuite, tearDownSuite } from './helpers.mjs';

describe('/__mock/reset', () => {
  let app, dataDir, admin, control;
  before(async () => ({ app, dataDir, admin, control } = await setUpSuite()));
  after(() => tearDownSuite({ app, dataDir }));

  it('empty: no account bound; departments, users and sessions remain', async () => {
    const reset = await control.post('/__mock/reset', { scenario: 'empty' });
    assert.equal(reset.status, 200);
    assert.equal(reset.body.scenario, 'empty');
    assert.equal((await admin.get('/api/session')).status, 200, 'the session survives');
    assert.deepEqual((await admin.get('/api/wechat/accounts')).body, { items: [], totalBound: 0 });
    const departments = (await admin.get('/api/departments')).body.items;
    assert.deepEqual(departments.map((d) => [d.name, d.appids.length]), [['总部', 0], ['市场部', 0], ['华东区', 0], ['销售部', 0]]);
    assert.deepEqual((await admin.get('/api/contacts')).body, { items: [], total: 0 });
    assert.equal((await signIn(app, 'east')).cookie.startsWith('wx_sid='), true);
  });

  it('demo: undoes writes, cancels jobs, clears faults and the clock; quickly', async () => {
    await control.post('/__mock/reset', { scenario: 'demo' });
    await admin.put('/api/departments/dep_sales/allocation', { appids: [APPIDS.demo] });
    await control.post('/__mock/faults', { route: 'GET /api/departments', status: 500, times: 10 });
    await control.post('/__mock/clock', { advanceSeconds: 10 * 86_400 });
    app.mockSuite.jobs.registerJobType('test.forever', async (job) => {
      for (;;) await job.step();
    });
    const job = app.mockSuite.jobs.start({ type: 'test.forever', createdBy: 'usr_admin' });

    const times = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const reset = await control.post('/__mock/reset', { scenario: 'demo' });
      times.push(performance.now() - started);
      assert.equal(reset.status, 200);
    }
    times.sort((a, b) => a - b);
    console.log(`reset demo (100,000 fans) over HTTP: median ${times[2].toFixed(1)} ms, max ${times[4].toFixed(1)} ms`);
    assert.ok(times[2] < 500, `reset took ${times[2]} ms`);

    assert.equal(app.mockSuite.jobs.runningCount, 0);
    assert.equal((await admin.get(`/api/jobs/${job.id}`)).status, 404);
    const sales = (await admin.get('/api/departments')).body.items.find((d) => d.id === 'dep_sales');
    assert.deepEqual(sales.appids, []);
    assert.ok(Math.abs(Date.parse((await control.get('/__mock/clock')).body.now) - Date.now()) < 2000);
    assert.equal((await admin.get('/api/wechat/accounts')).body.items.length, 4);
  });
});

describe('restart', () => {
  it('keeps every write and every session', async () => {
    const first = await startServer();
    const admin = await signIn(first.app, 'admin');
    await admin.put('/api/departments/dep_east/allocation', { appids: [APPIDS.unverified] });
    await client(first.app).post('/__mock/wechat/events', {
      appid: APPIDS.unverified, FromUserName: 'oRestartTest00000000000000001', MsgType: 'event', Event: 'subscribe',
    });
    await first.app.close();

    const second = await startServer({ dataDir: first.dataDir });
    try {
      const again = client(second.app, admin.cookie);
      assert.equal((await again.get('/api/session')).status, 200);
      const east = await signIn(second.app, 'east');
      assert.deepEqual((await east.get('/api/wechat/accounts')).body.items.map((a) => a.appid), [APPIDS.unverified]);
      assert.equal((await east.get(`/api/wechat/accounts/${APPIDS.unverified}`)).body.fanCount, 48);
    } finally {
      await second.app.close();
      removeDataDir(first.dataDir);
    }
  });
});
