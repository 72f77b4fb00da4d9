import type { CDPSession, Locator, Page } from '@playwright/test';
import config from '../playwright.config';
import { test, expect } from './support/fixtures';
import { shortenApiTimeout, watchPageErrors } from './support/resilience';

/**
 * Mounting and unmounting each module 50 times (client-side navigation between the module's page and
 * a page where the main slot holds no application) must not leave growing JS heap, DOM nodes, overlay
 * containers or listeners on window/document. Measured after a forced GC; the figures are printed
 * for the record (ADR 0012, "Heap per mount").
 *
 * Two things the browser does would otherwise be counted as ours (found with heap-snapshot diffs):
 * - V8 compiles hot functions again and again as they tier up (baseline, Maglev, TurboFan). A
 *   module's factories and templates run once per mount, so this warm-up lasts hundreds of mounts
 *   and was nearly all of the 8-17 KB per mount measured before, while every JS object count stayed
 *   flat. This file's browser runs with those tiers off (bytecode only): what remains is what the
 *   application keeps.
 * - single-spa arms a 3-4 s timeout per lifecycle call whose closure holds the application or parcel
 *   (and, for a parcel, its host's detached DOM) until it fires, and the API client's timeout signal
 *   holds each call for its 15 s (shortened to 4 s here): each measurement waits both out.
 */
const JIT_OFF = '--js-flags=--no-opt --no-maglev --no-sparkplug';
const launchOptions = config.use?.launchOptions ?? {};
test.use({ launchOptions: { ...launchOptions, args: [...(launchOptions.args ?? []), JIT_OFF] } });
// Nine modules at about a minute each: both workers take a share.
test.describe.configure({ mode: 'parallel' });

// V8 allocates feedback vectors and hidden classes for functions a mount runs once only after a few
// calls: about 100 KB over the first 15 mounts, flat afterwards.
const WARM_UP = 15;
const BLOCKS = 5;
const ROUNDS_PER_BLOCK = 10;
/** The API calls' time limit here: every call answers in milliseconds, its signal then waits this long. */
const API_TIMEOUT_MS = 4_000;
/** Longer than single-spa's lifecycle timeouts (bootstrap 4 s) and the API time limit. */
const SETTLE_MS = 4_300;
/**
 * Heap growth allowed per mount, as the median of the five blocks: a leak grows in every block, while
 * the engine's one-off growth lands in one or two (the tail of the warm-up in the first ones, V8's
 * number-string cache doubling to 64 KB anywhere). Measured on every module over four runs: medians
 * of -0.2 to +1.0 KB (blocks swing by up to ±3 KB under load). The single-spa-angular platform
 * location left behind per routed mount (fixed before, ADR 0012) kept 2.3-2.7 KB per mount in every
 * block, with window and document listeners unchanged: this bound fails it.
 */
const MEDIAN_BYTES_PER_MOUNT = 1_536;
/** Over all 50 mounts (measured: 0.2-2.3 KB with the warm-up tail): large growth in two blocks only still fails. */
const TOTAL_BYTES_PER_MOUNT = 5_120;

interface Figures {
  heapBytes: number;
  domNodes: number;
  overlayContainers: number;
  windowListeners: number;
  documentListeners: number;
}

async function measure(page: Page, cdp: CDPSession): Promise<Figures> {
  await page.waitForTimeout(SETTLE_MS);
  // Twice: the first pass can leave finalizer-held objects that the second collects. Then once more
  // after a pause: under load detached nodes still queued for Blink's own collector were counted.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  await page.waitForTimeout(300);
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  const listeners = async (expression: string) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners: found } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId!, depth: 0 });
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId! });
    return found.length;
  };
  return {
    heapBytes: metric('JSHeapUsedSize'),
    domNodes: metric('Nodes'),
    overlayContainers: await page.locator('.cdk-overlay-container').count(),
    windowListeners: await listeners('window'),
    documentListeners: await listeners('document'),
  };
}

