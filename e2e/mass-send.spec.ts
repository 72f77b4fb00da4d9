import type { Page } from '@playwright/test';
import { expect, selectAccount, shownAccount, test } from './support/fixtures';

const SMART = 'wx5f3a9c1e7b2d4068';
const SUBSCRIPTION = 'wx9b2d6f0a4c8e1357';

// Scheduling is shown and typed in the user's zone: pin one so the assertions can name it.
test.use({ timezoneId: 'Asia/Shanghai' });

/** The compose form's controls, by their accessible names. */
function compose(page: Page) {
  const form = page.getByRole('form', { name: /新建群发|New mass send/ });
  return {
    form,
    text: form.getByRole('textbox', { name: /^(文本内容|Text)$/ }),
    previewOpenid: form.getByRole('combobox', { name: /预览粉丝的 OpenID|OpenID of the preview fan/ }),
    send: form.getByRole('button', { name: /^(发送…|定时发送…|Send…|Schedule…)$/ }),
    history: page.getByRole('list', { name: /^(群发记录|History)$/ }),
  };
}

async function subscribedFan(page: Page, appid: string): Promise<string> {
  const response = await page.request.get(`/api/wechat/accounts/${appid}/fans?state=subscribed&blacklisted=false&limit=1`);
  expect(response.ok()).toBeTruthy();
  return (await response.json()).items[0].openid;
}

async function openPage(page: Page) {
  await page.goto('/wechat/messaging/mass-send');
  await expect(page.getByRole('heading', { name: '群发消息', level: 1 })).toBeVisible();
  await expect(shownAccount(page)).toHaveAttribute('data-appid', SMART);
  // The quota panel shows once the account's quota is known.
  await expect(page.getByRole('region', { name: '群发额度' })).toBeVisible();
}

