import fs from 'node:fs';
import path from 'node:path';
import type { Response } from '@playwright/test';
import { test, expect, switcher, switcherOptions, selectAccount, shownAccount } from './support/fixtures';

const ALL = ['Dmartech智慧营销', 'Dmartech订阅号', 'DM Demo Service', 'DM 未认证服务号'];

test.describe('shell and account switcher', () => {
  test('the shell loads with its landmarks, navigation and the switcher', async ({ page, expectAccessible }) => {
    await page.goto('/wechat/fans');
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
    await expect(page.getByRole('main')).toBeVisible();
    await expect(switcher(page)).toBeVisible();
    await expect(page.getByRole('link', { name: '粉丝管理' })).toHaveAttribute('aria-current', 'page');
    await expect(shownAccount(page)).toBeVisible();
    await expectAccessible('/wechat/fans');
  });

  test('each demo user sees exactly the accounts allocated to them', async ({ page, signInAs, expectAccessible }) => {
    await page.goto('/wechat/menus');
    expect((await switcherOptions(page)).sort()).toEqual([...ALL].sort());
    await switcher(page).click();
    await expect(page.getByRole('listbox')).toBeVisible();
    await expectAccessible('switcher open');
    await page.keyboard.press('Escape');

    await signInAs('marketer');
    await page.goto('/wechat/menus');
    expect((await switcherOptions(page)).sort()).toEqual(['Dmartech智慧营销', 'Dmartech订阅号'].sort());
  });

  test('east and sales have no account and see the no-permission page explaining the fix', async ({ page, signInAs, expectAccessible }) => {
    for (const user of ['east', 'sales'] as const) {
      await signInAs(user);
      await page.goto('/wechat/qrcodes');
      await expect(page.getByTestId('switcher-no-permission')).toBeVisible();
      const main = page.getByRole('main');
      await expect(main.getByText(/渠道分配/).first()).toBeVisible();
      await expect(shownAccount(page)).toHaveCount(0);
    }
    await expectAccessible('no-permission page');
  });

  test('the switcher works from the keyboard alone', async ({ page }) => {
    await page.goto('/wechat/menus');
    await switcher(page).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('listbox')).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('listbox')).toBeHidden();
    await expect(switcher(page)).toContainText('Dmartech订阅号');
    await expect(switcher(page)).toBeFocused();
  });

  test('switching the account updates two applications mounted at once', async ({ page }) => {
    await page.goto('/wechat/fans');
    const shown = shownAccount(page);
    const before = await shown.getAttribute('data-appid');
    await selectAccount(page, 'DM Demo Service');
    await expect(switcher(page)).toContainText('DM Demo Service');
    await expect(shown).not.toHaveAttribute('data-appid', before ?? '');
    const after = await shown.getAttribute('data-appid');
    const accounts = await (await page.request.get('/api/wechat/accounts')).json();
    expect(accounts.items.find((a: { name: string }) => a.name === 'DM Demo Service').appid).toBe(after);
  });

  test('the selection survives a reload and follows into a second tab', async ({ page, context }) => {
    await page.goto('/wechat/fans');
    await selectAccount(page, 'DM 未认证服务号');
    await expect(switcher(page)).toContainText('DM 未认证服务号');
    await page.reload();
    await expect(switcher(page)).toContainText('DM 未认证服务号');

    const second = await context.newPage();
    await second.goto('/wechat/menus');
    await expect(switcher(second)).toContainText('DM 未认证服务号');
    await selectAccount(second, 'Dmartech订阅号');
    // The first tab follows without a reload, in the header and in the page.
    await expect(switcher(page)).toContainText('Dmartech订阅号');
    const appid = await shownAccount(second).getAttribute('data-appid');
    await expect(shownAccount(page)).toHaveAttribute('data-appid', appid ?? '');
  });

  test('QR codes are unavailable for a subscription account and come back for a service account', async ({ page }) => {
    await page.goto('/wechat/qrcodes');
    await selectAccount(page, 'Dmartech订阅号');
    await expect(page.getByRole('main').getByText(/订阅号/).first()).toBeVisible();
    await expect(shownAccount(page)).toHaveCount(0);
    await selectAccount(page, 'Dmartech智慧营销');
    await expect(shownAccount(page)).toBeVisible();
  });

  test('the language switch turns every application English and back', async ({ page }) => {
    await page.goto('/wechat/fans');
    await page.getByLabel('语言').selectOption('en');
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Fans', exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.reload();
    await expect(page.getByRole('link', { name: 'Fans', exact: true })).toBeVisible();
    await page.getByLabel('Language').selectOption('zh-CN');
    await expect(page.getByRole('heading', { name: '粉丝', exact: true })).toBeVisible();
  });

  test('with no account bound every WeChat page offers to authorize', async ({ page, mock, expectAccessible }) => {
    await mock('reset', { scenario: 'empty' });
    for (const route of ['/wechat/qrcodes', '/wechat/messaging/mass-send', '/wechat/fans']) {
      await page.goto(route);
      await expect(page.getByRole('main').getByRole('link', { name: /授权/ })).toBeVisible();
    }
    await expectAccessible('not-bound state');
  });
});

