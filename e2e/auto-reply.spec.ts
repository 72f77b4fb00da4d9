import type { Page } from '@playwright/test';
import { test, expect, shownAccount } from './support/fixtures';

const SMART = 'wx5f3a9c1e7b2d4068'; // Dmartech智慧营销

const rulesSection = (page: Page) => page.getByRole('region', { name: '关键词回复' });
const form = (page: Page) => page.getByRole('form', { name: /关键词规则/ });

async function openAutoReply(page: Page) {
  await page.goto('/wechat/messaging/auto-reply');
  await expect(shownAccount(page)).toHaveAttribute('data-appid', SMART);
  await expect(rulesSection(page)).toBeVisible();
}

/** Creates a keyword rule through the form, with one keyword and one text reply. */
async function createRule(page: Page, name: string, keyword: string, match: 'full' | 'partial', reply: string) {
  await rulesSection(page).getByRole('button', { name: '添加规则' }).click();
  await form(page).getByRole('textbox', { name: '规则名称' }).fill(name);
  await form(page).getByRole('combobox', { name: '匹配方式' }).selectOption(match);
  await form(page).getByRole('textbox', { name: '新关键词' }).fill(keyword);
  await form(page).getByRole('textbox', { name: '新关键词' }).press('Enter');
  await form(page).getByRole('textbox', { name: '回复 1 的文字' }).fill(reply);
}

async function save(page: Page) {
  await form(page).getByRole('button', { name: '保存规则' }).click();
  await expect(form(page)).toBeHidden();
}

/** Injects a push as WeChat would send it and returns the control endpoint's answer. */
async function push(page: Page, body: Record<string, unknown>) {
  const response = await page.request.post('/__mock/wechat/events', { data: { appid: SMART, ...body } });
  expect(response.ok()).toBeTruthy();
  return (await response.json()) as { reply: { MsgType: string; Content?: string } | null; autoReply?: { ruleId?: number; source: string } };
}

