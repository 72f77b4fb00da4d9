import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APPIDS, authorizeThroughPage, removeDataDir, signIn, startServer, waitForJob } from './helpers.mjs';

describe('binding through the mock WeChat authorization page', () => {
  let app, dataDir, admin;
  before(async () => {
    ({ app, dataDir } = await startServer());
    admin = await signIn(app, 'admin');
  });
  after(async () => {
    await app.close();
    removeDataDir(dataDir);
  });

  it('renders a script-free, inline-style-free page with a labelled form', async () => {
    const started = await admin.post('/api/wechat/authorizations', {});
    assert.equal(started.status, 201);
    assert.match(started.body.authorizeUrl, /^\/__mock\/wechat\/authorize\?ticket=[\w-]+$/);
    const page = await app.inject({ method: 'GET', url: started.body.authorizeUrl });
    assert.equal(page.statusCode, 200);
    assert.match(page.headers['content-type'], /text\/html/);
    const body = page.body;
    assert.doesNotMatch(body, /<script|<style|\sstyle=|\son[a-z]+=/i);
    assert.match(body, /<link rel="stylesheet" href="\/__mock\/wechat\/authorize.css">/);
    assert.match(body, /<form class="wx-form" action="\/__mock\/wechat\/authorize" method="post">/);
    assert.match(body, /<label class="wx-field" for="wx-account">/);
    assert.match(body, /<img src="\/__mock\/wechat\/authorize\/qr.svg\?ticket=[^"]+"[^>]* alt="[^"]+">/);
    assert.match(body, /<a class="wx-cancel" href="\/settings\/wechat-accounts">/);
    assert.match(body, /<button type="submit" class="wx-primary">授权 Authorize<\/button>/);
    // Every checkbox has its label; all ticked by default.
    const boxes = [...body.matchAll(/<input type="checkbox" id="([^"]+)"[^>]*>/g)];
    assert.equal(boxes.length, 8);
    for (const [tag, id] of boxes) {
      assert.match(tag, / checked>$/);
      assert.match(body, new RegExp(`<label for="${id}">`));
    }
    // Six simulated accounts; the first unbound one is preselected.
    assert.equal([...body.matchAll(/<option /g)].length, 6);
    assert.match(body, new RegExp(`<option value="${APPIDS.newService}" selected>DM 新品服务号`));

    const qr = await app.inject({ method: 'GET', url: body.match(/src="([^"]+qr.svg[^"]+)"/)[1].replaceAll('&amp;', '&') });
    assert.match(qr.headers['content-type'], /image\/svg\+xml/);
    assert.match(qr.body, /^<svg/);
    const css = await app.inject({ method: 'GET', url: '/__mock/wechat/authorize.css' });
    assert.match(css.headers['content-type'], /text\/css/);
  });

  it('binds a new account, imports its followers with progress, and lists it with the chosen permissions', async () => {
    const permissions = ['message', 'user', 'menu'];
    const { status, location, jobId } = await authorizeThroughPage(admin, { appid: APPIDS.newService, permissions });
    assert.equal(status, 303);
    assert.equal(location, `/settings/wechat-accounts?authorized=${APPIDS.newService}&job=${jobId}`);

    const job = await waitForJob(admin, jobId);
    assert.equal(job.type, 'fans.import');
    assert.equal(job.appid, APPIDS.newService);
    assert.equal(job.status, 'succeeded');
    assert.deepEqual(job.progress, { done: 300, total: 300 });
    assert.deepEqual(job.result, { followers: 300, created: 300, updated: 0 });

    const listed = (await admin.get('/api/wechat/accounts')).body.items.find((a) => a.appid === APPIDS.newService);
    assert.deepEqual(listed.permissions, permissions);
    assert.equal(listed.fanCount, 300);
    assert.equal(listed.type, 'service');
    assert.equal(listed.verified, true);

    const contacts = await admin.get(`/api/contacts?appids=${APPIDS.newService}&limit=500`);
    assert.equal(contacts.body.total, 300);
    assert.ok(contacts.body.items.every((c) => c.updating && c.accounts.length === 1 && c.accounts[0].subscribed));
    assert.ok(contacts.body.items.every((c) => c.accounts[0].openid.length === 28));
  });

  it('re-authorizing refreshes permissions and re-imports without duplicating fans', async () => {
    const before = (await admin.get(`/api/wechat/accounts/${APPIDS.newService}`)).body;
    await app.inject({ method: 'POST', url: '/__mock/clock', payload: { advanceSeconds: 3600 } });
    const { status, jobId, page } = await authorizeThroughPage(admin, {
      appid: APPIDS.newService,
      permissions: ['message', 'user', 'menu', 'qrcode', 'template'],
      reauthorize: true,
    });
    assert.match(page, /重新授权/);
    assert.equal(status, 303);
    const job = await waitForJob(admin, jobId);
    assert.deepEqual(job.result, { followers: 300, created: 0, updated: 300 });
    const after = (await admin.get(`/api/wechat/accounts/${APPIDS.newService}`)).body;
    assert.deepEqual(after.permissions, ['message', 'user', 'menu', 'qrcode', 'template']);
    assert.equal(after.boundAt, before.boundAt);
    assert.ok(after.authorizedAt > before.authorizedAt);
    assert.equal(after.fanCount, 300);
  });

  it('keeps the form and refuses when no permission is ticked; refuses a used or expired ticket', async () => {
    const none = await authorizeThroughPage(admin, { appid: APPIDS.newSubscription, permissions: [] });
    assert.equal(none.status, 400);
    assert.equal((await admin.get(`/api/wechat/accounts/${APPIDS.newSubscription}`)).status, 404);

    const used = await authorizeThroughPage(admin, { appid: APPIDS.newSubscription, permissions: ['message'] });
    assert.equal(used.status, 303);
    const again = await admin.request('POST', '/__mock/wechat/authorize', `ticket=${used.ticket}&appid=${APPIDS.newSubscription}&permissions=message`, {
      'content-type': 'application/x-www-form-urlencoded',
    });
    assert.equal(again.status, 410);

    const started = await admin.post('/api/wechat/authorizations', {});
    await app.inject({ method: 'POST', url: '/__mock/clock', payload: { advanceSeconds: 1801 } });
    const expired = await admin.get(started.body.authorizeUrl);
    assert.equal(expired.status, 410);
    assert.match(expired.body, /已过期/);
  });

  it('refuses to re-authorize an appid that was never bound', async () => {
    const response = await admin.post('/api/wechat/authorizations', { appid: 'wx0000000000000000' });
    assert.equal(response.status, 400);
    assert.deepEqual(response.body.errors.map((e) => e.field), ['appid']);
  });
});
