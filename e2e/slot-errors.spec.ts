import { test, expect, switcher } from './support/fixtures';

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
  await expect(page.getByTestId('selected-account-appid')).toBeVisible();
  await page.getByRole('link', { name: '微信二维码' }).click();
  await expect(slotError).toBeVisible();

  broken = false;
  await slotError.getByRole('button', { name: '重试' }).click();
  await expect(page.getByRole('heading', { name: '微信二维码' })).toBeVisible();
  await expect(page.getByTestId('selected-account-appid')).toBeVisible();
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
});
