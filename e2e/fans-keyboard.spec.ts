import type { Page } from '@playwright/test';
import { expect, selectAccount, shownAccount, test } from './support/fixtures';

/**
 * The fan list from the keyboard alone (issue #10): the rows are one tab stop with roving focus,
 * the arrows, Page Down and Home / End move through the whole filtered list (100,000 fans of
 * DM Demo Service, paged from the server), Space selects, Enter opens the drawer, Escape returns.
 */
const DEMO = 'wxd1e4a7b0c3f6a925';

const count = (page: Page) => page.getByTestId('fan-count');
/** The row that has focus (the list's rows are the only focusable `.fan-row.body` elements). */
const focusedRow = (page: Page) => page.locator('wx-fan-list .fan-row.body:focus');
const headerCheckbox = (page: Page, name: string) => page.getByRole('columnheader').getByRole('checkbox', { name });

/** Openids in the list's order (the API's default: newest first) for a query, straight from the API. */
async function apiOpenids(page: Page, query: string): Promise<string[]> {
  const response = await page.request.get(`/api/wechat/accounts/${DEMO}/fans?${query}`);
  expect(response.ok()).toBeTruthy();
  return (await response.json()).items.map((fan: { openid: string }) => fan.openid);
}

async function openDemoFans(page: Page) {
  await page.goto('/wechat/fans');
  await selectAccount(page, 'DM Demo Service');
  await expect(shownAccount(page)).toHaveAttribute('data-appid', DEMO);
}

test.describe('fan list keyboard', () => {
  test('Tab enters at the current row, arrows / Page Down / End / Home move, Space selects, Enter opens, Escape returns', async ({ page, expectAccessible }) => {
    await openDemoFans(page);
    await expect(count(page)).toHaveText('共 100,000 位粉丝');
    const firstPage = await apiOpenids(page, 'offset=0&limit=20');
    await expect(page.locator('wx-fan-list .fan-row.body').first()).toHaveAttribute('data-openid', firstPage[0]);
    // One tab stop for all rows; the row checkboxes are out of the tab order.
    await expect(page.locator('wx-fan-list .fan-row.body[tabindex="0"]')).toHaveCount(1);
    await expect(page.locator('wx-fan-list .fan-row.body input[type="checkbox"]:not([tabindex="-1"])')).toHaveCount(0);
    await expect(page.getByRole('table', { name: '粉丝列表' })).toHaveAccessibleDescription(/Home \/ End/);

    // Tab from the header checkbox (the control before the rows) enters on the first row.
    const header = headerCheckbox(page, '选择当前显示的粉丝');
    await header.focus();
    await page.keyboard.press('Tab');
    await expect(focusedRow(page)).toHaveAttribute('aria-rowindex', '2');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await expect(focusedRow(page)).toHaveAttribute('aria-rowindex', '5');
    await expect(focusedRow(page)).toHaveAttribute('data-openid', firstPage[3]);

    // Leaving and coming back with Tab returns to the row last focused, not the first.
    await header.focus();
    await page.keyboard.press('Tab');
    await expect(focusedRow(page)).toHaveAttribute('data-openid', firstPage[3]);

    // Page Down moves one viewport of rows.
    const perPage = await page.locator('wx-fan-list cdk-virtual-scroll-viewport').evaluate((el) => Math.floor(el.clientHeight / 44));
    expect(perPage).toBeGreaterThan(3);
    await page.keyboard.press('PageDown');
    await expect(focusedRow(page)).toHaveAttribute('aria-rowindex', String(5 + perPage));

    // End: the 100,000th fan (its page is fetched on the way; focus waits on its placeholder).
    const [oldest] = await apiOpenids(page, 'offset=99999&limit=1');
    await page.keyboard.press('End');
    await expect(focusedRow(page)).toHaveAttribute('aria-rowindex', '100001');
    await expect(focusedRow(page)).toHaveAttribute('data-openid', oldest);
    await expect(focusedRow(page)).toBeInViewport();

    await page.keyboard.press('Home');
    await expect(focusedRow(page)).toHaveAttribute('aria-rowindex', '2');
    await expect(focusedRow(page)).toHaveAttribute('data-openid', firstPage[0]);

    // Space selects the focused fan; Enter opens it; Escape gives focus back to its row.
    await page.keyboard.press('Space');
    await expect(page.getByTestId('selection-count')).toHaveText('已选择 1 位粉丝');
    await expect(focusedRow(page).getByRole('checkbox')).toBeChecked();
    await expect(focusedRow(page)).toBeFocused();
    await expectAccessible('fan list with a focused row');

    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog', { name: '粉丝详情' });
    await expect(drawer).toBeVisible();
    await expect(drawer.getByTestId('fan-detail-openid')).toHaveText(firstPage[0]);
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(page.locator(`wx-fan-list .fan-row.body[data-openid="${firstPage[0]}"]`)).toBeFocused();
  });

  test('after a filter change the tab stop is the first matching fan, in English', async ({ page, expectAccessible }) => {
    await openDemoFans(page);
    await page.getByLabel('语言').selectOption('en');
    await expect(count(page)).toHaveText('100,000 fans');
    const header = headerCheckbox(page, 'Select the fans shown');
    await header.focus();
    await page.keyboard.press('Tab');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
    await expect(focusedRow(page)).toHaveAttribute('aria-rowindex', '7');

    await page.getByRole('combobox', { name: 'Tag', exact: true }).selectOption({ label: 'VIP' });
    await expect(count(page)).toContainText('fans match');
    const [firstVip] = await apiOpenids(page, 'tagId=102&offset=0&limit=1');
    await expect(page.locator('wx-fan-list .fan-row.body').first()).toHaveAttribute('data-openid', firstVip);
    await expect(page.getByRole('table', { name: 'Fans' })).toHaveAccessibleDescription(/Space selects the fan/);
    await header.focus();
    await page.keyboard.press('Tab');
    await expect(focusedRow(page)).toHaveAttribute('aria-rowindex', '2');
    await expect(focusedRow(page)).toHaveAttribute('data-openid', firstVip);
    await expectAccessible('fan list with a focused row (en)');
  });
});
