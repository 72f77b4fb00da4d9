import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect, shownAccount } from './support/fixtures';

/**
 * Independent delivery: one module's team ships a new build into a new folder and only the manifest
 * moves. The second build is real: qr-codes is built again from a copy of the sources whose page
 * title was changed (scripts/build/build-in-copy.mjs, the same clean build check-reproducible uses).
 * It costs one module build (~40–120 s here), so it is kept in tmp/deploy/ under the hash of the
 * module's inputs and rebuilt only when those change or E2E_REBUILD_DEPLOY=1 asks for it.
 */
const ROOT = path.resolve(__dirname, '..');
const DEPLOY = path.join(ROOT, 'tmp/deploy');
const CHANGED = { 'zh-CN': '渠道二维码（新版本）', en: 'Channel QR codes (new build)' };

type Builds = Record<string, { buildId: string }>;
const load = (file: string) => import(pathToFileURL(path.join(ROOT, file)).href);

function distBuilds(): Builds {
  const dir = path.join(ROOT, 'dist/modules');
  return Object.fromEntries(
    fs.readdirSync(dir)
      .filter((name) => fs.existsSync(path.join(dir, name, 'build.json')))
      .map((name) => [name, JSON.parse(fs.readFileSync(path.join(dir, name, 'build.json'), 'utf8'))]),
  );
}

/** The changed qr-codes build: `{ buildId, folder }`, built now unless its inputs were built before. */
async function changedQrCodesBuild(): Promise<{ buildId: string; folder: string }> {
  const { fingerprint } = await load('scripts/build/modules.mjs');
  const { buildInCopy } = await load('scripts/build/build-in-copy.mjs');
  const key = `${fingerprint('qr-codes').slice(0, 16)}-${Buffer.from(JSON.stringify(CHANGED)).toString('base64url').slice(0, 8)}`;
  const marker = path.join(DEPLOY, `qr-codes-${key}.json`);
  if (fs.existsSync(marker) && !process.env['E2E_REBUILD_DEPLOY']) {
    const cached = JSON.parse(fs.readFileSync(marker, 'utf8'));
    if (fs.existsSync(path.join(cached.folder, 'remoteEntry.json'))) return cached;
  }
  // Earlier variants (of older inputs) are of no further use.
  fs.rmSync(path.join(DEPLOY, 'modules/qr-codes'), { recursive: true, force: true });
  for (const old of fs.existsSync(DEPLOY) ? fs.readdirSync(DEPLOY).filter((f) => /^qr-codes-.*\.json$/.test(f)) : []) fs.rmSync(path.join(DEPLOY, old));
  const built = buildInCopy('qr-codes', {
    workDir: path.join(DEPLOY, 'src-qr-codes'),
    outDir: path.join(DEPLOY, 'modules/qr-codes'),
    edit: (copy: string) => {
      for (const [locale, title] of Object.entries(CHANGED)) {
        const file = path.join(copy, `projects/qr-codes/src/i18n/${locale}.json`);
        const strings = JSON.parse(fs.readFileSync(file, 'utf8'));
        strings.qrCodes.title = title;
        fs.writeFileSync(file, JSON.stringify(strings, null, 2));
      }
    },
  });
  fs.writeFileSync(marker, JSON.stringify(built));
  return built;
}

/** Serves `folder` at `/deploy/<name>/<id>/` (as a CDN would serve a new immutable folder); returns its remoteEntry URL. */
async function serveFolder(page: Page, name: string, id: string, folder: string): Promise<string> {
  await page.route(new RegExp(`/deploy/${name}/${id}/`), (route) => {
    const file = path.join(folder, new URL(route.request().url()).pathname.split('/').pop()!);
    return fs.existsSync(file) ? route.fulfill({ path: file }) : route.fulfill({ status: 404 });
  });
  return `/deploy/${name}/${id}/remoteEntry.json`;
}

/**
 * Serves `folder` at `/deploy/<name>/<id>/` (as a CDN would serve the new immutable folder) and
 * answers the manifest with only `name` moved there; returns the manifest the page really got.
 */
async function deploy(page: Page, name: string, id: string, folder: string) {
  const url = await serveFolder(page, name, id, folder);
  const served: { original?: { remotes: Record<string, string> }; moved?: { remotes: Record<string, string> } } = {};
  await page.route('**/mfe-manifest.json', async (route) => {
    const original = await (await route.fetch()).json();
    const moved = { ...original, remotes: { ...original.remotes, [name]: url } };
    Object.assign(served, { original, moved });
    await route.fulfill({ json: moved, headers: { 'cache-control': 'no-cache' } });
  });
  // The page carries the manifest too (the shell reads it from there, ADR 0013), and the start server's
  // preload hints (module preloads too, ADR 0018) come from it; with the moved manifest on the server the
  // page would hold the moved manifest and hint none of this module's files (only remotes it serves
  // itself): answered as it would be.
  await page.route(
    (u) => !/^\/(api|__mock|modules|deploy)\//.test(u.pathname),
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      const response = await route.fetch();
      const body = (await response.text())
        .replace(new RegExp(`\\s*<link rel="(?:preload|modulepreload)"[^>]*href="/modules/${name}/[^>]*>`, 'g'), '')
        .replace(/(<script type="application\/json" id="wx-mfe-manifest">)(.*?)(<\/script>)/s, (_, open: string, json: string, close: string) => {
          const original = JSON.parse(json);
          const moved = { ...original, remotes: { ...original.remotes, [name]: url } };
          Object.assign(served, { original, moved });
          return open + JSON.stringify(moved).replace(/</g, '\\u003c') + close;
        });
      await route.fulfill({ response, body });
    },
  );
  return served;
}

