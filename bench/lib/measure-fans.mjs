// Fans list figures (issue #7): first rows of the 100,000-fan account, and frame times while the
// whole list is scrolled. Read inside the page with performance.now(), like every bench time.
import { newContext, coldStartReading } from './browser.mjs';
import { coldLoad } from './cdp-browser.mjs';
import { watchColdStart } from './in-page.mjs';
import { spread } from './stats.mjs';

/** The 100,000-fan demo account (PRODUCT.md §5) and the rows the e2e tests read. */
const DEMO = 'wxd1e4a7b0c3f6a925';
const ROWS = 'wx-fan-list .fan-row.body[data-openid]';
const ROW_TARGET = { app: 'fans', selector: ROWS };

/** Run in every document: the admin's persisted selection is DM Demo Service. Also runs in about:blank, where storage is denied. */
function selectAccount(appid) {
  if (location.protocol.startsWith('http')) localStorage.setItem('wechat-mfe.selected-account.usr_admin', appid);
}

/** A context whose admin session starts with DM Demo Service selected (the persisted selection). */
async function demoContext(env, coldTarget) {
  const context = await newContext(env.browser, { baseURL: env.baseURL, problems: env.problems, coldTarget });
  await context.addInitScript(selectAccount, DEMO);
  return context;
}

/** The fans page's gate once it shows an account, and that account (read after the timed load). */
const READY_GATE = 'wx-account-gate[data-gate="ready"]';
const SHOWN_ACCOUNT = `document.querySelector(${JSON.stringify(READY_GATE)})?.getAttribute('data-appid') ?? null`;

async function assertDemo(page) {
  const appid = await page.locator(READY_GATE).first().getAttribute('data-appid');
  if (appid !== DEMO) throw new Error(`the fans page showed ${appid}, not DM Demo Service`);
}

/**
 * Cold: a fresh browser context per run in the uninstrumented browser (`env.cdp`, cdp-browser.mjs),
 * navigation to /wechat/fans with DM Demo Service selected → the first fan row with data is visible.
 */
export async function measureFansFirstRows(env, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const readings = await coldLoad(env.cdp, {
      baseURL: env.baseURL,
      route: '/wechat/fans',
      init: [[selectAccount, DEMO], [watchColdStart, ROW_TARGET]],
      problems: env.problems,
      inspect: SHOWN_ACCOUNT,
    });
    if (readings.content.error) throw new Error(`content never showed: ${readings.content.error}`);
    if (readings.inspected !== DEMO) throw new Error(`the fans page showed ${readings.inspected}, not DM Demo Service`);
    samples.push(readings.content.at);
  }
  return { route: '/wechat/fans', account: 'DM Demo Service', ...spread(samples) };
}

/**
 * In the running suite: the shell and the header are up on /wechat/menus (the fans module not loaded
 * yet, a fresh context per run so none of its files are cached), DM Demo Service selected; the <nav>
 * link to the fans page is clicked → the first fan row with data is visible. This is what the fan list
 * itself costs (its module, its first page of 100,000 fans, the rows); the cold page load adds the
 * shell's own start, which is the first-module figure.
 */
export async function measureFansFirstRowsInSuite(env, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const context = await demoContext(env, { app: 'menus', selector: 'wx-menu-editor wx-phone-preview .menu-bar' });
    try {
      const page = await context.newPage();
      await page.goto('/wechat/menus', { waitUntil: 'commit' });
      await coldStartReading(page);
      await page.waitForLoadState('networkidle');
      const nav = await page.evaluate((t) => window.__bench.navigate('/wechat/fans', t), ROW_TARGET);
      samples.push(nav.ms);
      await assertDemo(page);
    } finally {
      await context.close();
    }
  }
  return { route: '/wechat/menus → /wechat/fans', account: 'DM Demo Service', ...spread(samples) };
}

/**
 * Scrolls the 100,000-row viewport from top to bottom at a steady 100 rows per frame (about 1,000
 * frames), and reports the frame-to-frame times (p50, p95, max) and how many rows were still
 * placeholders (their page not fetched yet) when the end was reached.
 */
export async function measureFansScroll(env) {
  const context = await demoContext(env, ROW_TARGET);
  try {
    const page = await context.newPage();
    await page.goto('/wechat/fans', { waitUntil: 'commit' });
    await coldStartReading(page);
    await assertDemo(page);
    await page.waitForTimeout(500); // let the first page's follow-up work settle
    const result = await page.evaluate(async () => {
      const viewport = document.querySelector('wx-fan-list cdk-virtual-scroll-viewport');
      if (!viewport) throw new Error('no virtual scroll viewport');
      const rowHeight = 44;
      const step = rowHeight * 100;
      const frames = [];
      await new Promise((resolve) => {
        let last = performance.now();
        const tick = (now) => {
          frames.push(now - last);
          last = now;
          if (viewport.scrollTop + viewport.clientHeight >= viewport.scrollHeight - 1) return resolve();
          viewport.scrollTop += step;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      frames.shift(); // the first delta measures the wait for the first frame, not a scrolled frame
      return { frames, scrollHeight: viewport.scrollHeight };
    });
    const sorted = [...result.frames].sort((a, b) => a - b);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    // Then: the last row is filled in (its page fetched) — the list reached the end for real.
    const last = page.locator('wx-fan-list .fan-row.body[aria-rowindex="100001"][data-openid]');
    const endStarted = Date.now();
    await last.waitFor({ state: 'visible', timeout: 20_000 });
    return { frames: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1], scrollHeight: result.scrollHeight, lastRowMsAfterEnd: Date.now() - endStarted };
  } finally {
    await context.close();
  }
}

/** The fans API pages the list asks for, deep and filtered: server time as the client sees it (ms). */
export async function measureFansApi(env, runs) {
  const session = await fetch(`${env.baseURL}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin' }) });
  if (!session.ok) throw new Error(`sign-in answered ${session.status}`);
  const cookie = session.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const queries = ['limit=200', 'limit=200&offset=99800', 'tagId=100&limit=200&offset=9000', 'state=unsubscribed&limit=200&offset=4000', 'sort=openid&order=asc&limit=200&offset=50000'];
  const out = [];
  for (const query of queries) {
    const url = `${env.baseURL}/api/wechat/accounts/${DEMO}/fans?${query}`;
    const samples = [];
    for (let i = 0; i <= runs; i++) {
      const started = performance.now();
      const response = await fetch(url, { headers: { cookie } });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${query} answered ${response.status}`);
      if (i > 0) samples.push(performance.now() - started); // the first request warms SQLite's page cache
    }
    out.push({ query, ...spread(samples) });
  }
  return { queries: out };
}