test.describe('auto reply', () => {
  test('creates a full and a partial rule, warns of the conflict naming the winner, tests a message and answers a fan', async ({ page, expectAccessible }) => {
    await openAutoReply(page);
    await expect(rulesSection(page).getByText('还没有关键词规则')).toBeVisible();

    await createRule(page, '优惠券领取', '优惠券', 'full', '领取优惠券：回复手机号');
    await expect(form(page).getByRole('listitem').filter({ hasText: '优惠券' })).toContainText('全匹配');
    await save(page);
    await expect(rulesSection(page).getByRole('row', { name: /优惠券领取/ })).toContainText('全匹配');

    await createRule(page, '优惠咨询', '优惠', 'partial', '本周优惠请看菜单');
    const conflicts = form(page).getByTestId('conflicts');
    // The older rule's full keyword beats the new partial one for "优惠券".
    await expect(conflicts).toContainText('粉丝发送「优惠券」时由规则「优惠券领取」回复');
    // Flip the new keyword to full: no message matches both any more.
    await form(page).getByRole('button', { name: /「优惠」：半匹配/ }).click();
    await expect(conflicts).toBeHidden();
    await form(page).getByRole('button', { name: /「优惠」：全匹配/ }).click();
    await expect(conflicts).toBeVisible();
    await expectAccessible('auto reply with the rule form open');
    await save(page);
    await expect(rulesSection(page).getByRole('row')).toHaveCount(3);

    const tester = page.getByRole('region', { name: '测试消息' });
    await tester.getByRole('textbox', { name: '粉丝消息' }).fill('有什么优惠吗');
    await tester.getByRole('button', { name: '测试' }).click();
    await expect(tester.getByTestId('tester-result')).toContainText('由规则「优惠咨询」回复（半匹配「优惠」）');
    await expect(tester.getByTestId('tester-result')).toContainText('本周优惠请看菜单');
    await tester.getByRole('textbox', { name: '粉丝消息' }).fill('优惠券');
    await tester.getByRole('button', { name: '测试' }).click();
    await expect(tester.getByTestId('tester-result')).toContainText('由规则「优惠券领取」回复（全匹配「优惠券」）');
    await tester.getByRole('textbox', { name: '粉丝消息' }).fill('你好');
    await tester.getByRole('button', { name: '测试' }).click();
    await expect(tester.getByTestId('tester-result')).toContainText('未匹配任何规则，收到消息回复已关闭');

    // A fan writes: WeChat receives the rule's reply, and the suite records it on the fan's timeline.
    const openid = 'o_e2e_auto_reply_fan_000001';
    await push(page, { FromUserName: openid, MsgType: 'event', Event: 'subscribe' });
    const answer = await push(page, { FromUserName: openid, MsgType: 'text', Content: '请问 优惠 怎么领' });
    expect(answer.reply).toMatchObject({ MsgType: 'text', Content: '本周优惠请看菜单' });
    const fan = await (await page.request.get(`/api/wechat/accounts/${SMART}/fans/${openid}`)).json();
    expect(fan.timeline).toContainEqual(expect.objectContaining({ kind: 'message', outgoing: true, content: '本周优惠请看菜单' }));
  });

  test('answers a follow with the on-follow reply, keeps input refused by the server, and deletes a rule after confirmation', async ({ page }) => {
    await openAutoReply(page);
    const onFollow = page.getByRole('region', { name: '被关注回复' });
    await onFollow.getByRole('switch', { name: '粉丝关注时自动回复' }).check();
    await onFollow.getByRole('textbox', { name: '回复 1 的文字' }).fill('感谢关注 Dmartech！');
    await onFollow.getByRole('button', { name: '保存被关注回复' }).click();
    await expect(onFollow.getByRole('button', { name: '保存被关注回复' })).toBeEnabled();
    const answer = await push(page, { FromUserName: 'o_e2e_auto_reply_follower_01', MsgType: 'event', Event: 'subscribe' });
    expect(answer.reply).toMatchObject({ MsgType: 'text', Content: '感谢关注 Dmartech！' });
    expect(answer.autoReply?.source).toBe('onFollow');

    // A material reply with a malformed media id: the server names the field, the form keeps the input.
    await createRule(page, '图片规则', '图片', 'full', '先写文字');
    await form(page).getByRole('combobox', { name: '回复 1 的类型' }).selectOption('image');
    await form(page).getByRole('textbox', { name: '回复 1 的素材（media ID）' }).fill('not a media id!');
    await form(page).getByRole('button', { name: '保存规则' }).click();
    await expect(form(page).getByText('不是有效的微信 media ID')).toBeVisible();
    await expect(form(page).getByRole('textbox', { name: '规则名称' })).toHaveValue('图片规则');
    await expect(form(page).getByRole('textbox', { name: '回复 1 的素材（media ID）' })).toHaveValue('not a media id!');
    // Well-formed but not one of the account's materials: WeChat's 40007, input kept.
    await form(page).getByRole('textbox', { name: '回复 1 的素材（media ID）' }).fill('MEDIA_e2e_01');
    await form(page).getByRole('button', { name: '保存规则' }).click();
    await expect(form(page).getByText(/微信错误 40007/).first()).toBeVisible();
    await expect(form(page).getByRole('textbox', { name: '回复 1 的素材（media ID）' })).toHaveValue('MEDIA_e2e_01');
    // The shared material picker fills the id with a real image of the account.
    await form(page).getByRole('button', { name: '选择素材' }).click();
    const picker = page.getByRole('dialog', { name: '选择素材' });
    await picker.getByRole('button', { name: '选择 会员日活动图.png' }).click();
    await expect(picker).toBeHidden();
    const mediaField = form(page).getByRole('textbox', { name: '回复 1 的素材（media ID）' });
    await expect(mediaField).not.toHaveValue('MEDIA_e2e_01');
    const chosenId = await mediaField.inputValue();
    await save(page);

    const row = rulesSection(page).getByRole('row', { name: /图片规则/ });
    // A disabled rule never answers: the tester (the server) falls through to nothing.
    const tester = page.getByRole('region', { name: '测试消息' });
    await tester.getByRole('textbox', { name: '粉丝消息' }).fill('图片');
    await tester.getByRole('button', { name: '测试' }).click();
    await expect(tester.getByTestId('tester-result')).toContainText(`图片: ${chosenId}`);
    await row.getByRole('switch', { name: '启用规则「图片规则」' }).click();
    await expect(row.getByRole('switch', { name: '启用规则「图片规则」' })).not.toBeChecked();
    await tester.getByRole('button', { name: '测试' }).click();
    await expect(tester.getByTestId('tester-result')).toContainText('未匹配任何规则');

    await row.getByRole('button', { name: '删除规则「图片规则」' }).click();
    await row.getByRole('button', { name: '取消' }).click();
    await expect(row).toBeVisible();
    await row.getByRole('button', { name: '删除规则「图片规则」' }).click();
    await row.getByRole('button', { name: '确认删除' }).click();
    await expect(rulesSection(page).getByText('还没有关键词规则')).toBeVisible();
  });

  test('speaks English', async ({ page }) => {
    await openAutoReply(page);
    await page.getByLabel('语言').selectOption('en');
    await expect(page.getByRole('region', { name: 'Keyword rules' })).toBeVisible();
    await page.getByRole('button', { name: 'New rule' }).click();
    await expect(page.getByRole('form', { name: 'New keyword rule' }).getByRole('textbox', { name: 'Rule name' })).toBeVisible();
    await expect(page.getByRole('switch', { name: 'Reply when no keyword rule matches' })).not.toBeChecked();
  });
});
