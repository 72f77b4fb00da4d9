import type { Page } from '@playwright/test';
import { expect, shownAccount, test } from './support/fixtures';

const SMART = 'wx5f3a9c1e7b2d4068'; // Dmartech智慧营销
const SUBSCRIPTION = 'wx9b2d6f0a4c8e1357'; // Dmartech订阅号

interface ContactLink {
  appid: string;
  openid: string;
}
interface Contact {
  id: number;
  phone?: string;
  accounts: ContactLink[];
}

const picker = (page: Page) => page.getByRole('combobox', { name: /公众号（可多选）|Official accounts/ });
const count = (page: Page) => page.getByTestId('contact-count');
const rows = (page: Page) => page.locator('table.contacts tbody tr');

/** Picks accounts in the multi picker by name (toggling them), then closes it. */
async function pickAccounts(page: Page, names: string[]) {
  await picker(page).click();
  const listbox = page.getByRole('listbox');
  for (const name of names) await listbox.getByRole('option', { name: new RegExp(name) }).click();
  await page.keyboard.press('Escape');
  await expect(listbox).toBeHidden();
}

/** A contact who is a fan of `appid` only and has no phone yet (an unmerged person). */
async function anonymousFanOf(page: Page, appid: string): Promise<ContactLink> {
  const page1 = (await (await page.request.get(`/api/contacts?appids=${appid}&limit=200`)).json()).items as Contact[];
  const contact = page1.find((c) => !c.phone && c.accounts.length === 1)!;
  return contact.accounts[0];
}

async function apiTotal(page: Page, query: string): Promise<number> {
  return (await (await page.request.get(`/api/contacts?limit=1&${query}`)).json()).total;
}

test.describe('WeChat-fan contacts', () => {
  test('contacts of two picked accounts; a contact merges across both after the same phone is attached', async ({ page, mock, expectAccessible }) => {
    const phone = '13700001234';
    const smartFan = await anonymousFanOf(page, SMART);
    const subscriptionFan = await anonymousFanOf(page, SUBSCRIPTION);

    await page.goto('/host/contacts');
    await expect(page.getByRole('heading', { name: '微信粉丝联系人' })).toBeVisible();
    await expect(shownAccount(page)).toHaveAttribute('data-appid', SMART);
    // Default: the selected account.
    await expect(picker(page)).toContainText('Dmartech智慧营销');
    await expect(count(page)).toHaveText(`共 ${(await apiTotal(page, `appids=${SMART}`)).toLocaleString('en-US')} 位联系人`);

    await pickAccounts(page, ['Dmartech订阅号']);
    await expect(picker(page)).toContainText('已选 2 个公众号');
    const both = await apiTotal(page, `appids=${SMART},${SUBSCRIPTION}`);
    await expect(count(page)).toHaveText(`共 ${both.toLocaleString('en-US')} 位联系人`);
    // The seed's merged people show both accounts in one row.
    await expect(rows(page).filter({ hasText: 'Dmartech订阅号' }).filter({ hasText: 'Dmartech智慧营销' }).first()).toBeVisible();
    await expectAccessible('contacts page with two accounts picked');

    // Two anonymous contacts of the same person learn one phone: they become one contact.
    await mock('contacts/attach', { appid: SMART, openid: smartFan.openid, phone });
    const search = page.getByRole('searchbox', { name: '搜索姓名、手机或邮箱' });
    await search.fill(phone);
    await search.press('Enter');
    await expect(count(page)).toHaveText('共 1 位联系人');
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first().locator('.links li')).toHaveCount(1);

    await mock('contacts/attach', { appid: SUBSCRIPTION, openid: subscriptionFan.openid, phone });
    // Searching again (Enter) asks the server again.
    await search.press('Enter');
    await expect(rows(page)).toHaveCount(1);
    const merged = rows(page).first();
    await expect(merged.locator('.links li')).toHaveCount(2);
    await expect(merged.locator('.links li').nth(0)).toContainText('Dmartech智慧营销');
    await expect(merged.locator('.links li').nth(0)).toContainText(smartFan.openid);
    await expect(merged.locator('.links li').nth(1)).toContainText('Dmartech订阅号');
    await expect(merged.locator('.links li').nth(1)).toContainText(subscriptionFan.openid);
    await expect(merged).toContainText(phone);
    await expect(count(page)).toHaveText('共 1 位联系人');
  });

  test('contacts shared with the department are marked read-only; the page works in English', async ({ page, signInAs, expectAccessible }) => {
    await signInAs('marketer');
    await page.goto('/host/contacts');
    await page.getByLabel('语言').selectOption('en');
    await expect(page.getByRole('heading', { name: 'WeChat fan contacts' })).toBeVisible();
    // Nothing picked: every account of the user plus those shared with Marketing (DM 未认证服务号).
    await pickAccounts(page, ['Dmartech智慧营销']);
    await expect(picker(page)).toContainText('All accounts');
    const total = await apiTotal(page, '');
    await expect(count(page)).toHaveText(`Contacts: ${total.toLocaleString('en-US')}`);
    await expect(rows(page).first()).toContainText('Editable');
    // Server paging: the second page starts at the 21st contact.
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(page.locator('.pager .range')).toHaveText(`21–40 of ${total.toLocaleString('en-US')}`);

    // A contact of DM 未认证服务号, which HQ shares with Marketing, is shown read-only.
    const sharedPage = (await (await page.request.get('/api/contacts?appids=wx3c7e0b4f8a2d6e19&limit=100')).json()).items as (Contact & { shared: boolean })[];
    const shared = sharedPage.find((c) => c.phone)!;
    expect(shared.shared).toBeTruthy();
    const search = page.getByRole('searchbox', { name: 'Search name, phone or email' });
    await search.fill(shared.phone!);
    await expect(count(page)).toHaveText('Contacts: 1');
    await expect(rows(page).first()).toContainText('Shared (read-only)');
    await expect(rows(page).first()).toContainText('DM 未认证服务号');
    await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled();
    await expectAccessible('contacts page (English, shared contacts)');
  });
});
