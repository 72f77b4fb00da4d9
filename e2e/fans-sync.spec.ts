import type { Page } from '@playwright/test';
import { expect, shownAccount, test } from './support/fixtures';

const SMART = 'wx5f3a9c1e7b2d4068'; // Dmartech智慧营销: ~1,900 followers, one user/get page, 19 batchget calls

interface WeChatCall {
  api: string;
  nextOpenid?: string;
  count?: number;
  errcode?: number;
}

const syncPanel = (page: Page) => page.locator('wx-fan-sync-panel');

async function wechatCalls(page: Page): Promise<WeChatCall[]> {
  return (await (await page.request.get('/__mock/wechat/api-calls')).json()).items;
}

async function forgetWeChatCalls(page: Page) {
  expect((await page.request.delete('/__mock/wechat/api-calls')).ok()).toBeTruthy();
}

test.describe('Sync WeChat fans', () => {
  test('a 45009 mid-way fails the sync with its message; "Resume" continues from the last page and finishes', async ({
    page,
    mock,
    expectAccessible,
  }) => {
    // The 11th batchget call answers 45009: 1,000 followers are written before it.
    await mock('faults', { route: 'WECHAT /cgi-bin/user/info/batchget', errcode: 45009, skip: 10 });
    await page.goto('/wechat/fans');
    await expect(shownAccount(page)).toHaveAttribute('data-appid', SMART);
    const panel = syncPanel(page);
    await panel.getByRole('button', { name: '同步微信粉丝' }).click();

    await expect(panel.getByRole('alert')).toContainText('上限');
    await expect(panel.locator('.wx-job-count')).toHaveText(/^1,000 \/ 1,\d{3}$/);
    const resume = panel.getByRole('button', { name: '继续同步' });
    await expect(resume).toBeEnabled();
    await expectAccessible('fans page with a failed sync');

    // A reload still shows why and where the sync stopped, and offers to resume.
    await page.reload();
    await expect(resume).toBeVisible();
    await expect(panel.getByRole('alert')).toContainText('上限');
    await expect(panel.locator('.wx-job-count')).toHaveText(/^1,000 \/ 1,\d{3}$/);

    await forgetWeChatCalls(page);
    await resume.click();
    const result = panel.getByTestId('fan-sync-result');
    await expect(result).toContainText('同步完成');
    await expect(result).toContainText('从第 1,000 位继续');
    await expect(panel.getByRole('button', { name: '同步微信粉丝' })).toBeEnabled();

    // The resumed run asked WeChat only for what was left: no batch before the 1,000th follower again.
    const jobs = (await (await page.request.get('/api/jobs')).json()).items as { type: string; status: string; result: { total: number; resumedFrom: number } }[];
    const finished = jobs.find((j) => j.type === 'fans.sync' && j.status === 'succeeded')!;
    expect(finished.result.resumedFrom).toBe(1000);
    const calls = await wechatCalls(page);
    const batches = calls.filter((c) => c.api === 'user/info/batchget');
    expect(batches.length).toBe(Math.ceil((finished.result.total - 1000) / 100));
    expect(batches.every((c) => !c.errcode && c.count! <= 100)).toBeTruthy();
    expect(calls.filter((c) => c.api === 'user/get')[0].nextOpenid).toBe('');
  });

  test('a running sync is found again after navigating to the contacts page, and its result is shown in English', async ({ page, mock }) => {
    // Slow WeChat down so the sync is still running when the user moves on.
    await mock('faults', { route: 'WECHAT /cgi-bin/user/info/batchget', latencyMs: 250, times: 30 });
    await page.goto('/wechat/fans');
    await page.getByLabel('语言').selectOption('en');
    const panel = syncPanel(page);
    await panel.getByRole('button', { name: 'Sync WeChat fans' }).click();
    await expect(panel.getByRole('button', { name: 'Sync WeChat fans' })).toBeDisabled();
    await expect(panel.getByRole('progressbar', { name: 'Fan sync progress' })).toBeVisible();

    await page.getByRole('navigation').getByRole('link', { name: 'WeChat fan contacts' }).click();
    await expect(page).toHaveURL(/\/host\/contacts/);
    await expect(page.getByRole('heading', { name: 'WeChat fan contacts' })).toBeVisible();
    // The contacts page finds the same job (GET /api/jobs?active=true) and follows it to the end.
    await expect(panel.getByRole('progressbar', { name: 'Fan sync progress' })).toBeVisible();
    await expect(panel.getByTestId('fan-sync-result')).toContainText('Sync finished: WeChat lists', { timeout: 20_000 });
    await expect(panel.getByTestId('fan-sync-result')).toContainText('New');
  });
});
