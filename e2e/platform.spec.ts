import type { Page } from '@playwright/test';
import { test, expect, shownAccount } from './support/fixtures';

/**
 * The platform bundle (docs/adr/0018): when it covers every module, a page takes the shared packages
 * from /platform/ and never from a module's own copy; the wx-platform=off cookie (which the shell sets
 * while a developer's module override is active) gives the page whole packages, and it still works.
 */

/**
 * Every shared package bundle the manifest's remotes ship (Native Federation's whole-package copies).
 * Not its @nf-internal chunks: esbuild's helper chunk can have the same content, and so the same name,
 * as a chunk of the module's own code.
 */
async function wholePackageFiles(page: Page): Promise<Set<string>> {
  const manifest = await (await page.request.get('/mfe-manifest.json')).json();
  const files = new Set<string>();
  for (const url of Object.values<string>(manifest.remotes)) {
    const entry = await (await page.request.get(url)).json();
    for (const shared of entry.shared) if (!shared.packageName.startsWith('@nf-internal/')) files.add(url.replace(/remoteEntry\.json$/, shared.outFileName));
  }
  return files;
}

/** Script paths the page requests from now on, and the console's warnings and errors. */
function watch(page: Page) {
  const scripts: string[] = [];
  const console: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.endsWith('.js')) scripts.push(pathname);
  });
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') console.push(message.text());
  });
  return { scripts, console };
}

test('a page takes every shared package from the platform, on every module it opens', async ({ page }) => {
  const whole = await wholePackageFiles(page);
  const seen = watch(page);
  await page.goto('/wechat/fans');
  await expect(shownAccount(page)).toBeVisible();
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  await page.getByRole('link', { name: '自定义菜单' }).click();
  await expect(page.locator('wx-menu-editor')).toBeVisible();
  await page.getByRole('link', { name: '微信二维码' }).click();
  await expect(page.locator('wx-qr-code-list tr.qr-code-row').first()).toBeVisible();

  expect(await page.locator('#wx-platform').count()).toBe(1);
  expect(seen.scripts.filter((p) => p.startsWith('/platform/')).length).toBeGreaterThan(3);
  // The page server module-preloaded the first modules' files; the shell added none of them again.
  const preloads = await page.locator('link[rel="modulepreload"]').evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
  expect(preloads.some((href) => href.includes('/platform/'))).toBe(true);
  expect(preloads.some((href) => href.includes('/modules/fans/'))).toBe(true);
  expect(new Set(preloads).size).toBe(preloads.length);
  expect(seen.scripts.filter((p) => whole.has(p)), 'whole-package copies fetched').toEqual([]);
  // No import map rule of a remote conflicted with the platform's (the shell strips them).
  expect(seen.console.filter((text) => /import map/i.test(text))).toEqual([]);
});

test('with the platform turned off by cookie the page loads whole packages and works', async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: 'wx-platform', value: 'off', url: baseURL! }]);
  const whole = await wholePackageFiles(page);
  const seen = watch(page);
  await page.goto('/wechat/fans');
  await expect(shownAccount(page)).toBeVisible();
  await expect(page.getByRole('row').nth(1)).toBeVisible();

  expect(await page.locator('#wx-platform').count()).toBe(0);
  expect(seen.scripts.filter((p) => p.startsWith('/platform/'))).toEqual([]);
  expect(seen.scripts.filter((p) => whole.has(p)).length).toBeGreaterThan(3);
});

test("a developer's module override reloads the page once onto whole packages, and the platform comes back after", async ({ page, context }) => {
  const manifest = await (await page.request.get('/mfe-manifest.json')).json();
  // The override names the module's own deployed build: allowed (same origin), and visibly an override.
  await page.addInitScript((url) => {
    if (!sessionStorage.getItem('override-done')) localStorage.setItem('wx-mfe-overrides', JSON.stringify({ 'qr-codes': url }));
  }, manifest.remotes['qr-codes']);
  const documents: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'document') documents.push(new URL(request.url()).pathname);
  });
  await page.goto('/wechat/qrcodes');
  await expect(page.locator('wx-qr-code-list tr.qr-code-row').first()).toBeVisible();
  expect(documents).toEqual(['/wechat/qrcodes', '/wechat/qrcodes']);
  expect(await page.locator('#wx-platform').count()).toBe(0);
  expect((await context.cookies()).find((c) => c.name === 'wx-platform')?.value).toBe('off');

  await page.evaluate(() => {
    localStorage.removeItem('wx-mfe-overrides');
    sessionStorage.setItem('override-done', '1');
  });
  await page.reload();
  await expect(page.locator('wx-qr-code-list tr.qr-code-row').first()).toBeVisible();
  // This page still came without it (the cookie was sent), and dropped the cookie: the next one has it.
  expect((await context.cookies()).find((c) => c.name === 'wx-platform')).toBeUndefined();
  await page.reload();
  await expect(page.locator('wx-qr-code-list tr.qr-code-row').first()).toBeVisible();
  expect(await page.locator('#wx-platform').count()).toBe(1);
});
