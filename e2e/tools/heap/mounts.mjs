// The investigation behind ADR 0012 "Heap per mount" (not a test). Mounts and unmounts one module
// (its page ⇄ a path where the main slot holds no application) against the production build, and
// prints the JS heap after forced GCs; with --snap it also writes heap snapshots to tmp/heap/ after the
// warm-up, after roundsA and after roundsB more mounts, for diff.mjs / summary.mjs / retainers.mjs.
//
// usage: node e2e/tools/heap/mounts.mjs <page> <warm> <roundsA> <roundsB> [flags]
//   page: one of PAGES below; flags: --snap, --settle=<ms> (wait before each GC), --blocks (5 blocks
//   of 10 as the leak test measures), --api-timeout=<ms>, --parcels (print parcel DOM sizes),
//   "--js-flags=--no-opt --no-maglev --no-sparkplug" (the leak test's browser).
// Needs `npm run build` and the e2e template databases (tmp/e2e/base, made by the e2e global setup).
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createServer } from '../../../scripts/serve.mjs';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const [moduleName = 'fans', warm = '10', roundsA = '20', roundsB = '20', ...flags] = process.argv.slice(2);
const SNAP = flags.includes('--snap');
const OTHER = flags.find((f) => f.startsWith('--other='))?.slice(8) ?? '/wechat/nowhere';
const PAGES = {
  fans: ['/wechat/fans', (p) => p.locator('main [role="row"][data-openid]').first()],
  menus: ['/wechat/menus', (p) => p.locator('wx-phone-preview')],
  qr: ['/wechat/qrcodes', (p) => p.locator('tr.qr-code-row').first()],
  messaging: ['/wechat/messaging/auto-reply', (p) => p.getByRole('region', { name: '关键词回复' })],
  allocation: ['/settings/channel-allocation', (p) => p.getByRole('main').getByRole('heading', { name: '渠道分配', level: 1 })],
  accounts: ['/settings/wechat-accounts', (p) => p.getByRole('main').getByRole('heading', { level: 1 })],
  segments: ['/host/segments', (p) => p.getByTestId('segment-conditions').getByRole('button', { name: '添加事件条件' })],
  journeys: ['/host/journeys', (p) => p.getByTestId('audience-picker').getByRole('combobox', { name: '公众号（可多选）' })],
  contacts: ['/host/contacts', (p) => p.getByRole('main').getByRole('heading', { level: 1 })],
  // Control: no application mounts at all (the shell's routing alone).
  nowhere: ['/wechat/nowhere2', (p) => ({ waitFor: () => p.waitForFunction(() => location.pathname === '/wechat/nowhere2') })],
};
fs.mkdirSync(path.join(ROOT, 'tmp/heap'), { recursive: true });
const dataDir = path.join(ROOT, 'tmp/heap/data');
fs.mkdirSync(dataDir, { recursive: true });
for (const file of fs.readdirSync(path.join(ROOT, 'tmp/e2e/base'))) {
  if (file.startsWith('template-')) fs.copyFileSync(path.join(ROOT, 'tmp/e2e/base', file), path.join(dataDir, file));
}
const server = await createServer({ dataDir });
const base = (await server.listen({ port: 0, host: '127.0.0.1' })).replace('127.0.0.1', 'localhost');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', ...(flags.find((f) => f.startsWith('--js-flags=')) ? [flags.find((f) => f.startsWith('--js-flags='))] : [])] });
try {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.request.post(`${base}/__mock/reset`, { data: { scenario: 'demo' } });
  await page.request.post(`${base}/api/session`, { data: { username: 'admin' } });
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  const [modPath, ready] = PAGES[moduleName];
  const apiTimeout = flags.find((f) => f.startsWith('--api-timeout='));
  if (apiTimeout) await page.addInitScript((ms) => (globalThis.__wxSuiteApiTimeoutMs = ms), Number(apiTimeout.slice(14)));
  const otherReady = (p) => ({ waitFor: () => p.waitForFunction(() => ![...document.querySelectorAll('main [id^="single-spa-application:"]')].some((e) => e.childElementCount > 0 && !e.id.endsWith('not-found'))) });
  await page.goto(base + modPath);
  await ready(page).waitFor();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const go = async (url, r) => {
    await page.evaluate((u) => window.history.pushState(null, '', u), url);
    await r(page).waitFor();
  };
  const round = async () => { await go(OTHER, otherReady); await go(modPath, ready); };
  const SETTLE = Number(flags.find((f) => f.startsWith('--settle='))?.slice(9) ?? 0);
  const gc = async () => {
    if (SETTLE) await page.waitForTimeout(SETTLE);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    await page.waitForTimeout(300);
    await cdp.send('HeapProfiler.collectGarbage');
    if (flags.includes('--parcels')) console.log(await page.evaluate(() => [...document.querySelectorAll('.parcel-mount')].map((e) => `${e.getAttribute('data-parcel')}:${e.querySelectorAll('*').length}`).join(' ') + ' main:' + document.querySelectorAll('main *').length + ' body:' + document.querySelectorAll('body *').length));
    const { metrics } = await cdp.send('Performance.getMetrics');
    return Object.fromEntries(metrics.filter((m) => ['JSHeapUsedSize', 'Nodes', 'JSEventListeners'].includes(m.name)).map((m) => [m.name, m.value]));
  };
  const snapshot = async (file) => {
    const chunks = [];
    const onChunk = (c) => chunks.push(c.chunk);
    cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
    fs.writeFileSync(file, chunks.join(''));
  };
  for (let i = 0; i < Number(warm); i++) await round();
  if (flags.includes('--blocks')) {
    const points = [await gc()];
    for (let b = 0; b < 5; b++) { for (let i = 0; i < 10; i++) await round(); points.push(await gc()); }
    console.log(moduleName, 'blocks B/mount', points.slice(1).map((p, i) => ((p.JSHeapUsedSize - points[i].JSHeapUsedSize) / 10).toFixed(0)).join(' '), 'nodes', points.map((p) => p.Nodes).join(' '));
  } else {
  const m0 = await gc();
  if (SNAP) await snapshot(`${ROOT}/tmp/heap/${moduleName}-1.heapsnapshot`);
  for (let i = 0; i < Number(roundsA); i++) await round();
  const m1 = await gc();
  if (SNAP) await snapshot(`${ROOT}/tmp/heap/${moduleName}-2.heapsnapshot`);
  for (let i = 0; i < Number(roundsB); i++) await round();
  const m2 = await gc();
  if (SNAP) await snapshot(`${ROOT}/tmp/heap/${moduleName}-3.heapsnapshot`);
  const per = (a, b, n) => ((b.JSHeapUsedSize - a.JSHeapUsedSize) / n).toFixed(0);
  console.log(JSON.stringify({ moduleName, other: OTHER, m0, m1, m2, perMountA: per(m0, m1, Number(roundsA)), perMountB: per(m1, m2, Number(roundsB)) }));
  }
} finally {
  await browser.close();
  await server.close();
}