/** Resolves once a page shows what it shows after loading. */
type Ready = (page: Page) => Promise<unknown>;

interface Subject {
  /** The module (and application) measured. */
  name: string;
  path: string;
  ready: Ready;
  /** Where the application is unmounted (by default: the main slot shows no application there). */
  away?: { path: string; ready: Ready };
}

const main = (page: Page) => page.getByRole('main');
/** Ready once every one of these is visible. */
const visible =
  (...locators: ((page: Page) => Locator)[]): Ready =>
  async (page) => {
    for (const locator of locators) await expect(locator(page)).toBeVisible();
  };
const heading = (name: string) => visible((page) => main(page).getByRole('heading', { name, level: 1 }));

/**
 * Unknown paths under /wechat keep the header's switcher mounted and leave the main slot without an
 * application, so only the module measured mounts and unmounts. (Shown whether or not the shell's
 * not-found page answers such paths.)
 */
const EMPTY_MAIN: Subject['away'] = {
  path: '/wechat/__leak-test-away',
  ready: (page) =>
    page.waitForFunction(
      () =>
        ![...document.querySelectorAll('main [id^="single-spa-application:"]')].some(
          (slot) => slot.childElementCount > 0 && !slot.id.endsWith('shell-not-found'),
        ),
    ),
};

const SUBJECTS: Subject[] = [
  { name: 'qr-codes', path: '/wechat/qrcodes', ready: visible((p) => p.locator('tr.qr-code-row').first()) },
  { name: 'menus', path: '/wechat/menus', ready: visible((p) => p.locator('wx-phone-preview')) },
  { name: 'fans', path: '/wechat/fans', ready: visible((p) => main(p).locator('[role="row"][data-openid]').first()) },
  { name: 'messaging', path: '/wechat/messaging/auto-reply', ready: visible((p) => p.getByRole('region', { name: '关键词回复' })) },
  { name: 'channel-allocation', path: '/settings/channel-allocation', ready: heading('渠道分配') },
  { name: 'wechat-accounts', path: '/settings/wechat-accounts', ready: heading('微信公众号') },
  {
    // The header application: it leaves on paths outside /wechat, /settings and /host (the shell's
    // framework-free not-found page shows there).
    name: 'account-switcher',
    path: '/wechat/__leak-test-switcher',
    ready: visible((p) => p.getByRole('banner').getByRole('combobox', { name: '当前公众号' })),
    away: { path: '/__leak-test-away', ready: heading('页面不存在') },
  },
  {
    name: 'widgets (journeys: account picker, trigger and material picker parcels)',
    path: '/host/journeys',
    ready: visible(
      (p) => p.getByTestId('audience-picker').getByRole('combobox', { name: '公众号（可多选）' }),
      (p) => p.getByTestId('journey-trigger').getByRole('group', { name: '旅程触发条件' }),
      (p) => p.getByTestId('journey-content').getByRole('group', { name: '旅程内容素材' }),
    ),
  },
  {
    name: 'widgets (segments: segment conditions parcel)',
    path: '/host/segments',
    ready: visible((p) => p.getByTestId('segment-conditions').getByRole('button', { name: '添加事件条件' })),
  },
];

/** Client-side navigation as a link would do it: single-spa patches pushState and reroutes. */
async function go(page: Page, path: string, ready: Ready) {
  await page.evaluate((url) => window.history.pushState(null, '', url), path);
  await ready(page);
}

