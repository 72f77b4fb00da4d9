import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/**
 * Opens a Material select from the keyboard. (A click on an empty one lands on its resting label,
 * which Material lets take the click; Playwright refuses that as "intercepted".)
 */
async function open(page: Page, combobox: Locator) {
  await combobox.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listbox')).toBeVisible();
}

/** Picks options of a select by name (toggling them in multiple mode), then closes it. */
async function pick(page: Page, combobox: Locator, names: string[], multiple = true) {
  await open(page, combobox);
  const listbox = page.getByRole('listbox');
  for (const name of names) await listbox.getByRole('option', { name: new RegExp(name) }).click();
  if (multiple) await page.keyboard.press('Escape');
  await expect(listbox).toBeHidden();
}

/** Elements in the whole document and CDK overlay containers: what a parcel could leak. */
async function domFootprint(page: Page) {
  return page.evaluate(() => ({
    nodes: document.getElementsByTagName('*').length,
    overlays: document.querySelectorAll('.cdk-overlay-container').length,
    styles: document.querySelectorAll('style').length,
  }));
}

const subscriptions = (page: Page) => page.getByTestId('context-subscriptions');

test.describe('host-suite widgets (parcels)', () => {
  test('the journey audience picker is a parcel: picks several accounts with type badges, reports them to the host', async ({ page, expectAccessible }) => {
    await page.goto('/host/journeys');
    await expect(page.getByRole('heading', { name: '旅程（宿主演示）' })).toBeVisible();
    const audience = page.getByTestId('audience-picker').getByRole('combobox', { name: '公众号（可多选）' });
    await expect(audience).toBeVisible();
    await open(page, audience);
    const options = page.getByRole('listbox').getByRole('option');
    await expect(options).toHaveText([/Dmartech智慧营销\s*服务号\s*已认证/, /Dmartech订阅号\s*订阅号/, /DM Demo Service/, /DM 未认证服务号\s*服务号\s*未认证/]);
    await page.keyboard.press('Escape');
    await pick(page, audience, ['Dmartech智慧营销', 'Dmartech订阅号']);
    await expect(page.getByTestId('audience-value')).toHaveText('受众：Dmartech智慧营销、Dmartech订阅号');
    await expect(audience).toContainText('已选 2 个公众号');
    await expectAccessible('journeys host page with the audience parcel');
  });

  test('the marketer sees only the accounts of the department', async ({ page, signInAs }) => {
    await signInAs('marketer');
    await page.goto('/host/journeys');
    const audience = page.getByTestId('audience-picker').getByRole('combobox', { name: '公众号（可多选）' });
    await open(page, audience);
    await expect(page.getByRole('listbox').getByRole('option')).toHaveText([/Dmartech智慧营销/, /Dmartech订阅号/]);
  });

  test('two instances of one parcel work side by side; unmounting one leaves no DOM, overlay or subscription behind', async ({ page }) => {
    await page.goto('/host/journeys');
    const audience = page.getByTestId('audience-picker').getByRole('combobox', { name: '公众号（可多选）' });
    await expect(audience).toBeVisible();
    await expect(subscriptions(page)).not.toHaveAttribute('data-count', '0');
    const baselineCount = await subscriptions(page).getAttribute('data-count');
    // Let the first instance create its overlay container before measuring.
    await open(page, audience);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('listbox')).toBeHidden();
    const before = await domFootprint(page);

    await page.getByRole('button', { name: '挂载第二个选择器' }).click();
    const second = page.getByTestId('second-picker').getByRole('combobox', { name: '公众号' });
    await expect(second).toBeVisible();
    await expect(subscriptions(page)).not.toHaveAttribute('data-count', baselineCount!);
    // Each instance keeps its own value.
    await pick(page, second, ['DM Demo Service'], false);
    await expect(page.getByTestId('second-value')).toHaveText(/^wx/);
    await pick(page, audience, ['Dmartech订阅号']);
    await expect(page.getByTestId('audience-value')).toHaveText('受众：Dmartech订阅号');
    await expect(second).toContainText('DM Demo Service');
    expect((await domFootprint(page)).overlays).toBe(before.overlays + 1);

    await page.getByRole('button', { name: '卸载第二个选择器' }).click();
    await expect(page.getByTestId('second-picker')).toHaveCount(0);
    await expect(subscriptions(page)).toHaveAttribute('data-count', baselineCount!);
    await expect.poll(() => domFootprint(page)).toEqual(before);
    // The first instance still works.
    await pick(page, audience, ['Dmartech智慧营销']);
    await expect(page.getByTestId('audience-value')).toHaveText('受众：Dmartech智慧营销、Dmartech订阅号');
  });

  test('leaving the page unmounts every parcel', async ({ page }) => {
    await page.goto('/host/journeys');
    await expect(page.getByTestId('audience-picker').getByRole('combobox')).toBeVisible();
    await page.evaluate(() => window.history.pushState(null, '', '/wechat/fans'));
    await expect(page.locator('wx-account-picker-parcel')).toHaveCount(0);
  });

  test('the host page and the widgets inside it switch to English together', async ({ page, expectAccessible }) => {
    await page.goto('/host/journeys');
    await expect(page.getByTestId('audience-picker').getByRole('combobox', { name: '公众号（可多选）' })).toBeVisible();
    await page.getByLabel('语言').selectOption('en');
    await expect(page.getByRole('heading', { name: 'Journeys (host demo)' })).toBeVisible();
    const audience = page.getByTestId('audience-picker').getByRole('combobox', { name: 'Official accounts' });
    await pick(page, audience, ['Dmartech订阅号']);
    await expect(page.getByTestId('audience-value')).toHaveText('Audience: Dmartech订阅号');
    await open(page, audience);
    await expect(page.getByRole('listbox').getByRole('option', { name: /Dmartech订阅号/ })).toContainText('Subscription account');
    await page.keyboard.press('Escape');
    await expectAccessible('journeys host page in English');
  });
});
