import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { client, removeDataDir, signIn, startServer } from './helpers.mjs';

describe('sessions', () => {
  let app, dataDir;
  before(async () => ({ app, dataDir } = await startServer()));
  after(async () => {
    await app.close();
    removeDataDir(dataDir);
  });

  it('signs in a demo user with an HttpOnly, SameSite=Lax cookie and returns the User', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'marketer' } });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), {
      id: 'usr_marketer',
      username: 'marketer',
      name: '市场专员',
      role: 'member',
      department: { id: 'dep_marketing', name: '市场部' },
    });
    const cookie = response.headers['set-cookie'];
    assert.match(cookie, /^wx_sid=[\w-]{20,};/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
  });

  it('returns the current user, and 401 after signing out', async () => {
    const admin = await signIn(app, 'admin');
    const current = await admin.get('/api/session');
    assert.equal(current.status, 200);
    assert.equal(current.body.role, 'admin');
    assert.deepEqual(current.body.department, { id: 'dep_hq', name: '总部' });

    const out = await admin.delete('/api/session');
    assert.equal(out.status, 204);
    assert.match(out.headers['set-cookie'], /Max-Age=0/);
    const after = await admin.get('/api/session');
    assert.equal(after.status, 401);
    assert.equal(after.body.code, 'UNAUTHENTICATED');
  });

  it('refuses an unknown username with a VALIDATION error naming the field', async () => {
    const response = await client(app).post('/api/session', { username: 'mallory' });
    assert.equal(response.status, 400);
    assert.match(response.headers['content-type'], /application\/problem\+json/);
    assert.equal(response.body.code, 'VALIDATION');
    assert.equal(response.body.type, 'https://wechat-mfe.dev/problems/validation');
    assert.deepEqual(response.body.errors.map((e) => e.field), ['username']);
    assert.equal(response.headers['set-cookie'], undefined);
  });

  it('answers 401 UNAUTHENTICATED on every /api route without a valid cookie', async () => {
    const anonymous = client(app);
    const forged = client(app, 'wx_sid=not-a-session');
    for (const [method, url] of [
      ['GET', '/api/session'],
      ['GET', '/api/wechat/accounts'],
      ['GET', '/api/wechat/accounts/wx5f3a9c1e7b2d4068'],
      ['POST', '/api/wechat/authorizations'],
      ['GET', '/api/departments'],
      ['PUT', '/api/departments/dep_sales/allocation'],
      ['GET', '/api/contacts'],
      ['GET', '/api/jobs?active=true'],
      ['GET', '/api/events'],
      ['GET', '/api/host/segments'],
      ['GET', '/api/no-such-thing'],
    ]) {
      for (const api of [anonymous, forged]) {
        const response = await api.request(method, url);
        assert.equal(response.status, 401, `${method} ${url}`);
        assert.equal(response.body.code, 'UNAUTHENTICATED');
      }
    }
  });
});