test('an unknown page, top-level or under a section, says so in the main slot; a known page replaces it', async ({ page }) => {
  for (const path of ['/nowhere', '/wechat/nothing-here', '/settings/nothing-here']) {
    await page.goto(path);
    await expect(page.getByRole('main').getByRole('heading', { level: 1, name: '页面不存在' }), path).toBeVisible();
  }
  // Under /wechat the header's switcher is there as on every WeChat page; the page follows the language.
  await page.goto('/wechat/nothing-here');
  await expect(switcher(page)).toBeVisible();
  await page.getByLabel('语言').selectOption({ label: 'English' });
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.getByLabel('Language').selectOption({ label: '简体中文' });
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: '页面不存在' })).toBeVisible();
  await page.getByRole('link', { name: '粉丝管理' }).click();
  await expect(shownAccount(page)).toBeVisible();
  await expect(page.getByRole('main').getByRole('heading', { name: '页面不存在' })).toHaveCount(0);
});

test('a first visit without a session signs in as the demo administrator by itself', async ({ browser, baseURL, mock }) => {
  await mock('reset', { scenario: 'demo' });
  const context = await browser.newContext({ baseURL });
  const fresh = await context.newPage();
  await fresh.goto('/wechat/fans');
  await expect(switcher(fresh)).toBeVisible();
  await expect(fresh.getByLabel('演示用户')).toHaveValue('admin');
  await expect(shownAccount(fresh)).toBeVisible();
  await context.close();
});

test('before any script runs the page shows the suite frame with the brand in the chosen language; the shell replaces it', async ({ browser, baseURL, page }) => {
  // The language chosen in an earlier visit (the shell mirrors it into the wx-locale cookie).
  await page.goto('/wechat/fans');
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Fans', exact: true })).toBeVisible();
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === 'wx-locale')?.value).toBe('en');

  const noScript = await browser.newContext({ baseURL, javaScriptEnabled: false });
  try {
    await noScript.addCookies(cookies);
    const bare = await noScript.newPage();
    await bare.goto('/wechat/fans');
    await expect(bare.locator('html')).toHaveAttribute('lang', 'en');
    await expect(bare.locator('#suite-boot .suite-brand span:visible')).toHaveText(['Dmartech Marketing Cloud']);
    await noScript.clearCookies({ name: 'wx-locale' });
    await bare.reload();
    await expect(bare.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(bare.locator('#suite-boot .suite-brand span:visible')).toHaveText(['Dmartech 营销云']);
  } finally {
    await noScript.close();
  }

  // With scripts, the real chrome takes its place: one header, one brand.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Fans', exact: true })).toBeVisible();
  await expect(page.locator('#suite-boot')).toHaveCount(0);
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.locator('.suite-brand')).toHaveText('Dmartech Marketing Cloud');
});

