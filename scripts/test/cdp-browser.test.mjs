// The cold loads' browser (bench/lib/cdp-browser.mjs): the same switches as Playwright's Chromium, and
// a cold load prepared as the bench's Playwright contexts are (cookie, viewport, language, init scripts),
// with its readings and problems delivered.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { launchBrowser } from '../../bench/lib/browser.mjs';
import { coldLoad, launchCdpBrowser, playwrightLaunch } from '../../bench/lib/cdp-browser.mjs';

const PAGE = `<!doctype html><title>t</title><script>
  console.error('boom');
  setTimeout(() => window.__bench.report('content', { at: performance.now(), cookie: document.cookie, lang: navigator.language,
    width: innerWidth, seen: window.seen, order: window.order }), 50);
</script>`;
let server;
let baseURL;
let playwright;
let cdp;

before(async () => {
  server = http.createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/api/session') {
      res.writeHead(201, { 'set-cookie': 'sid=abc123; Path=/; SameSite=Lax', 'content-type': 'application/json' });
      return res.end('{}');
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(PAGE);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${server.address().port}`;
  playwright = await launchBrowser();
  cdp = await launchCdpBrowser();
});

after(async () => {
  await cdp?.close();
  await playwright?.close();
  server.close();
});

test('the second browser is started with the switches of Playwright’s, less its profile and pipe', () => {
  const { switches } = playwrightLaunch();
  assert.ok(switches.includes('--headless') && switches.includes('--no-sandbox'), switches.join(' '));
  assert.ok(!switches.some((s) => s.startsWith('--user-data-dir') || s === '--remote-debugging-pipe'));
});

test('a cold load has the session cookie, 1440 px, zh-CN and the init scripts in order; readings, problems and inspection arrive', async () => {
  const problems = new Set();
  const readings = await coldLoad(cdp, {
    baseURL,
    route: '/wechat/fans',
    init: [
      [(value) => { window.seen = value; window.order = ['first']; }, { n: 1 }],
      [() => { window.order.push('second'); }],
    ],
    problems,
    inspect: 'location.pathname',
  });
  assert.equal(readings.content.cookie, 'sid=abc123');
  assert.equal(readings.content.lang, 'zh-CN');
  assert.equal(readings.content.width, 1440);
  assert.deepEqual(readings.content.seen, { n: 1 });
  assert.deepEqual(readings.content.order, ['first', 'second']);
  assert.ok(readings.content.at > 0);
  assert.equal(readings.inspected, '/wechat/fans');
  assert.deepEqual([...problems], ['console error: boom']);
});

test('a reading that never comes fails within the timeout, naming it', async () => {
  await assert.rejects(coldLoad(cdp, { baseURL, route: '/', readings: ['header'], timeoutMs: 1500 }), /no header reading within 1500 ms/);
});