test.describe('independent deployment', () => {
  let changed: { buildId: string; folder: string };
  let before: Builds;

  test.beforeAll(async () => {
    test.setTimeout(600_000);
    before = distBuilds();
    changed = await changedQrCodesBuild();
  });

  test('a new build of one module, with only the manifest pointing at it, shows its change; no other module moves', async ({ page }) => {
    // The second build is a different build of the same module, and building it touched no other build.
    expect(changed.buildId).not.toBe(before['qr-codes']?.buildId);
    expect(distBuilds()).toEqual(before);

    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    const served = await deploy(page, 'qr-codes', changed.buildId, changed.folder);
    await page.goto('/wechat/qrcodes');
    await expect(page.getByRole('heading', { level: 1, name: CHANGED['zh-CN'] })).toBeVisible();
    await expect(shownAccount(page)).toBeVisible();

    // Only qr-codes moved: every other remote keeps the URL of its existing build.
    const { ['qr-codes']: oldUrl, ...others } = served.original!.remotes;
    const { ['qr-codes']: newUrl, ...othersAfter } = served.moved!.remotes;
    expect(othersAfter).toEqual(others);
    expect(newUrl).not.toBe(oldUrl);
    expect(requested.some((p) => p.startsWith(`/deploy/qr-codes/${changed.buildId}/`))).toBe(true);
    expect(requested.filter((p) => p.startsWith('/modules/qr-codes/'))).toEqual([]);

    // Another module still loads from its old folder next to the new one; back again, still the new build.
    // Waited for by its request: the QR page's gate may still show while single-spa swaps the applications.
    const menusFolder = others['menus']!.replace(/remoteEntry\.json$/, '');
    const menusLoaded = page.waitForRequest((request) => new URL(request.url()).pathname.startsWith(menusFolder));
    await page.getByRole('link', { name: '自定义菜单' }).click();
    await menusLoaded;
    await expect(page.getByRole('main').locator('wx-menu-editor')).toBeVisible();
    await page.getByRole('link', { name: '微信二维码' }).click();
    await expect(page.getByRole('heading', { level: 1, name: CHANGED['zh-CN'] })).toBeVisible();
  });

  test('a developer overrides one module in their own browser: same origin honoured and shown, another origin refused', async ({ page, expectAccessible }) => {
    await serveFolder(page, 'qr-codes', changed.buildId, changed.folder);
    const preview = `/deploy/qr-codes/${changed.buildId}/remoteEntry.json`;
    await page.addInitScript(
      ([value]) => localStorage.setItem('wx-mfe-overrides', value),
      [JSON.stringify({ 'qr-codes': preview, menus: 'https://evil.example/modules/menus/x/remoteEntry.json' })],
    );
    await page.goto('/wechat/qrcodes');
    await expect(page.getByRole('heading', { level: 1, name: CHANGED['zh-CN'] })).toBeVisible();
    const notice = page.getByRole('status').filter({ hasText: '本地覆盖的模块' });
    await expect(notice.getByRole('listitem')).toHaveText([`qr-codes 来自 ${preview}`]);
    await expect(page.getByRole('alert').filter({ hasText: 'wx-mfe-overrides' })).toContainText('https://evil.example');
    // The header's switcher mounts after the main content (ADR 0019): axe judges the settled page, not a
    // switcher caught before its label (seen once in CI on a busy machine).
    await expect(page.getByRole('banner').getByRole('combobox', { name: '当前公众号' })).toBeVisible();
    await expectAccessible('override notice');
    // The refused override left menus on its manifest build.
    await page.getByRole('link', { name: '自定义菜单' }).click();
    await expect(shownAccount(page)).toBeVisible();
  });
});

test('a copy of a build whose remoteEntry.json names another Angular is refused in its slot, naming package and versions', async ({ page, expectAccessible }) => {
  const current = distBuilds()['menus']!;
  const folder = path.join(DEPLOY, 'skewed-menus', current.buildId);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, 'dist/modules/menus', current.buildId), folder, { recursive: true });
  const entryFile = path.join(folder, 'remoteEntry.json');
  const entry = JSON.parse(fs.readFileSync(entryFile, 'utf8'));
  const shared = entry.shared.find((s: { packageName: string }) => s.packageName === '@angular/core');
  const installed = shared.version;
  shared.version = '21.0.0';
  fs.writeFileSync(entryFile, JSON.stringify(entry));

  await deploy(page, 'menus', 'skewed', folder);
  await page.goto('/wechat/menus');
  const slotError = page.getByRole('main').getByRole('alert');
  await expect(slotError).toContainText('版本不一致');
  await expect(slotError.getByRole('listitem')).toHaveText([`@angular/core：模块使用 21.0.0，平台共享 ${installed}`]);
  await expectAccessible('version skew in the slot');
  // Nothing of the refused build ran; the header application still works.
  await expect(shownAccount(page)).toHaveCount(0);
  await expect(page.getByRole('banner').getByRole('combobox', { name: '当前公众号' })).toBeVisible();
});
