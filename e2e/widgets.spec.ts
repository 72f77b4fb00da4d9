import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/** Opens a `wx-select` from the keyboard, as a keyboard user would. */
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
const SMART = 'wx5f3a9c1e7b2d4068'; // Dmartech智慧营销

/** A subscribed fan of an account (from the contacts API). */
async function subscribedFanOf(page: Page, appid: string): Promise<string> {
  const items = (await (await page.request.get(`/api/contacts?appids=${appid}&limit=50`)).json()).items as {
    accounts: { appid: string; openid: string; subscribed: boolean }[];
  }[];
  return items.flatMap((c) => c.accounts).find((a) => a.appid === appid && a.subscribed)!.openid;
}

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
    // Use the first instance before measuring, so neither what it creates lazily nor its shown value
    // (placeholder → chosen name) counts as a difference.
    await pick(page, audience, ['Dmartech订阅号']);
    await expect(page.getByTestId('audience-value')).toHaveText('受众：Dmartech订阅号');
    const before = await domFootprint(page);

    await page.getByRole('button', { name: '挂载第二个选择器' }).click();
    const second = page.getByTestId('second-picker').getByRole('combobox', { name: '公众号' });
    await expect(second).toBeVisible();
    await expect(subscriptions(page)).not.toHaveAttribute('data-count', baselineCount!);
    // Each instance keeps its own value.
    await pick(page, second, ['DM Demo Service'], false);
    await expect(page.getByTestId('second-value')).toHaveText(/^wx/);
    await expect(page.getByTestId('audience-value')).toHaveText('受众：Dmartech订阅号');
    await expect(second).toContainText('DM Demo Service');
    // wx-select draws its list in place: no overlay container, per instance or shared.
    expect((await domFootprint(page)).overlays).toBe(before.overlays);

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

  test('segment conditions: "sent Dmartech to Dmartech智慧营销 in the last 7 days AND subscribed", counted live', async ({ page, mock, expectAccessible }) => {
    await page.goto('/host/segments');
    const editor = page.getByTestId('segment-conditions');
    const count = editor.getByTestId('segment-count');
    await expect(editor.getByRole('group', { name: '分群条件' })).toBeVisible();
    // An empty document is incomplete and no count is asked for; the user did nothing wrong yet, so no error shows.
    await expect(count).toHaveText('条件完整后显示匹配的联系人数。');
    await expect(editor.getByRole('alert')).toHaveCount(0);
    // The host shows why Save would be off: the widget's own reason.
    await expect(page.getByTestId('segment-validity')).toHaveText(/^尚不完整（1 处问题）。\s*请至少添加一个条件。$/);

    await editor.getByRole('button', { name: '添加事件条件' }).click();
    const event = editor.getByRole('group', { name: '事件条件' });
    // New conditions start with the account selected in the top bar.
    await expect(event.getByRole('checkbox', { name: /Dmartech智慧营销/ })).toBeChecked();
    await expect(event.getByLabel('事件')).toHaveValue('sentMessage');
    await event.getByLabel('消息内容').selectOption('contains');
    // Incomplete until the text is there.
    await expect(event.getByText('请填写 1–100 个字符。')).toBeVisible();
    await event.getByLabel('文本', { exact: true }).fill('Dmartech');
    await expect(event.getByLabel('时间范围')).toHaveValue('lastDays');
    await expect(event.getByLabel('天数')).toHaveValue('7');
    await editor.getByRole('button', { name: '添加属性条件' }).click();
    const attribute = editor.getByRole('group', { name: '属性条件' });
    await expect(attribute.getByLabel('属性')).toHaveValue('subscribed');
    await expect(page.getByTestId('segment-validity')).toHaveText('完整，可以保存。');
    await expect(count).toHaveText(/匹配 [\d,]+ 位联系人/);
    const before = Number((await count.textContent())!.replace(/\D/g, ''));
    const document = JSON.parse((await page.getByTestId('segment-document').textContent())!);
    expect(document).toEqual({
      version: 1,
      root: {
        type: 'group',
        op: 'and',
        children: [
          { type: 'event', appids: [SMART], event: 'sentMessage', match: { operator: 'contains', text: 'Dmartech' }, window: { lastDays: 7 } },
          { type: 'attribute', appids: [SMART], attribute: 'subscribed' },
        ],
      },
    });
    // The server agrees with what the widget shows.
    expect((await (await page.request.post('/api/segments/evaluate', { data: document })).json()).count).toBe(before);

    // A subscribed fan replies "Dmartech" to the account: one more matching contact.
    await mock('wechat/events', { appid: SMART, FromUserName: await subscribedFanOf(page, SMART), MsgType: 'text', Content: '我想了解 Dmartech 的产品' });
    await editor.getByRole('button', { name: '重新计算人数' }).click();
    await expect(count).toHaveText(`匹配 ${(before + 1).toLocaleString('en-US')} 位联系人`);
    await expectAccessible('segment condition editor');

    // OR instead of AND widens it; a broken field is flagged inline and stops counting.
    await editor.getByLabel('条件关系').first().selectOption('or');
    await expect(count).not.toHaveText(`匹配 ${(before + 1).toLocaleString('en-US')} 位联系人`);
    await event.getByLabel('天数').fill('0');
    await expect(event.getByText('天数须为 1–365。')).toBeVisible();
    await expect(count).toHaveText('条件完整后显示匹配的联系人数。');
  });

  test('segment conditions in English', async ({ page, expectAccessible }) => {
    await page.goto('/host/segments');
    await page.getByLabel('语言').selectOption('en');
    const editor = page.getByTestId('segment-conditions');
    // Removing the only condition flags the empty group.
    await editor.getByRole('button', { name: 'Add attribute condition' }).click();
    await editor.getByRole('button', { name: 'Remove condition' }).click();
    await expect(editor.getByRole('alert')).toHaveText('Add at least one condition.');
    await editor.getByRole('button', { name: 'Add event condition' }).click();
    const event = editor.getByRole('group', { name: 'Event condition' });
    await event.getByLabel('Event').selectOption('clickedMenu');
    // One account: its live menu's buttons (the event catalogue).
    await event.getByLabel('Menu button').selectOption({ label: '今日推荐' });
    await expect(editor.getByTestId('segment-count')).toHaveText(/[\d,]+ matching contacts/);
    await expectAccessible('segment condition editor in English');
  });

  test('journey trigger: "a fan sends Dmartech to Dmartech智慧营销" starts a journey; a simulated message fires it', async ({ page, mock, expectAccessible }) => {
    await page.goto('/host/journeys');
    const trigger = page.getByTestId('journey-trigger').getByRole('group', { name: '旅程触发条件' });
    await expect(trigger.getByLabel('公众号')).toHaveValue(SMART);
    await expect(trigger.getByLabel('当发生微信事件')).toHaveValue('sentMessage');
    const save = page.getByRole('button', { name: '保存并启用旅程' });
    await trigger.getByLabel('消息内容').selectOption('contains');
    // Incomplete: flagged, and the host may not save.
    await expect(trigger.getByText('请填写 1–100 个字符。')).toBeVisible();
    await expect(save).toBeDisabled();
    await trigger.getByLabel('文本', { exact: true }).fill('Dmartech');
    await page.getByLabel('旅程名称').fill('回复 Dmartech 的粉丝');
    await save.click();
    await expect(page.getByText('旅程“回复 Dmartech 的粉丝”已启用。')).toBeVisible();
    await expect(page.getByTestId('journey-entries')).toHaveText('还没有联系人进入旅程。');

    const openid = await subscribedFanOf(page, SMART);
    await mock('wechat/events', { appid: SMART, FromUserName: openid, MsgType: 'text', Content: '你好' });
    await mock('wechat/events', { appid: SMART, FromUserName: openid, MsgType: 'text', Content: '我想了解 Dmartech' });
    await expect(page.getByTestId('journey-entries')).toHaveText('已进入旅程的联系人：1');
    await expect(page.locator('ul.entries li')).toContainText(openid);
    const journeys = (await (await page.request.get('/api/host/journeys')).json()).items as { name: string; status: string; trigger: unknown }[];
    expect(journeys.find((j) => j.name === '回复 Dmartech 的粉丝')).toMatchObject({
      status: 'active',
      trigger: { version: 1, type: 'wechatEvent', appid: SMART, event: 'sentMessage', match: { operator: 'contains', text: 'Dmartech' } },
    });
    await expectAccessible('journeys host page with the trigger');
  });

  test('material picker: switches account inside the widget and picks a material of another account', async ({ page, expectAccessible }) => {
    const SUBSCRIPTION = 'wx9b2d6f0a4c8e1357'; // Dmartech订阅号, not the selected account
    const image = ((await (await page.request.get(`/api/wechat/accounts/${SUBSCRIPTION}/materials?type=image&usable=true&permanent=true&limit=1&offset=0`)).json()).items as { name: string; mediaId: string }[])[0];
    await page.goto('/host/journeys');
    const widget = page.getByTestId('journey-content').getByRole('group', { name: '旅程内容素材' });
    await expect(widget.getByLabel('素材所属公众号')).toHaveValue(SMART);
    await widget.getByLabel('素材所属公众号').selectOption(SUBSCRIPTION);
    await widget.getByRole('button', { name: '选择素材' }).click();
    const dialog = page.getByRole('dialog', { name: '选择素材' });
    await expect(dialog.getByRole('group', { name: '素材类型' }).getByRole('button')).toHaveText(['图片', '图文']);
    await expectAccessible('material picker widget with its dialog open');
    await dialog.getByRole('button', { name: `选择 ${image.name}` }).click();
    await expect(dialog).toBeHidden();
    await expect(widget.getByTestId('chosen-material')).toHaveText(`已选：${image.name}（图片，Dmartech订阅号）`);
    expect(JSON.parse((await page.getByTestId('content-value').textContent())!)).toMatchObject({ appid: SUBSCRIPTION, mediaId: image.mediaId, type: 'image' });
    // The top bar's account did not change.
    await expect(page.getByRole('banner').getByRole('combobox', { name: '当前公众号' })).toContainText('Dmartech智慧营销');
  });
});
