import { test, expect, switcher, shownAccount } from './support/fixtures';

test('a module whose entry is missing shows the slot error; the others work; retry recovers', async ({ page, expectAccessible }) => {
  let broken = true;
  await page.route(/\/modules\/qr-codes\/[^/]+\/remoteEntry\.json/, (route) =>
    broken ? route.fulfill({ status: 404, body: 'gone' }) : route.continue(),
  );
  await page.goto('/wechat/qrcodes');
  const slotError = page.getByRole('main').getByRole('alert');
  await expect(slotError).toContainText('该模块加载失败');
  // The header application and the navigation keep working.
  await expect(switcher(page)).toBeVisible();
  await expectAccessible('slot error');
  await page.getByRole('link', { name: '自定义菜单' }).click();
  await expect(shownAccount(page)).toBeVisible();
  await page.getByRole('link', { name: '微信二维码' }).click();
  await expect(slotError).toBeVisible();

  broken = false;
  await slotError.getByRole('button', { name: '重试' }).click();
  await expect(shownAccount(page)).toBeVisible();
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
});

test('a module that throws while mounting shows the slot error; retry mounts it again', async ({ page }) => {
  // Wrap the real exposed module so that its mount fails while the page says so.
  await page.route(/\/modules\/qr-codes\/[^/]+\/lifecycles-[^/?]+\.js$/, (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: `import * as real from '${route.request().url()}?real';
export const bootstrap = real.bootstrap;
export const unmount = real.unmount;
export async function mount(props) {
  if (window.__failMount) throw new Error('simulated mount failure');
  return real.mount(props);
}`,
    }),
  );
  await page.addInitScript(() => ((window as unknown as { __failMount: boolean }).__failMount = true));
  await page.goto('/wechat/qrcodes');
  const slotError = page.getByRole('main').getByRole('alert');
  await expect(slotError).toContainText('该模块加载失败');
  await expect(page.getByRole('banner').getByRole('combobox', { name: '当前公众号' })).toBeVisible();

  await page.evaluate(() => ((window as unknown as { __failMount: boolean }).__failMount = false));
  await slotError.getByRole('button', { name: '重试' }).click();
  await expect(shownAccount(page)).toBeVisible();
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
});

test('a module built against another Angular version is refused loudly in its slot', async ({ page }) => {
  await page.route(/\/modules\/menus\/[^/]+\/remoteEntry\.json/, async (route) => {
    const entry = await (await route.fetch()).json();
    for (const shared of entry.shared) if (shared.packageName === '@angular/core') shared.version = '21.0.0';
    await route.fulfill({ json: entry });
  });
  await page.goto('/wechat/menus');
  const slotError = page.getByRole('main').getByRole('alert');
  await expect(slotError).toContainText('版本不一致');
  // Nothing of the skewed module ran; the header application still works.
  await expect(shownAccount(page)).toHaveCount(0);
  await expect(page.getByRole('banner').getByRole('combobox', { name: '当前公众号' })).toBeVisible();
});
