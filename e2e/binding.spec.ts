import { test, expect, switcherOptions } from './support/fixtures';

test.describe('binding and unbinding accounts', () => {
  test('bind → authorize in WeChat → the account appears with its followers imported', async ({ page, expectAccessible }) => {
    await page.goto('/settings/wechat-accounts');
    await expect(page.getByRole('heading', { name: '微信公众号' })).toBeVisible();
    await expectAccessible('settings page');
    await page.getByRole('button', { name: '绑定公众号' }).click();

    // The simulated WeChat authorization page stands in for the administrator's phone.
    await expect(page).toHaveURL(/\/__mock\/wechat\/authorize/);
    await expectAccessible('WeChat authorization page');
    const accountSelect = page.getByLabel(/选择公众号/);
    const option = accountSelect.locator('option', { hasText: 'DM 新品服务号' });
    await accountSelect.selectOption((await option.getAttribute('value')) ?? '');
    await page.getByRole('button', { name: /授权/ }).click();

    await expect(page).toHaveURL(/\/settings\/wechat-accounts$/);
    await expect(page.getByTestId('authorized-banner')).toContainText('DM 新品服务号');
    await expect(page.getByTestId('authorized-banner')).toContainText(/粉丝导入完成/, { timeout: 30_000 });
    await expect(page.getByRole('row', { name: /DM 新品服务号/ })).toBeVisible();
    expect(await switcherOptions(page)).toContain('DM 新品服务号');
  });

  test('unbind is refused until WeChat cancelled the authorization; contacts remain', async ({ page, mock, expectAccessible }) => {
    await page.goto('/settings/wechat-accounts');
    const accounts = (await (await page.request.get('/api/wechat/accounts')).json()).items as { appid: string; name: string }[];
    const target = accounts.find((a) => a.name === 'DM 未认证服务号')!;

    await page.getByRole('button', { name: `解绑 ${target.name}` }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('mp.weixin.qq.com');
    await expectAccessible('unbind dialog');
    await dialog.getByRole('button', { name: /确认解绑/ }).click();
    await expect(dialog.getByTestId('unbind-problem')).toContainText('微信仍显示该公众号已授权');

    await mock('wechat/revoke', { appid: target.appid });
    await dialog.getByRole('button', { name: /确认解绑/ }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('row', { name: new RegExp(target.name) })).toHaveCount(0);
    expect(await switcherOptions(page)).not.toContain(target.name);

    const summary = (await (await page.request.get('/api/contacts/summary')).json()).items as { appid: string; contacts: number; updating: boolean }[];
    const kept = summary.find((s) => s.appid === target.appid);
    expect(kept?.contacts).toBeGreaterThan(0);
    expect(kept?.updating).toBe(false);
  });

  test('non-administrators see the accounts read-only', async ({ page, signInAs }) => {
    await signInAs('marketer');
    await page.goto('/settings/wechat-accounts');
    await expect(page.getByRole('row', { name: /Dmartech智慧营销/ })).toBeVisible();
    await expect(page.getByRole('button', { name: '绑定公众号' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /解绑/ })).toHaveCount(0);
  });
});
