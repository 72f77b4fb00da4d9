import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APPIDS, client, removeDataDir, signIn, startServer } from './helpers.mjs';

describe('/__mock faults and clock', () => {
  let app, dataDir, admin, control;
  before(async () => {
    ({ app, dataDir } = await startServer());
    admin = await signIn(app, 'admin');
    control = client(app);
  });
  beforeEach(async () => {
    await control.delete('/__mock/faults');
    await control.post('/__mock/clock', { set: new Date().toISOString() });
  });
  after(async () => {
    await app.close();
    removeDataDir(dataDir);
  });

  it('answers a fault status the given number of times, then recovers', async () => {
    const added = await control.post('/__mock/faults', { route: 'GET /api/wechat/accounts', status: 503, times: 2 });
    assert.equal(added.status, 201);
    for (let i = 0; i < 2; i++) {
      const faulted = await admin.get('/api/wechat/accounts');
      assert.equal(faulted.status, 503);
      assert.equal(faulted.body.code, 'MOCK_FAULT');
      assert.match(faulted.headers['content-type'], /problem\+json/);
    }
    assert.equal((await admin.get('/api/wechat/accounts')).status, 200);
  });

  it('matches method and path exactly, by glob, or by regular expression', async () => {
    await control.post('/__mock/faults', { route: 'POST /api/wechat/accounts', status: 500 });
    assert.equal((await admin.get('/api/wechat/accounts')).status, 200, 'another method is not matched');
    await control.post('/__mock/faults', { route: 'GET /api/wechat/accounts/*', status: 502 });
    assert.equal((await admin.get('/api/wechat/accounts')).status, 200, 'the glob needs a sub-path');
    assert.equal((await admin.get(`/api/wechat/accounts/${APPIDS.smart}`)).status, 502);
    await control.post('/__mock/faults', { route: '/^GET \\/api\\/(jobs|host)/', status: 504 });
    assert.equal((await admin.get('/api/host/segments')).status, 504);
    await control.post('/__mock/faults', { route: '/api/jobs*', status: 500 });
    assert.equal((await admin.get('/api/jobs?active=true')).status, 500, 'a path-only glob ignores the query');
    const listed = await control.get('/__mock/faults');
    assert.deepEqual(listed.body.items.map((f) => f.route), ['POST /api/wechat/accounts']);
    assert.equal((await control.delete('/__mock/faults')).status, 204);
    assert.deepEqual((await control.get('/__mock/faults')).body.items, []);
  });

  it('adds latency and leaves /__mock routes alone', async () => {
    await control.post('/__mock/faults', { route: 'GET /api/host/segments', latencyMs: 250 });
    const started = performance.now();
    const slow = await admin.get('/api/host/segments');
    assert.equal(slow.status, 200);
    assert.ok(performance.now() - started >= 240);
    await control.post('/__mock/faults', { route: '* /__mock/*', status: 500, times: 5 });
    assert.equal((await control.get('/__mock/health')).status, 200);
  });

  it('validates fault requests', async () => {
    const noRoute = await control.post('/__mock/faults', { status: 500 });
    assert.equal(noRoute.status, 400);
    assert.ok(noRoute.body.errors.some((e) => e.field === 'route'));
    const nothing = await control.post('/__mock/faults', { route: 'GET /api/jobs' });
    assert.equal(nothing.status, 400);
  });

  it('advances and sets the clock that every write uses', async () => {
    const before = (await control.get('/__mock/clock')).body;
    assert.ok(Math.abs(Date.parse(before.now) - Date.now()) < 2000);
    const advanced = (await control.post('/__mock/clock', { advanceSeconds: 86_400 })).body;
    assert.ok(Math.abs(Date.parse(advanced.now) - Date.now() - 86_400_000) < 2000);

    const set = (await control.post('/__mock/clock', { set: '2027-02-01T08:00:00Z' })).body;
    assert.ok(Math.abs(Date.parse(set.now) - Date.parse('2027-02-01T08:00:00Z')) < 2000);
    const push = await control.post('/__mock/wechat/events', {
      appid: APPIDS.smart, FromUserName: 'oClockTest0000000000000000001', MsgType: 'event', Event: 'subscribe',
    });
    assert.equal(push.status, 200);
    const fan = app.mockSuite.db.prepare('SELECT subscribe_time FROM fans WHERE openid = ?').get('oClockTest0000000000000000001');
    assert.ok(Math.abs(fan.subscribe_time - Date.parse('2027-02-01T08:00:00Z') / 1000) < 3);

    const epoch = (await control.post('/__mock/clock', { set: 1_800_000_000 })).body;
    assert.ok(Math.abs(Date.parse(epoch.now) - 1_800_000_000_000) < 2000);
    assert.equal((await control.post('/__mock/clock', { set: 'not a date' })).status, 400);
    assert.equal((await control.post('/__mock/clock', {})).status, 400);

    await control.post('/__mock/reset', { scenario: 'demo' });
    assert.ok(Math.abs(Date.parse((await control.get('/__mock/clock')).body.now) - Date.now()) < 2000);
  });
});
