import type { Locator, Page } from '@playwright/test';
import { test, expect, shownAccount, switcher } from './support/fixtures';
import { watchPageErrors } from './support/resilience';

/**
 * A module's code failing to download: its entry (remoteEntry.json) for each module, and one lazy
 * chunk of the modules that have routed chunks. The failing slot (or page region) shows an error
 * with retry, the other slot keeps working, and the retry recovers once the network does, without a
 * reload (the test fails if the page reloads: a marker set on `window` must survive).
 */
interface Broken {
  name: string;
  path: string;
  /** The request to abort while broken. */
  url: RegExp;
  /** Where the error shows: the main slot or the header slot. */
  slot: 'main' | 'banner';
  /** Something only the loaded application shows. */
  loaded: (page: Page) => Locator;
}

const entry = (module: string) => new RegExp(`/modules/${module}/[^/]+/remoteEntry\\.json`);
const chunk = (module: string, file: string) => new RegExp(`/modules/${module}/[^/]+/${file}-[A-Z0-9]+\\.js$`);

const CASES: Broken[] = [
  { name: 'qr-codes entry', path: '/wechat/qrcodes', url: entry('qr-codes'), slot: 'main', loaded: (p) => p.locator('tr.qr-code-row').first() },
  { name: 'menus entry', path: '/wechat/menus', url: entry('menus'), slot: 'main', loaded: (p) => p.locator('wx-phone-preview') },
  { name: 'fans entry', path: '/wechat/fans', url: entry('fans'), slot: 'main', loaded: (p) => shownAccount(p) },
  { name: 'messaging entry', path: '/wechat/messaging/auto-reply', url: entry('messaging'), slot: 'main', loaded: (p) => p.getByRole('region', { name: '关键词回复' }) },
  { name: 'channel-allocation entry', path: '/settings/channel-allocation', url: entry('channel-allocation'), slot: 'main', loaded: (p) => p.getByRole('heading', { name: '渠道分配', level: 1 }) },
  { name: 'account-switcher entry (header slot)', path: '/wechat/qrcodes', url: entry('account-switcher'), slot: 'banner', loaded: (p) => switcher(p) },
  { name: 'messaging mass-send page chunk', path: '/wechat/messaging/mass-send', url: chunk('messaging', 'mass-send-page'), slot: 'main', loaded: (p) => p.getByRole('form', { name: '新建群发' }) },
  { name: 'fans contacts route chunk', path: '/host/contacts', url: chunk('fans', 'contacts.routes'), slot: 'main', loaded: (p) => p.getByRole('heading', { name: '微信粉丝联系人' }) },
  { name: 'channel-allocation page chunk', path: '/settings/channel-allocation', url: chunk('channel-allocation', 'allocation-page'), slot: 'main', loaded: (p) => p.getByRole('heading', { name: '渠道分配', level: 1 }) },
];

for (const broken of CASES) {
  test(`${broken.name} aborted: an error with retry in its place, the rest works, retry recovers`, async ({ page }) => {
    const errors = watchPageErrors(page);
    let failing = true;
    let aborted = 0;
    await page.route(broken.url, (route) => {
      if (!failing) return route.continue();
      aborted++;
      return route.abort('internetdisconnected');
    });
    await page.goto(broken.path);
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
    const region = page.getByRole(broken.slot);
    const alert = region.getByRole('alert').filter({ has: page.getByRole('button', { name: '重试' }) });
    await expect(alert).toBeVisible();
    expect(aborted, 'the broken request was made').toBeGreaterThan(0);
    await expect(broken.loaded(page)).toHaveCount(0);

    // The other slot works while this one is broken.
    if (broken.slot === 'main') {
      await expect(switcher(page)).toBeEnabled();
      await switcher(page).click();
      await expect(page.getByRole('listbox')).toBeVisible();
      await page.keyboard.press('Escape');
    } else {
      await expect(shownAccount(page)).toBeVisible();
      await expect(page.locator('tr.qr-code-row').first()).toBeVisible();
    }

    failing = false;
    await alert.getByRole('button', { name: '重试' }).click();
    await expect(broken.loaded(page)).toBeVisible();
    await expect(alert).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload), 'recovered without a reload').toBe(true);
    // single-spa and the federation loader report the failed download on the console; nothing else may.
    errors.expectClean(broken.name, [/internetdisconnected|ERR_INTERNET_DISCONNECTED|Failed to fetch|dynamically imported module|importing a module script failed|remoteEntry|single-spa|error loading|LOAD_ERROR|SKIP_BECAUSE_BROKEN/i]);
  });
}

test('the fans detail drawer (@defer) failing to download says so in place of a blank drawer; the list keeps working', async ({ page }) => {
  const errors = watchPageErrors(page);
  await page.goto('/wechat/fans');
  const rows = page.getByRole('main').locator('[role="row"][data-openid]');
  await expect(rows.first()).toBeVisible();
  // From here on every new chunk of the fans module fails: the drawer's @defer block is one.
  let aborted = 0;
  await page.route(/\/modules\/fans\/[^/]+\/chunk-[A-Z0-9]+\.js$/, (route) => {
    aborted++;
    return route.abort('internetdisconnected');
  });
  await rows.first().click();
  const alert = page.getByRole('main').getByRole('alert').filter({ hasText: '这部分内容加载失败' });
  await expect(alert).toBeVisible();
  expect(aborted).toBeGreaterThan(0);
  // Angular never retries a failed @defer download: no retry button, the message asks for a reload.
  await expect(alert.getByRole('button', { name: '重试' })).toHaveCount(0);
  await expect(rows.first()).toBeVisible();
  await expect(switcher(page)).toBeEnabled();
  errors.expectClean('fans drawer', [/internetdisconnected|Failed to fetch|dynamically imported module/i]);
});

test('the menu editor’s drag code (loaded after the editor shows) failing to download leaves clicks and keyboard reordering working; a later hover loads it', async ({ page }) => {
  const errors = watchPageErrors(page);
  let failing = true;
  let aborted = 0;
  await page.route(/\/modules\/menus\/[^/]+\/drag-drop-[A-Z0-9]+\.js$/, (route) => {
    if (!failing) return route.continue();
    aborted++;
    return route.abort('internetdisconnected');
  });
  await page.goto('/wechat/menus');
  const topMenu = page.locator('wx-phone-preview .menu-bar ol');
  await expect(topMenu).toBeVisible();
  await expect.poll(() => aborted, { message: 'the idle-time import was tried' }).toBeGreaterThan(0);
  await expect(topMenu).not.toHaveAttribute('data-drag-ready');

  // The demo account's live menu has top-level buttons: Alt + → still moves the first one right.
  const names = () => page.locator('wx-phone-preview .menu-bar .top-item .menu-button').allInnerTexts();
  const before = await names();
  expect(before.length).toBeGreaterThan(1);
  await page.locator('wx-phone-preview .menu-bar .top-item .menu-button').first().focus();
  await page.keyboard.press('Alt+ArrowRight');
  await expect.poll(names).toEqual([before[1], before[0], ...before.slice(2)]);
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);

  failing = false;
  await page.locator('wx-phone-preview .menu-bar .top-item .menu-button').last().hover();
  await expect(topMenu).toHaveAttribute('data-drag-ready', '');
  errors.expectClean('menus drag code', [/internetdisconnected|Failed to fetch|dynamically imported module/i]);
});
