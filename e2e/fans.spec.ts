import type { Page } from '@playwright/test';
import { expect, selectAccount, shownAccount, test } from './support/fixtures';
import { watchScripts } from './support/scripts';

const SMART = 'wx5f3a9c1e7b2d4068';
const DEMO = 'wxd1e4a7b0c3f6a925';

const rows = (page: Page) => page.locator('wx-fan-list .fan-row.body[data-openid]');
const count = (page: Page) => page.getByTestId('fan-count');

/** Fans matching a query, straight from the API (what the page must agree with). */
async function apiTotal(page: Page, appid: string, query: string): Promise<number> {
  const response = await page.request.get(`/api/wechat/accounts/${appid}/fans?limit=1&${query}`);
  expect(response.ok()).toBeTruthy();
  return (await response.json()).total;
}

test.describe('fans', () => {
  test("scrolls DM Demo Service's 100,000 fans to the end and filters by tag and scene", async ({ page }) => {
    await page.goto('/wechat/fans');
    await selectAccount(page, 'DM Demo Service');
    await expect(shownAccount(page)).toHaveAttribute('data-appid', DEMO);
    await expect(count(page)).toHaveText('共 100,000 位粉丝');
    await expect(rows(page).first()).toBeVisible();

    // Fling to the bottom: the last rows' page is fetched and rendered.
    const viewport = page.locator('cdk-virtual-scroll-viewport');
    await viewport.evaluate((el) => (el.scrollTop = el.scrollHeight));
    const last = page.locator('wx-fan-list .fan-row.body[aria-rowindex="100001"]');
    await expect(last).toHaveAttribute('data-openid', /.+/);
    const oldest = (await (await page.request.get(`/api/wechat/accounts/${DEMO}/fans?order=asc&limit=1`)).json()).items[0].openid;
    await expect(last).toHaveAttribute('data-openid', oldest);

    await page.getByRole('combobox', { name: '标签', exact: true }).selectOption({ label: 'VIP' });
    const vip = await apiTotal(page, DEMO, 'tagId=102');
    await expect(count(page)).toHaveText(`符合条件的粉丝 ${vip.toLocaleString('en-US')} 位`);
    await expect(rows(page).first()).toContainText('VIP');

    await page.getByRole('combobox', { name: '关注来源' }).selectOption({ label: '扫描二维码' });
    await page.getByRole('searchbox', { name: '二维码场景值' }).fill('1001');
    const qr = await apiTotal(page, DEMO, 'tagId=102&scene=ADD_SCENE_QR_CODE&qrScene=1001');
    expect(qr).toBeGreaterThan(0);
    await expect(count(page)).toHaveText(`符合条件的粉丝 ${qr.toLocaleString('en-US')} 位`);
    await expect(rows(page).first()).toContainText('扫描二维码 · 1001');

    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect(count(page)).toHaveText('共 100,000 位粉丝');
  });

  test("opens a fan's timeline after simulated events, in English, and closes it with Escape", async ({ page, mock, expectAccessible }) => {
    const openid = 'o_e2e_timeline_fan_000000001';
    await mock('wechat/events', { appid: SMART, FromUserName: openid, MsgType: 'event', Event: 'subscribe', EventKey: 'qrscene_1001' });
    await mock('wechat/events', { appid: SMART, FromUserName: openid, MsgType: 'text', Content: 'Hello from e2e' });

    await page.goto('/wechat/fans');
    await page.getByLabel('语言').selectOption('en');
    await expect(page.getByRole('heading', { name: 'Fans', exact: true })).toBeVisible();
    await expect(shownAccount(page)).toHaveAttribute('data-appid', SMART);
    // The newest follower heads the list (newest first).
    const row = page.locator(`wx-fan-list .fan-row[data-openid="${openid}"]`);
    await expect(row).toBeVisible();
    // Focus on a row starts the drawer's download (wxPrefetch on the rows): Enter then fetches no code.
    const { started, settled } = watchScripts(page);
    await row.focus();
    await expect.poll(() => started.length, { message: 'focus on a row starts the drawer’s download' }).toBeGreaterThan(0);
    await expect.poll(settled).toBe(true);
    const loaded = started.length;
    await page.keyboard.press('Enter');

    const panel = page.getByRole('dialog', { name: 'Fan details' });
    await expect(panel).toBeVisible();
    expect(started.slice(loaded), 'scripts fetched by Enter').toEqual([]);
    await expect(panel.getByTestId('fan-detail-openid')).toHaveText(openid);
    const timeline = panel.getByTestId('fan-timeline').getByRole('listitem');
    await expect(timeline.filter({ hasText: 'Sent a message' })).toContainText('Hello from e2e');
    await expect(timeline.filter({ hasText: /^.*Subscribed/ })).toContainText('官网首页关注码');
    await expectAccessible('fan detail panel');

    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(row).toBeFocused();
  });

  test('shows "no fans match" for an empty filter and keeps /host/contacts working', async ({ page }) => {
    await page.goto('/wechat/fans');
    await expect(count(page)).toContainText('位粉丝');
    await page.getByRole('textbox', { name: '备注' }).or(page.getByRole('searchbox', { name: '备注' })).fill('没有这样的备注');
    await expect(page.getByText('没有符合条件的粉丝')).toBeVisible();
    await expect(count(page)).toHaveText('符合条件的粉丝 0 位');

    await page.goto('/host/contacts');
    await expect(page.getByRole('heading', { name: '微信粉丝联系人' })).toBeVisible();
    await expect(shownAccount(page)).toHaveAttribute('data-appid', /^wx/);
  });
});
