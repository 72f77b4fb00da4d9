import type { CDPSession, Locator, Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { watchPageErrors } from './support/resilience';

/**
 * Mounting and unmounting each module 50 times (client-side navigation between two applications of
 * the main slot, so each of the pair is mounted and unmounted once per round) must not leave growing
 * JS heap, DOM nodes, overlay containers or listeners on window/document (the account context's
 * browser wiring and the router's popstate listener live there). Measured after a forced GC; the
 * figures are printed for the record.
 */
const ROUNDS = 50;
const WARM_UP = 10;

interface Figures {
  heapBytes: number;
  domNodes: number;
  overlayContainers: number;
  windowListeners: number;
  documentListeners: number;
}

async function measure(page: Page, cdp: CDPSession): Promise<Figures> {
  // Twice: the first pass can leave finalizer-held objects that the second collects. Then once more
  // after a pause: under load (two workers on two cores) detached nodes still queued for Blink's own
  // collector were counted as live (+140 nodes once in CI, 0 when run alone).
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

interface Pair {
  name: string;
  a: { path: string; ready: (page: Page) => Locator };
  b: { path: string; ready: (page: Page) => Locator };
}

const heading = (name: string) => (page: Page) => page.getByRole('main').getByRole('heading', { name, level: 1 });

const PAIRS: Pair[] = [
  { name: 'qr-codes ⇄ menus', a: { path: '/wechat/qrcodes', ready: (p) => p.locator('tr.qr-code-row').first() }, b: { path: '/wechat/menus', ready: (p) => p.locator('wx-phone-preview') } },
  { name: 'fans ⇄ messaging', a: { path: '/wechat/fans', ready: (p) => p.getByRole('main').locator('[role="row"][data-openid]').first() }, b: { path: '/wechat/messaging/auto-reply', ready: (p) => p.getByRole('region', { name: '关键词回复' }) } },
  { name: 'channel-allocation ⇄ wechat-accounts', a: { path: '/settings/channel-allocation', ready: heading('渠道分配') }, b: { path: '/settings/wechat-accounts', ready: (p) => p.getByRole('main').getByRole('heading', { level: 1 }) } },
];

/** Client-side navigation as a link would do it: single-spa patches pushState and reroutes. */
async function go(page: Page, path: string, readyOf: (page: Page) => Locator) {
  await page.evaluate((url) => window.history.pushState(null, '', url), path);
  await expect(readyOf(page)).toBeVisible();
}

for (const pair of PAIRS) {
  test(`${pair.name}: ${ROUNDS} mounts and unmounts leave no growing heap, DOM, overlays or listeners`, async ({ page }) => {
    test.setTimeout(120_000);
    const errors = watchPageErrors(page);
    await page.goto(pair.a.path);
    await expect(pair.a.ready(page)).toBeVisible();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const round = async () => {
      await go(page, pair.b.path, pair.b.ready);
      await go(page, pair.a.path, pair.a.ready);
    };
    for (let i = 0; i < WARM_UP; i++) await round();
    const before = await measure(page, cdp);
    for (let i = 0; i < ROUNDS; i++) await round();
    const after = await measure(page, cdp);

    const row = (key: keyof Figures) => `${key}: ${before[key]} → ${after[key]} (${after[key] - before[key] >= 0 ? '+' : ''}${after[key] - before[key]})`;
    console.log(`[leaks] ${pair.name}, ${ROUNDS} rounds after ${WARM_UP} warm-up: ${(Object.keys(before) as (keyof Figures)[]).map(row).join('; ')}`);

    // A module instance left behind would keep its DOM, which the node count catches exactly; the heap
    // bound is per mount. Measured on this branch: about 7-14 KB per mount, still growing slowly after
    // the warm-up and not yet explained (an open finding in the resilience report).
    const perMount = (after.heapBytes - before.heapBytes) / (2 * ROUNDS);
    console.log(`[leaks] ${pair.name}: JS heap ${Math.round(perMount)} bytes per mount`);
    expect(perMount, 'JS heap growth per mount (bytes)').toBeLessThan(20_000);
    expect(after.domNodes - before.domNodes, 'DOM node growth').toBeLessThanOrEqual(20);
    expect(after.overlayContainers, 'overlay containers').toBeLessThanOrEqual(Math.max(1, before.overlayContainers));
    expect(after.windowListeners, 'listeners on window').toBe(before.windowListeners);
    expect(after.documentListeners, 'listeners on document').toBe(before.documentListeners);
    errors.expectClean(pair.name);
  });
}
