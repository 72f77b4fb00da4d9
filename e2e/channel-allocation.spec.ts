import type { Browser, Page } from '@playwright/test';
import { expect, shownAccount, switcher, switcherOptions, test } from './support/fixtures';

const SMART = 'wx5f3a9c1e7b2d4068'; // Dmartech智慧营销
const SUBSCRIPTION = 'wx9b2d6f0a4c8e1357'; // Dmartech订阅号

const department = (page: Page, id: string) => page.locator(`[data-department-id="${id}"]`);

/** A second browser signed in as `user`, on `path` (the first page stays the administrator's). */
async function openAs(browser: Browser, baseURL: string, user: string, path: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN' });
  expect((await context.request.post('/api/session', { data: { username: user } })).ok()).toBeTruthy();
  const page = await context.newPage();
  await page.goto(path);
  return page;
}

async function departmentAppids(page: Page, id: string): Promise<string[]> {
  const { items } = (await (await page.request.get('/api/departments')).json()) as { items: { id: string; appids: string[] }[] };
  return items.find((d) => d.id === id)!.appids;
}

test.describe('channel allocation', () => {
  test('an account allocated to East China reaches east at once; removed again, east lands on the no-permission page without a reload', async ({
    page,
    browser,
    baseURL,
    expectAccessible,
  }) => {
    const east = await openAs(browser, baseURL!, 'east', '/wechat/fans');
    await expect(east.getByRole('main').getByText('暂无权限')).toBeVisible();
    await east.evaluate(() => ((window as unknown as { marker: number }).marker = 7));

    await page.goto('/settings/channel-allocation');
    await expect(page.getByRole('heading', { name: '渠道分配', level: 1 })).toBeVisible();
    const eastRow = department(page, 'dep_east');
    await expect(eastRow.getByTestId('not-inherited-flag')).toContainText('上级部门 市场部 有 2 个');
    await eastRow.getByRole('button', { name: '配置 华东区 的公众号' }).click();
    const editor = eastRow.locator('wx-department-editor');
    await expect(editor.getByRole('group', { name: '华东区 可使用的公众号' })).toBeVisible();
    await editor.getByRole('checkbox', { name: /Dmartech智慧营销/ }).check();
    await expectAccessible('channel allocation with the editor open');
    await editor.getByRole('button', { name: '保存分配' }).click();
    await expect(editor).toBeHidden();
    await expect(eastRow.getByRole('list', { name: '华东区 可使用的公众号' })).toContainText('Dmartech智慧营销');
    await expect(page.getByTestId('allocation-status')).toContainText('已保存 华东区 的分配');
    expect(await departmentAppids(page, 'dep_east')).toEqual([SMART]);

    // East's open page follows without a reload: the switcher offers the account, the page shows it.
    await expect(shownAccount(east)).toHaveAttribute('data-appid', SMART);
    expect(await switcherOptions(east)).toEqual(['Dmartech智慧营销']);

    // Removed again: the shared no-permission state explains the fix, still the same page load.
    await eastRow.getByRole('button', { name: '配置 华东区 的公众号' }).click();
    await editor.getByRole('checkbox', { name: /Dmartech智慧营销/ }).uncheck();
    await editor.getByRole('button', { name: '保存分配' }).click();
    await expect(eastRow.getByText('未分配公众号')).toBeVisible();
    await expect(east.getByRole('main').getByText('暂无权限')).toBeVisible();
    await expect(east.getByRole('main').getByText(/渠道分配/).first()).toBeVisible();
    await expect(switcher(east)).toBeHidden();
    expect(await east.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7);
    await east.context().close();
  });

  test("copies the parent's allocation after a confirmation; the preview explains each user's access (English too)", async ({ page, expectAccessible }) => {
    await page.goto('/settings/channel-allocation');
    const eastRow = department(page, 'dep_east');
    const preview = page.getByTestId('access-preview');
    await page.getByRole('combobox', { name: '用户', exact: true }).selectOption({ label: '华东专员 (east) · 华东区' });
    await expect(preview).toContainText('华东专员 没有可以使用的公众号');
    await expect(preview).toContainText('已分配给上级部门 市场部，不会被继承');

    await eastRow.getByRole('button', { name: '复制上级分配' }).click();
    const confirm = eastRow.getByRole('group', { name: /将上级部门 市场部 的公众号/ });
    await expect(confirm).toContainText('Dmartech智慧营销、Dmartech订阅号');
    await expect(eastRow.getByRole('button', { name: '确认复制' })).toBeFocused();
    await expectAccessible('channel allocation, copy confirmation');
    await eastRow.getByRole('button', { name: '取消' }).click();
    await expect(confirm).toBeHidden();
    expect(await departmentAppids(page, 'dep_east')).toEqual([]);

    await eastRow.getByRole('button', { name: '复制上级分配' }).click();
    await eastRow.getByRole('button', { name: '确认复制' }).click();
    await expect(eastRow.getByRole('list', { name: '华东区 可使用的公众号' })).toContainText('Dmartech订阅号');
    await expect(eastRow.getByTestId('not-inherited-flag')).toBeHidden();
    await expect(eastRow.getByRole('button', { name: '复制上级分配' })).toBeHidden();
    expect((await departmentAppids(page, 'dep_east')).sort()).toEqual([SMART, SUBSCRIPTION].sort());
    await expect(preview).toContainText('华东专员 可以使用 2 个公众号');
    await expect(preview).toContainText('已分配给 华东区');

    await page.getByLabel('语言').selectOption('en');
    await expect(page.getByRole('heading', { name: 'Channel allocation', level: 1 })).toBeVisible();
    await expect(preview).toContainText('华东专员 can use 2 accounts.');
    await expect(department(page, 'dep_sales')).toContainText('No account allocated');
    await page.getByRole('combobox', { name: 'User', exact: true }).selectOption({ label: '管理员 (admin) · 总部' });
    await expect(preview).toContainText('is an administrator and can use every bound account');
    await expectAccessible('channel allocation in English');
  });

  test('members are refused: the no-permission state on both pages, and 403 from the suite', async ({ page, signInAs, expectAccessible }) => {
    await signInAs('marketer');
    await page.goto('/settings/channel-allocation');
    await expect(page.getByTestId('admin-only')).toContainText('暂无权限');
    await expect(page.getByTestId('admin-only')).toContainText('只有管理员可以配置渠道分配和联系人共享');
    await expect(page.locator('[data-department-id]')).toHaveCount(0);
    await expectAccessible('channel allocation as a member');
    await page.goto('/settings/contact-sharing');
    await expect(page.getByTestId('admin-only')).toContainText('暂无权限');

    const refused = await page.request.put('/api/departments/dep_marketing/allocation', { data: { appids: [] } });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).code).toBe('FORBIDDEN_ROLE');
    expect((await page.request.get('/api/users')).status()).toBe(403);
    // Nothing changed: the marketer still has both accounts.
    expect(((await (await page.request.get('/api/wechat/accounts')).json()).items as unknown[]).length).toBe(2);
  });
});