/** Least-squares slope of the heap over the mounts (bytes per mount), checkpoints every ROUNDS_PER_BLOCK mounts. */
const slope = (heaps: number[]) => {
  const xs = heaps.map((_, i) => i * ROUNDS_PER_BLOCK);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = heaps.reduce((a, b) => a + b, 0) / heaps.length;
  const cov = xs.reduce((sum, x, i) => sum + (x - mx) * (heaps[i] - my), 0);
  const varX = xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
  return cov / varX;
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

for (const subject of SUBJECTS) {
  test(`${subject.name}: ${BLOCKS * ROUNDS_PER_BLOCK} mounts and unmounts leave no growing heap, DOM, overlays or listeners`, async ({ page }) => {
    test.setTimeout(180_000);
    const away = subject.away ?? EMPTY_MAIN;
    const errors = watchPageErrors(page);
    await shortenApiTimeout(page, API_TIMEOUT_MS);
    await page.goto(subject.path);
    await subject.ready(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const round = async () => {
      await go(page, away.path, away.ready);
      await go(page, subject.path, subject.ready);
    };
    for (let i = 0; i < WARM_UP; i++) await round();
    const checkpoints = [await measure(page, cdp)];
    for (let block = 0; block < BLOCKS; block++) {
      for (let i = 0; i < ROUNDS_PER_BLOCK; i++) await round();
      checkpoints.push(await measure(page, cdp));
    }
    const before = checkpoints[0];
    const after = checkpoints[BLOCKS];

    const perBlock = checkpoints.slice(1).map((c, i) => (c.heapBytes - checkpoints[i].heapBytes) / ROUNDS_PER_BLOCK);
    const perMountMedian = median(perBlock);
    const perMountSlope = slope(checkpoints.map((c) => c.heapBytes));
    const perMountTotal = (after.heapBytes - before.heapBytes) / (BLOCKS * ROUNDS_PER_BLOCK);
    const row = (key: keyof Figures) => `${key} ${before[key]} → ${after[key]}`;
    console.log(
      `[leaks] ${subject.name}: JS heap ${perMountMedian.toFixed(0)} B/mount (median of ${BLOCKS} blocks of ${ROUNDS_PER_BLOCK}: ` +
        `${perBlock.map((b) => b.toFixed(0)).join(', ')}; slope ${perMountSlope.toFixed(0)}; over all ${perMountTotal.toFixed(0)}); ` +
        (Object.keys(before) as (keyof Figures)[]).map(row).join('; ') +
        `; DOM nodes at each checkpoint ${checkpoints.map((c) => c.domNodes).join(', ')}`,
    );

    // A leak grows in every block, so both the median block and the slope over all checkpoints exceed
    // the bound. Each alone has a noise mode the other does not: the fans page's heap swings ±25 KB
    // between alternate checkpoints (a median of +2.7 KB, a slope near 0), and a one-off 64 KB cache
    // doubling in the middle block gives a slope of ~1.6 KB (a median near 0). So the lower of the two.
    expect(Math.min(perMountMedian, perMountSlope), 'JS heap growth per mount, the lower of the median block and the slope (bytes)').toBeLessThan(MEDIAN_BYTES_PER_MOUNT);
    expect(perMountTotal, 'JS heap growth per mount over all mounts (bytes)').toBeLessThan(TOTAL_BYTES_PER_MOUNT);
    // An instance left behind keeps its DOM, which the node count sees (detached nodes count): a module's
    // page is hundreds of nodes, so even one node kept per mount grows every block by 10. Under CI's load
    // a checkpoint can count 14 nodes more on the QR list that the next one does not have (2252, 2252,
    // 2252, 2266, 2252, 2266; never locally, where the attached DOM is the same at every checkpoint): so
    // the growth is the lowest of the last three checkpoints over the lowest of the first three. One
    // node kept per mount still gives 30; the odd set has to be in all of the last three to count.
    const nodes = checkpoints.map((c) => c.domNodes);
    const nodeGrowth = Math.min(...nodes.slice(-3)) - Math.min(...nodes.slice(0, 3));
    expect(nodeGrowth, `DOM node growth, lowest of the last three checkpoints minus lowest of the first three (${nodes.join(', ')})`).toBeLessThanOrEqual(10);
    expect(after.overlayContainers, 'overlay containers').toBeLessThanOrEqual(Math.max(1, before.overlayContainers));
    expect(after.windowListeners, 'listeners on window').toBe(before.windowListeners);
    expect(after.documentListeners, 'listeners on document').toBe(before.documentListeners);
    errors.expectClean(subject.name);
  });
}