test('on a phone-sized window the header wraps without overlaps and the navigation row shows the current page', async ({ page, expectAccessible }) => {
  await page.setViewportSize({ width: 412, height: 900 });
  await page.goto('/wechat/fans');
  await expect(page.getByRole('heading', { name: '粉丝', exact: true })).toBeVisible();
  const boxes = await Promise.all(
    [switcher(page), page.getByLabel('演示用户'), page.getByLabel('语言'), page.locator('.suite-brand')].map(async (l) => (await l.boundingBox())!),
  );
  const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  for (let i = 0; i < boxes.length; i++) {
    expect(boxes[i].x + boxes[i].width, `header item ${i} inside the window`).toBeLessThanOrEqual(412);
    for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i], boxes[j]), `header items ${i} and ${j} overlap`).toBe(false);
  }
  // The navigation is one scrolling row above the page, with the current page in view.
  const nav = page.getByRole('navigation', { name: '主导航' });
  const current = nav.getByRole('link', { name: '粉丝管理' });
  await expect(current).toHaveAttribute('aria-current', 'page');
  await expect(current).toBeInViewport({ ratio: 1 });
  const navBox = (await nav.boundingBox())!;
  expect(navBox.height).toBeLessThan(80);
  await expectAccessible('narrow window');

  // No page is wider than the window: wide tables scroll inside their own box.
  const main = page.getByRole('main');
  for (const [route, content] of [
    ['/wechat/qrcodes', main.getByRole('table')],
    ['/wechat/messaging/mass-send', main.getByRole('form').first()],
    ['/wechat/menus', main.getByRole('button', { name: '发布', exact: true })],
    ['/settings/channel-allocation', main.getByTestId('not-inherited-flag').first()],
    ['/host/contacts', main.locator('wx-account-gate[data-gate="ready"]')],
  ] as const) {
    await page.goto(route);
    await expect(content).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${route} is ${overflow}px wider than the window`).toBeLessThanOrEqual(0);
  }
});

test('the browser gets the page and every script over 1 KiB compressed (Brotli), decoding to the built files, and no stylesheet request', async ({ page }) => {
  const responses: Response[] = [];
  page.on('response', (response) => {
    if (/\.(js|css)$/.test(new URL(response.url()).pathname) || response.request().resourceType() === 'document') responses.push(response);
  });
  await page.goto('/wechat/fans');
  await expect(shownAccount(page)).toBeVisible();
  const files = await Promise.all(responses.map(async (r) => ({ path: new URL(r.url()).pathname, encoding: r.headers()['content-encoding'], body: await r.body() })));
  expect(files.filter((f) => f.path.endsWith('.js')).length).toBeGreaterThan(10);
  // The shell's stylesheets come inside the page (ADR 0027): no request waits before the first paint.
  expect(files.filter((f) => f.path.endsWith('.css')).map((f) => f.path)).toEqual([]);
  // Smaller files are sent as they are (scripts/build/precompress.mjs: not worth a copy).
  expect(files.filter((f) => f.body.length >= 1024 && f.encoding !== 'br').map((f) => f.path)).toEqual([]);
  for (const file of files.filter((f) => f.path.startsWith('/modules/') && f.encoding === 'br').slice(0, 5)) {
    expect(file.body.equals(fs.readFileSync(path.join(__dirname, '..', 'dist', file.path))), file.path).toBe(true);
  }
});

test('each page has its own title; a navigation is announced, and focus lost with the old page goes to the main landmark', async ({ page }) => {
  await page.goto('/wechat/fans');
  await expect(page).toHaveTitle('粉丝管理 · Dmartech 营销云');
  const announcer = page.locator('#suite-announcer');
  // The page's first load announces nothing (the title is read with the page).
  await expect(announcer).toHaveText('');

  // From the keyboard: the link keeps focus, the new page's name is announced and titles the page.
  const menus = page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '自定义菜单' });
  await menus.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveTitle('自定义菜单 · Dmartech 营销云');
  await expect(announcer).toHaveText('自定义菜单');
  await expect(announcer).toHaveAttribute('role', 'status');
  await expect(menus).toBeFocused();

  // A link inside the page that goes to another application is removed with its page: without the
  // shell's help focus fell to <body>, and Tab started again from the top of the document.
  await page.evaluate(() => {
    const link = document.createElement('a');
    link.href = '/wechat/qrcodes';
    link.id = 'in-page-link';
    link.textContent = 'QR';
    link.addEventListener('click', (event) => {
      event.preventDefault();
      history.pushState(null, '', '/wechat/qrcodes');
    });
    document.querySelector('#single-spa-application\\:menus')?.appendChild(link);
  });
  await page.locator('#in-page-link').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveTitle('微信二维码 · Dmartech 营销云');
  await expect(page.locator('#in-page-link')).toHaveCount(0);
  await expect(page.locator('#suite-main')).toBeFocused();

  await page.getByLabel('语言').selectOption('en');
  await expect(page).toHaveTitle('QR codes · Dmartech Marketing Cloud');
});