test.describe('mass send', () => {
  test('takes an image from the shared material picker and previews it to a fan', async ({ page }) => {
    await openPage(page);
    const c = compose(page);
    await c.form.getByRole('combobox', { name: '消息类型' }).selectOption('image');
    await c.form.getByRole('button', { name: '选择素材' }).click();
    const picker = page.getByRole('dialog', { name: '选择素材' });
    await picker.getByRole('button', { name: '选择 会员日活动图.png' }).click();
    await expect(picker).toBeHidden();
    const mediaId = c.form.getByRole('textbox', { name: '素材 media_id' });
    const chosen = await (await page.request.get(`/api/wechat/accounts/${SMART}/materials?type=image&q=${encodeURIComponent('会员日活动图')}`)).json();
    await expect(mediaId).toHaveValue(chosen.items[0].mediaId);

    const openid = await subscribedFan(page, SMART);
    await c.previewOpenid.fill(openid);
    await c.form.getByRole('button', { name: '发送预览' }).click();
    await expect(c.form.getByText(`预览已发送给 ${openid}`)).toBeVisible();
    // A pasted id that is not one of the account's materials is WeChat's 40007, and the form keeps it.
    await mediaId.fill('NoSuchMaterial_1234');
    await c.form.getByRole('button', { name: '发送预览' }).click();
    await expect(c.form.getByText(/微信错误 40007/)).toBeVisible();
    await expect(mediaId).toHaveValue('NoSuchMaterial_1234');
  });

  test('previews to a fan, who gets it on the timeline; axe with the compose form open', async ({ page, expectAccessible }) => {
    await openPage(page);
    const c = compose(page);
    await expectAccessible('mass-send compose form');
    const openid = await subscribedFan(page, SMART);

    // Nothing to preview yet: the form says what is missing.
    await c.previewOpenid.fill(openid);
    await c.form.getByRole('button', { name: '发送预览' }).click();
    await expect(c.form.getByText('请先填写预览粉丝的 OpenID 和消息内容')).toBeVisible();

    await c.text.fill('双十一会员日预览 <b>不是标签</b>');
    await expect(c.form.getByText(/^\s*20 \/ 600 字\s*$/)).toBeVisible();
    await c.form.getByRole('button', { name: '发送预览' }).click();
    await expect(c.form.getByText(`预览已发送给 ${openid}`)).toBeVisible();
    const fan = await (await page.request.get(`/api/wechat/accounts/${SMART}/fans/${openid}`)).json();
    expect(fan.timeline[0].kind).toBe('massSend');

    await c.previewOpenid.fill('oNOTAFAN0000000000000000000A');
    await c.form.getByRole('button', { name: '发送预览' }).click();
    await expect(c.form.getByText('该 OpenID 不是本公众号的粉丝（微信错误 40003）')).toBeVisible();
    // User text is shown as text, never as markup.
    await expect(c.text).toHaveValue('双十一会员日预览 <b>不是标签</b>');
  });

  test('sends to a tag after confirming, and the result arrives later in the history', async ({ page, expectAccessible }) => {
    await openPage(page);
    const c = compose(page);
    await c.form.getByRole('radio', { name: '按标签' }).check();
    await c.form.getByRole('combobox', { name: '标签' }).selectOption({ label: 'VIP' });
    await c.text.fill('VIP 专享：双十一提前购');
    const vip = await page.request.get(`/api/wechat/accounts/${SMART}/fans?state=subscribed&tagId=102&limit=1`);
    const recipients: number = (await vip.json()).total;
    expect(recipients).toBeGreaterThan(0);
    await expect(c.form.getByText(`预计接收人数：${recipients.toLocaleString('en')}`)).toBeVisible();

    await c.send.click();
    const dialog = page.getByRole('dialog', { name: '确认群发' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('标签：VIP');
    await expect(dialog).toContainText('发送后本月剩余 3 次');
    await expectAccessible('mass-send confirmation');
    await dialog.getByRole('button', { name: '确认发送' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('已开始发送')).toBeVisible();
    // The composition is done: the form is empty again and the quota counts the send.
    await expect(c.text).toHaveValue('');
    await expect(page.getByRole('region', { name: '群发额度' })).toContainText('本月已用 1 / 4 次');

    const item = c.history.getByRole('listitem').filter({ hasText: 'VIP 专享：双十一提前购' });
    await expect(item).toContainText('标签：VIP');
    // WeChat's MASSSENDJOBFINISH comes ~2 s after the job: pushed on the event stream.
    await expect(item).toContainText('已完成', { timeout: 15_000 });
    await expect(item).toContainText(/成功 [\d,]+ · 过滤 0 · 失败 \d+/);
    await item.getByRole('button', { name: '详情' }).click();
    await expect(item.getByText(new RegExp(`共 ${recipients.toLocaleString('en')} 人`))).toBeVisible();
  });

  test('schedules in the user time zone and cancels before it starts', async ({ page }) => {
    await openPage(page);
    const c = compose(page);
    const quota = page.getByRole('region', { name: '群发额度' });
    await expect(quota).toContainText('本月已用 0 / 4 次');
    await c.text.fill('周末快闪活动预告');
    await c.form.getByRole('radio', { name: '定时发送' }).check();
    await expect(c.form.getByText('时区：Asia/Shanghai, UTC+08:00')).toBeVisible();
    const at = new Date(Date.now() + 2 * 86_400_000);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);
    await c.form.getByLabel('发送时间', { exact: true }).fill(`${day}T20:30`);
    await c.send.click();
    const dialog = page.getByRole('dialog', { name: '确认群发' });
    await expect(dialog).toContainText(`${day} 20:30（Asia/Shanghai, UTC+08:00）`);
    await dialog.getByRole('button', { name: '确认发送' }).click();
    await expect(page.getByText(`已预约在 ${day} 20:30 发送`)).toBeVisible();

    const list = await (await page.request.get(`/api/wechat/accounts/${SMART}/mass-sends`)).json();
    expect(list.items[0].sendAt).toBe(new Date(`${day}T20:30:00+08:00`).toISOString());

    const item = c.history.getByRole('listitem').filter({ hasText: '周末快闪活动预告' });
    await expect(item).toContainText('已预约');
    await item.getByRole('button', { name: '取消预约' }).click();
    await item.getByRole('button', { name: '取消群发' }).click();
    await expect(item).toContainText('已取消');
    // The cancelled send gives its slot back (a send scheduled this month held one).
    await expect(quota).toContainText('本月已用 0 / 4 次');
  });

  test('a subscription account hits its daily quota: the refusal is explained and the message kept', async ({ page }) => {
    await openPage(page);
    await selectAccount(page, 'Dmartech订阅号');
    await expect(shownAccount(page)).toHaveAttribute('data-appid', SUBSCRIPTION);
    const quota = page.getByRole('region', { name: '群发额度' });
    await expect(quota).toContainText('今日已用 0 / 1 次');
    // Openid lists are for verified service accounts only: the option says so.
    await expect(page.getByText('仅限已认证的服务号')).toBeVisible();

    const c = compose(page);
    await c.text.fill('订阅号今日第二条');
    // Meanwhile the day's one send goes out from elsewhere (another tab, a colleague).
    const other = await page.request.post(`/api/wechat/accounts/${SUBSCRIPTION}/mass-sends`, {
      data: { audience: { type: 'all' }, content: { type: 'text', text: '今日第一条' } },
    });
    expect(other.status()).toBe(201);

    await c.send.click();
    await page.getByRole('dialog', { name: '确认群发' }).getByRole('button', { name: '确认发送' }).click();
    const alert = c.form.getByRole('alert');
    await expect(alert).toContainText('群发次数已用完');
    await expect(alert).toContainText('本次编辑的内容已保留');
    await expect(c.text).toHaveValue('订阅号今日第二条');
    await expect(quota).toContainText('今日已用 1 / 1 次');
    await expect(c.send).toBeDisabled();
  });

  test('keeps a draft per account across a reload, in English', async ({ page, expectAccessible }) => {
    await openPage(page);
    await page.getByLabel('语言').selectOption('en');
    await expect(page.getByRole('heading', { name: 'Mass send', level: 1 })).toBeVisible();
    const c = compose(page);
    await c.form.getByRole('radio', { name: 'OpenID list' }).check();
    const openid = await subscribedFan(page, SMART);
    await c.form.getByRole('textbox', { name: 'OpenID list (one per line)' }).fill(`${openid}\nnot-an-openid\n${openid}`);
    await expect(c.form.getByText('Line 2: “not-an-openid” is not a valid OpenID')).toBeVisible();
    await expect(c.form.getByText(`Line 3: “${openid}” repeats line 1`)).toBeVisible();
    await c.text.fill('Draft for the smart account');
    await expect(c.form.getByText(/Draft saved at/)).toBeVisible();
    await expectAccessible('compose form in English with an openid report');

    await selectAccount(page, 'DM Demo Service');
    await expect(c.text).toHaveValue('');
    await c.text.fill('Draft for the demo account');
    await expect(c.form.getByText(/Draft saved at/)).toBeVisible();

    await page.reload();
    await expect(shownAccount(page)).toHaveAttribute('data-appid', 'wxd1e4a7b0c3f6a925');
    await expect(c.text).toHaveValue('Draft for the demo account');
    await selectAccount(page, 'Dmartech智慧营销');
    await expect(c.text).toHaveValue('Draft for the smart account');
    await expect(c.form.getByText('Your unsent draft was restored')).toBeVisible();
  });

  test('a send to 100,000 fans shows its progress and is found again after leaving the page', async ({ page }) => {
    await openPage(page);
    await selectAccount(page, 'DM Demo Service');
    await expect(shownAccount(page)).toHaveAttribute('data-appid', 'wxd1e4a7b0c3f6a925');
    const c = compose(page);
    await c.text.fill('十万粉丝大促通知');
    await expect(c.form.getByText(/预计接收人数：9\d,\d{3}/)).toBeVisible();
    await c.send.click();
    await page.getByRole('dialog', { name: '确认群发' }).getByRole('button', { name: '确认发送' }).click();
    const item = c.history.getByRole('listitem').filter({ hasText: '十万粉丝大促通知' });
    await expect(item.getByRole('progressbar', { name: '群发进度' })).toBeVisible();

    await page.getByRole('navigation').getByRole('link', { name: '粉丝管理' }).click();
    await expect(page.getByRole('heading', { name: '粉丝', level: 1, exact: true })).toBeVisible();
    await page.getByRole('navigation').getByRole('link', { name: '群发消息' }).click();
    await expect(item).toContainText(/发送中|已完成/);
    await expect(item).toContainText(/成功 9\d,\d{3}/, { timeout: 30_000 });
  });
});

