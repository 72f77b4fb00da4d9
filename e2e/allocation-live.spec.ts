import { request as playwrightRequest } from '@playwright/test';
import { test, expect, switcherOptions } from './support/fixtures';

test('allocation changes reach a signed-in marketer without a reload', async ({ page, signInAs, baseURL }) => {
  const admin = await playwrightRequest.newContext({ baseURL });
  expect((await admin.post('/api/session', { data: { username: 'admin' } })).ok()).toBeTruthy();
  const accounts = (await (await admin.get('/api/wechat/accounts')).json()).items as { appid: string; name: string }[];
  const smart = accounts.find((a) => a.name === 'Dmartech智慧营销')!;

  await signInAs('marketer');
  await page.goto('/wechat/menus');
  expect((await switcherOptions(page)).sort()).toEqual(['Dmartech智慧营销', 'Dmartech订阅号'].sort());
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));

  // The administrator takes the subscription account away from Marketing: the switcher follows (SSE).
  expect((await admin.put('/api/departments/dep_marketing/allocation', { data: { appids: [smart.appid] } })).ok()).toBeTruthy();
  await expect.poll(() => switcherOptions(page)).toEqual(['Dmartech智慧营销']);

  // And the last one: the page turns into the no-permission state, still without a reload.
  expect((await admin.put('/api/departments/dep_marketing/allocation', { data: { appids: [] } })).ok()).toBeTruthy();
  await expect(page.getByTestId('switcher-no-permission')).toBeVisible();
  await expect(page.getByRole('main').getByText(/渠道分配/).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  await admin.dispose();
});
