import type { Page } from '@playwright/test';
import { test, expect, shownAccount, switcher, switcherOptions } from './support/fixtures';
import { clearFaults, injectFaults, watchPageErrors } from './support/resilience';

/**
 * Ten account switches within a second, by keyboard in the header switcher, while the page's list
 * call answers with injected latency that makes earlier (stale) answers arrive after later ones.
 * At the end the page must show the final account only: the gate's appid and a data sample compared
 * with what the API answers for that account.
 */
interface Account {
  appid: string;
  name: string;
}

const SWITCHES = 10;

async function accounts(page: Page): Promise<Account[]> {
  const response = await page.request.get('/api/wechat/accounts');
  expect(response.ok()).toBeTruthy();
  return ((await response.json()).items as (Account & { bound?: boolean })[]).map(({ appid, name }) => ({ appid, name }));
}

/**
 * Ten switches by keyboard on the switcher: Enter opens the list on the selected option, an arrow
 * moves, Enter commits. The keys are dispatched inside the page, a few milliseconds apart, because
 * thirty round trips from the test runner take longer than a second on a loaded machine.
 * Down, up, down, … and down twice at the end: the final account is two below the first one.
 */
async function switchRapidly(page: Page): Promise<number> {
  await switcher(page).focus();
  return page.evaluate(async (count) => {
    const combobox = document.activeElement as HTMLElement;
    const key = async (k: string) => {
      combobox.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
      await new Promise((resolve) => setTimeout(resolve, 2));
    };
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      await key('Enter');
      await key(i % 2 === 0 || i === count - 1 ? 'ArrowDown' : 'ArrowUp');
      await key('Enter');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return performance.now() - started;
  }, SWITCHES);
}

/** Latencies for the next list calls: the earliest are the slowest, so stale answers arrive last. */
function staleFirstLatencies(): number[] {
  return Array.from({ length: SWITCHES + 1 }, (_, i) => Math.max(0, 1_200 - i * 110 + Math.floor(Math.random() * 60)));
}

interface Scenario {
  page: string;
  path: string;
  listRoute: string;
  /** Waits for the page to show data of `appid`, then checks it is that account's data only. */
  expectShows: (page: Page, appid: string) => Promise<void>;
}

const SCENARIOS: Scenario[] = [
  {
    page: 'fans list',
    path: '/wechat/fans',
    listRoute: 'GET /api/wechat/accounts/*/fans',
    expectShows: async (page, appid) => {
      const api = await (await page.request.get(`/api/wechat/accounts/${appid}/fans?limit=5`)).json();
      const expected = (api.items as { openid: string }[]).map((f) => f.openid);
      const rows = page.getByRole('main').locator('[role="row"][data-openid]');
      if (expected.length === 0) {
        await expect(rows).toHaveCount(0);
        return;
      }
      await expect(rows.first()).toHaveAttribute('data-openid', expected[0]);
      const shown = await rows.evaluateAll((els) => els.slice(0, 5).map((e) => e.getAttribute('data-openid')));
      expect(shown).toEqual(expected.slice(0, shown.length));
    },
  },
  {
    page: 'QR code list',
    path: '/wechat/qrcodes',
    listRoute: 'GET /api/wechat/accounts/*/qrcodes',
    expectShows: async (page, appid) => {
      const response = await page.request.get(`/api/wechat/accounts/${appid}/qrcodes?limit=100`);
      if (!response.ok()) {
        // Not a service account: the page explains instead of listing, and lists nothing.
        await expect(page.locator('tr.qr-code-row')).toHaveCount(0);
        return;
      }
      const names = ((await response.json()).items as { name: string }[]).map((c) => c.name);
      await expect(page.locator('tr.qr-code-row')).toHaveCount(names.length);
      for (const name of names.slice(0, 3)) await expect(page.locator('tr.qr-code-row').filter({ hasText: name }).first()).toBeVisible();
    },
  },
  {
    page: 'menus',
    path: '/wechat/menus',
    listRoute: 'GET /api/wechat/accounts/*/menu',
    expectShows: async (page, appid) => {
      const menu = await (await page.request.get(`/api/wechat/accounts/${appid}/menu`)).json();
      const buttons = ((menu.menus?.[0]?.button ?? menu.button ?? []) as { name: string }[]).map((b) => b.name);
      const shown = page.locator('wx-phone-preview .menu-bar .top-item .menu-button');
      await expect(shown).toHaveCount(buttons.length);
      const texts = (await shown.allTextContents()).map((t) => t.trim());
      // WeChat shortens a long top-level name with "..."; compare the start.
      buttons.forEach((name, i) => expect(name.startsWith(texts[i]!.replace(/\.\.\.$/, ''))).toBe(true));
    },
  },
];

for (const scenario of SCENARIOS) {
  test(`${scenario.page}: ${SWITCHES} switches within a second under random latency end on the final account's data`, async ({ page, baseURL }) => {
    const errors = watchPageErrors(page);
    const all = await accounts(page);
    await page.goto(scenario.path);
    await expect(shownAccount(page)).toBeVisible();
    const names = await switcherOptions(page);
    const initial = (await shownAccount(page).getAttribute('data-appid'))!;
    const startIndex = names.findIndex((n) => n === all.find((a) => a.appid === initial)?.name);
    expect(startIndex + 2, 'two accounts below the first one to end on').toBeLessThan(names.length);
    const finalName = names[startIndex + 2]!;
    const finalAccount = all.find((a) => a.name === finalName)!;
    expect(finalAccount.appid).not.toBe(initial);

    const requested: string[] = [];
    page.on('request', (request) => {
      const match = /\/api\/wechat\/accounts\/([^/]+)\/(fans|qrcodes|menu)(\?|$)/.exec(request.url());
      if (match && request.method() === 'GET') requested.push(match[1]!);
    });
    await injectFaults(page.request, baseURL!, ...staleFirstLatencies().map((latencyMs) => ({ route: scenario.listRoute, latencyMs })));
    const took = Math.round(await switchRapidly(page));
    console.log(`[switching] ${scenario.page}: ${SWITCHES} switches in ${took} ms, list calls for ${new Set(requested).size} accounts`);
    // Issued 20 ms apart (~0.3 s); the rest is the page's own work per switch, run between the keys.
    // Times belong to `npm run bench` (its account-switch figure), not to a test: on the CI machines
    // the same build took 0.5 s in one run and 2.8 s in the next for the fans page. Either way the
    // switches overlap the stale-first answers (up to ~1.26 s late), which is what this test is about;
    // the bound only catches a page that stops answering its keys.
    expect(took, 'the ten switches were handled, not stuck').toBeLessThan(10_000);

    await expect(shownAccount(page)).toHaveAttribute('data-appid', finalAccount.appid, { timeout: 15_000 });
    // Let every delayed (stale) answer arrive before judging what the page shows.
    await page.waitForTimeout(1_500);
    await clearFaults(page.request, baseURL!);
    await expect(shownAccount(page)).toHaveAttribute('data-appid', finalAccount.appid);
    await scenario.expectShows(page, finalAccount.appid);
    expect(new Set(requested).size, 'the page asked for several accounts while switching').toBeGreaterThan(1);
    errors.expectClean(scenario.page);
  });
}
