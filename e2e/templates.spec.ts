import type { Page } from '@playwright/test';
import { expect, selectAccount, shownAccount, test } from './support/fixtures';

const SMART = 'wx5f3a9c1e7b2d4068';

async function openPage(page: Page) {
  await page.goto('/wechat/messaging/templates');
  await expect(page.getByRole('heading', { name: '模板消息', level: 1 })).toBeVisible();
  await expect(shownAccount(page)).toHaveAttribute('data-appid', SMART);
  await expect(page.getByRole('heading', { name: '还没有模板' })).toBeVisible();
}

async function syncTemplates(page: Page) {
  await page.getByRole('button', { name: '从微信同步' }).click();
  await expect(page.getByRole('status').filter({ hasText: '同步完成' })).toHaveText('同步完成：新增 5 个，移除 0 个，未变 0 个。');
  await expect(page.getByRole('list', { name: '我的模板' }).getByRole('listitem')).toHaveCount(5);
}

/** The send form of the shipping notice, filled with values WeChat accepts. */
async function fillShippingNotice(page: Page) {
  await page.getByRole('button', { name: '使用此模板：订单发货通知' }).click();
  const form = page.getByRole('form', { name: '发送“订单发货通知”' });
  await form.getByRole('textbox', { name: '商品名称' }).fill('Dmartech 智能音箱');
  await form.getByRole('textbox', { name: '订单编号' }).fill('DM20261111001');
  await form.getByRole('textbox', { name: '发货时间' }).fill('2026年11月11日 10:30');
  await form.getByRole('textbox', { name: '订单金额' }).fill('¥299.00');
  await form.getByRole('textbox', { name: '物流状态' }).fill('已发货');
  return form;
}

test.describe('template messages', () => {
  test('syncs, sends to a tag with progress and per-recipient results, and lists the send', async ({ page }) => {
    await openPage(page);
    await syncTemplates(page);
    const form = await fillShippingNotice(page);

    // The card preview shows the values as the fan will read them, with the 详情 row once linked.
    const card = page.getByRole('figure', { name: '微信服务通知卡片预览' });
    await expect(card.getByText('Dmartech 智能音箱')).toBeVisible();
    await expect(card.getByText('详情')).toBeHidden();
    await form.getByRole('radio', { name: '网页链接' }).check();
    await form.getByRole('textbox', { name: '链接地址' }).fill('https://dmartech.cn/orders/1');
    await expect(card.getByText('详情')).toBeVisible();

    // A value WeChat refuses is explained on its field, and nothing is sent.
    await form.getByRole('textbox', { name: '物流状态' }).fill('shipped');
    await form.getByRole('textbox', { name: '物流状态' }).blur();
    await expect(form.getByText('最多 5 个字')).toBeVisible();
    await form.getByRole('textbox', { name: '物流状态' }).fill('已发货');

    await form.getByRole('combobox', { name: '粉丝标签' }).selectOption({ label: 'VIP' });
    await form.getByRole('button', { name: '发送', exact: true }).click();

    const outcome = page.getByLabel('本次发送');
    await expect(outcome.locator('wx-job-progress')).toBeVisible();
    await expect(outcome.getByText(/^共 \d+ 人：成功 \d+，失败 [1-9]\d*$/)).toBeVisible();
    await outcome.getByRole('checkbox', { name: '只看失败' }).check();
    await expect(outcome.getByRole('cell', { name: '用户未关注公众号（43004）' }).first()).toBeVisible();

    const history = page.getByRole('list', { name: '发送记录' });
    await expect(history.getByRole('listitem')).toHaveCount(1);
    await expect(history.getByText('标签：VIP')).toBeVisible();
    await expect(history.getByText('已完成')).toBeVisible();

    // Each delivery is on the fan's timeline, for the fans module and the widgets to build on.
    const sends = await (await page.request.get(`/api/wechat/accounts/${SMART}/templates/sends`)).json();
    const sent = await (await page.request.get(`/api/wechat/accounts/${SMART}/templates/sends/${sends.items[0].id}/results?status=sent&limit=1`)).json();
    const fan = await (await page.request.get(`/api/wechat/accounts/${SMART}/fans/${sent.items[0].openid}`)).json();
    expect(fan.timeline.some((entry: { kind: string; eventType?: string }) => entry.kind === 'other' && entry.eventType === 'template_sent')).toBe(true);
  });

  test('deletes a template after confirmation; axe with the send form open', async ({ page, expectAccessible }) => {
    await openPage(page);
    await syncTemplates(page);
    await fillShippingNotice(page);
    await expectAccessible('templates page with the send form open');
    await page.getByRole('button', { name: '删除模板“退款成功通知”' }).click();
    await page.getByRole('button', { name: '确认删除' }).click();
    await expect(page.getByRole('list', { name: '我的模板' }).getByRole('listitem')).toHaveCount(4);
    await expect(page.getByRole('heading', { name: '退款成功通知' })).toBeHidden();

    // Deleted in WeChat's back office: the next sync removes it here too.
    const list = await (await page.request.get(`/api/wechat/accounts/${SMART}/templates`)).json();
    const reminder = list.items.find((t: { title: string }) => t.title === '预约提醒');
    expect((await page.request.post('/__mock/wechat/templates/remove', { data: { appid: SMART, templateId: reminder.templateId } })).ok()).toBeTruthy();
    await page.getByRole('button', { name: '从微信同步' }).click();
    await expect(page.getByRole('status').filter({ hasText: '同步完成' })).toHaveText('同步完成：新增 0 个，移除 1 个，未变 3 个。');
    await expect(page.getByRole('list', { name: '我的模板' }).getByRole('listitem')).toHaveCount(3);
  });

  test('shows the not-available state for subscription and unverified accounts', async ({ page }) => {
    await page.goto('/wechat/messaging/templates');
    await expect(shownAccount(page)).toHaveAttribute('data-appid', SMART);
    const templateCalls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/templates')) templateCalls.push(request.url());
    });
    await selectAccount(page, 'Dmartech订阅号');
    await expect(page.getByRole('main').getByText('模板消息仅支持已认证的服务号')).toBeVisible();
    await expect(page.getByRole('main').getByText(/是订阅号/)).toBeVisible();
    await expect(page.getByRole('button', { name: '从微信同步' })).toHaveCount(0);
    await selectAccount(page, 'DM 未认证服务号');
    await expect(page.getByRole('main').getByText(/尚未完成微信认证/)).toBeVisible();
    expect(templateCalls).toEqual([]);
  });

  test('speaks English', async ({ page }) => {
    await openPage(page);
    await page.getByLabel('语言').selectOption('en');
    await expect(page.getByRole('heading', { name: 'Template messages', level: 1 })).toBeVisible();
    await page.getByRole('button', { name: 'Sync from WeChat' }).click();
    await expect(page.getByText('Synced: 5 added, 0 removed, 0 unchanged.')).toBeVisible();
    await page.getByRole('button', { name: 'Use this template: 预约提醒' }).click();
    const form = page.getByRole('form', { name: 'Send “预约提醒”' });
    await form.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(form.getByText('Fix the marked problems first.')).toBeVisible();
    await expect(form.getByText('Choose a tag')).toBeVisible();
  });
});
