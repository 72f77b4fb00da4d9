import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

const SMART = 'wx5f3a9c1e7b2d4068'; // Dmartech智慧营销

const rule = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
const form = (page: Page) => page.getByRole('form', { name: /共享规则|sharing rule/ });

async function smartContactsFor(page: Page): Promise<number> {
  return (await page.request.get(`/api/contacts?appids=${SMART}&limit=1`)).status();
}

test.describe('contact sharing', () => {
  test("a rule makes Marketing's Dmartech智慧营销 contacts visible to Sales, read-only; disabling and deleting take it back", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    await page.goto('/settings/contact-sharing');
    await expect(page.getByRole('heading', { name: '联系人共享', level: 1 })).toBeVisible();
    await expect(rule(page, '市场部共享订阅号给销售部')).toContainText('销售部');

    await page.getByRole('button', { name: '新建共享规则' }).click();
    const f = form(page);
    await f.getByLabel('规则名称').fill('市场部共享智慧营销');
    await f.getByLabel('所属部门').selectOption({ label: '市场部' });
    await f.getByRole('group', { name: '共享哪些公众号的联系人' }).getByRole('checkbox', { name: /Dmartech智慧营销/ }).check();
    const targets = f.getByRole('group', { name: '共享给哪些部门（只读）' });
    await targets.getByRole('checkbox', { name: /市场部/ }).check();
    await f.getByRole('button', { name: '保存规则' }).click();
    // Refused before sending; what was typed stays.
    await expect(f.getByText('部门不能共享给自己')).toBeVisible();
    await expect(f.getByLabel('规则名称')).toHaveValue('市场部共享智慧营销');
    await expectAccessible('contact-sharing form with an error');
    await targets.getByRole('checkbox', { name: /市场部/ }).uncheck();
    await targets.getByRole('checkbox', { name: /销售部/ }).check();
    await f.getByRole('button', { name: '保存规则' }).click();
    await expect(f).toBeHidden();
    await expect(page.getByTestId('sharing-status')).toContainText('已创建规则“市场部共享智慧营销”');
    await expect(rule(page, '市场部共享智慧营销')).toContainText('Dmartech智慧营销');
    await expect(rule(page, '市场部共享智慧营销').getByRole('switch')).toHaveAttribute('aria-checked', 'true');

    // Sales, without an account of its own, sees those contacts marked shared (read-only).
    await signInAs('sales');
    expect(await smartContactsFor(page)).toBe(200);
    await page.goto('/host/contacts');
    await expect(page.getByRole('heading', { name: '微信粉丝联系人' })).toBeVisible();
    const smartRow = page.locator('table.contacts tbody tr').filter({ hasText: 'Dmartech智慧营销' }).first();
    await expect(smartRow).toBeVisible();
    await expect(smartRow).toContainText('共享（只读）');
    await expect(page.locator('table.contacts tbody tr').filter({ hasText: '可编辑' })).toHaveCount(0);

    // Disabled, then deleted (after a confirmation): Sales no longer sees them.
    await signInAs('admin');
    await page.goto('/settings/contact-sharing');
    await rule(page, '市场部共享智慧营销').getByRole('switch', { name: '启用规则 市场部共享智慧营销' }).click();
    await expect(rule(page, '市场部共享智慧营销').getByRole('switch')).toHaveAttribute('aria-checked', 'false');
    await signInAs('sales');
    expect(await smartContactsFor(page)).toBe(403);
    await signInAs('admin');
    await page.reload();
    await rule(page, '市场部共享智慧营销').getByRole('switch').click();
    await expect(rule(page, '市场部共享智慧营销').getByRole('switch')).toHaveAttribute('aria-checked', 'true');
    await rule(page, '市场部共享智慧营销').getByRole('button', { name: '删除规则 市场部共享智慧营销' }).click();
    await expect(page.getByRole('button', { name: '确认删除' })).toBeFocused();
    await expectAccessible('contact sharing, delete confirmation');
    await page.getByRole('button', { name: '确认删除' }).click();
    await expect(rule(page, '市场部共享智慧营销')).toHaveCount(0);
    await signInAs('sales');
    expect(await smartContactsFor(page)).toBe(403);
  });

  test('a duplicate is refused and an edit is saved; the page works in English', async ({ page, expectAccessible }) => {
    await page.goto('/settings/contact-sharing');
    await page.getByLabel('语言').selectOption('en');
    await expect(page.getByRole('heading', { name: 'Contact sharing', level: 1 })).toBeVisible();
    await page.getByRole('button', { name: 'New sharing rule' }).click();
    const f = page.getByRole('form', { name: 'New sharing rule' });
    await f.getByLabel('Rule name').fill('Copy');
    await f.getByLabel('Owner department').selectOption({ label: '市场部' });
    await f.getByRole('group', { name: 'Share the contacts of' }).getByRole('checkbox', { name: /Dmartech订阅号/ }).check();
    await f.getByRole('group', { name: 'Share with (read-only)' }).getByRole('checkbox', { name: /销售部/ }).check();
    await f.getByRole('button', { name: 'Save rule' }).click();
    await expect(f.getByRole('alert')).toContainText('The rule “市场部共享订阅号给销售部” already shares');
    const before = ((await (await page.request.get('/api/contact-sharing/rules')).json()).items as unknown[]).length;
    expect(before).toBe(2);
    await expectAccessible('contact sharing in English, duplicate refused');
    await f.getByRole('button', { name: 'Cancel' }).click();

    await rule(page, '市场部共享订阅号给销售部').getByRole('button', { name: 'Edit rule 市场部共享订阅号给销售部' }).click();
    const edit = page.getByRole('form', { name: 'Edit sharing rule' });
    await expect(edit.getByLabel('Rule name')).toHaveValue('市场部共享订阅号给销售部');
    await edit.getByRole('group', { name: 'Share with (read-only)' }).getByRole('checkbox', { name: /华东区/ }).check();
    await edit.getByRole('button', { name: 'Save rule' }).click();
    await expect(edit).toBeHidden();
    await expect(rule(page, '市场部共享订阅号给销售部')).toContainText('华东区');
    const saved = ((await (await page.request.get('/api/contact-sharing/rules')).json()).items as { name: string; targetDepartmentIds: string[] }[]).find(
      (r) => r.name === '市场部共享订阅号给销售部',
    )!;
    expect(saved.targetDepartmentIds).toEqual(['dep_east', 'dep_sales']);
  });
});
