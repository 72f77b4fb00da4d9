import fs from 'node:fs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Page } from '@playwright/test';
import { expect, selectAccount, shownAccount, test } from './support/fixtures';
import { watchScripts } from './support/scripts';

const SMART = 'wx5f3a9c1e7b2d4068';

/** The create dialog's fields, by their labels. */
function dialog(page: Page) {
  const d = page.getByRole('dialog');
  return {
    root: d,
    name: d.getByRole('textbox', { name: /^名称/ }),
    scene: d.getByRole('textbox', { name: /^场景值/ }),
    save: d.getByRole('button', { name: '保存' }),
    async choose(label: RegExp, option: string) {
      await d.getByRole('combobox', { name: label }).selectOption({ label: option });
    },
  };
}

async function createCode(page: Page, body: Record<string, unknown>): Promise<{ id: number; url: string; scene: string }> {
  const response = await page.request.post(`/api/wechat/accounts/${SMART}/qrcodes`, { data: body });
  expect(response.status()).toBe(201);
  return response.json();
}

test.describe('channel QR codes', () => {
  test('creates a temporary and a permanent code, refusing each invalid input with its message', async ({ page, expectAccessible }) => {
    await page.goto('/wechat/qrcodes');
    await expect(page.getByRole('heading', { name: '渠道二维码', level: 1 })).toBeVisible();
    await expect(page.locator('tr.qr-code-row')).toHaveCount(6);
    await expect(page.getByText('已过期')).toBeVisible();
    await expect(page.getByText('3 / 100,000')).toBeVisible();

    await page.getByRole('button', { name: '新建二维码' }).click();
    const d = dialog(page);
    await expect(d.root).toBeVisible();
    await expectAccessible('QR code dialog');

    // Every rule, as the user types.
    await d.name.fill('  ');
    await d.name.blur();
    await expect(d.root.getByText('必填')).toBeVisible();
    await d.scene.fill('0');
    await d.scene.blur();
    await expect(d.root.getByText('请输入 1–4294967295 的整数')).toBeVisible();
    await d.choose(/^有效期/, '自定义');
    await d.root.getByRole('spinbutton', { name: /^时长/ }).fill('31');
    await d.root.getByRole('spinbutton', { name: /^时长/ }).blur();
    await expect(d.root.getByText('有效期最长 30 天（2,592,000 秒）')).toBeVisible();
    await d.root.getByRole('spinbutton', { name: /^时长/ }).fill('2');
    // Each choice is one radio group (the forms module names the radios after their control): one Tab stop, arrows move the choice.
    await d.root.getByRole('radio', { name: '数字' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(d.root.getByRole('radio', { name: '字符串' })).toBeChecked();
    await expect(d.root.getByRole('radio', { name: '字符串' })).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(d.root.getByRole('radio', { name: '数字' })).toBeChecked();
    await d.root.getByRole('radio', { name: '字符串' }).check();
    await d.scene.fill('码'.repeat(65));
    await expect(d.root.getByText('最多 64 个字符（当前 65 个）')).toBeVisible();
    // A scene value taken by another code: the server refuses it, the message sits on the field.
    await d.name.fill('夏季海报');
    await d.scene.fill('store_bj_01');
    await d.save.click();
    await expect(d.root.getByText('该场景值已被本公众号的其他二维码使用')).toBeVisible();
    await expect(d.name).toHaveValue('夏季海报');
    await d.scene.fill('poster_summer');
    await d.root.getByRole('radio', { name: '文字' }).check();
    await d.root.getByRole('textbox', { name: /^回复内容/ }).fill('夏季新品来啦');
    await d.save.click();
    await expect(d.root).toBeHidden();
    await expect(page.getByRole('row', { name: /夏季海报/ })).toContainText('poster_summer');

    await page.getByRole('button', { name: '新建二维码' }).click();
    await d.root.getByRole('radio', { name: '永久二维码' }).check();
    await d.name.fill('门店立牌 · 上海');
    await d.scene.fill('100001');
    await d.scene.blur();
    await expect(d.root.getByText('请输入 1–100000 的整数')).toBeVisible();
    await d.scene.fill('3001');
    await d.save.click();
    await expect(d.root).toBeHidden();
    await expect(page.getByRole('row', { name: /门店立牌 · 上海/ })).toContainText('永久有效');
    await expect(page.getByText('4 / 100,000')).toBeVisible();

    // Server-side search.
    await page.getByRole('searchbox', { name: '搜索名称或场景值' }).fill('poster_summer');
    await expect(page.locator('tr.qr-code-row')).toHaveCount(1);
  });

  test('the downloaded PNG decodes to the code’s URL; a scan moves the counters and the chart', async ({ page, mock, expectAccessible }) => {
    const code = await createCode(page, { name: '扫码测试', kind: 'temporary', expireSeconds: 86400, sceneStr: 'e2e_scan', tagIds: [100] });
    await page.goto('/wechat/qrcodes');
    await page.getByRole('link', { name: '扫码测试' }).click();
    await expect(page).toHaveURL(new RegExp(`/wechat/qrcodes/${code.id}$`));
    await expect(page.getByRole('img', { name: '“扫码测试”的二维码' })).toBeVisible();
    await expect(page.getByRole('link', { name: code.url })).toBeVisible();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'PNG 8 cm · 945 px' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('qrcode-e2e_scan-8cm-945px.png');
    const png = PNG.sync.read(fs.readFileSync(await download.path()));
    expect([png.width, png.height]).toEqual([945, 945]);
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(code.url);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 SVG（矢量）' }).click()]);
    expect(fs.readFileSync(await svg.path(), 'utf8')).toContain('<svg');

    await expect(page.getByTestId('qr-scans')).toHaveText('0');
    await mock('wechat/events', { appid: SMART, FromUserName: 'oE2EqrScanner0000000000000001', MsgType: 'event', Event: 'subscribe', EventKey: 'qrscene_e2e_scan' });
    // No refresh: the scan arrives on the suite's event stream and the page updates by itself.
    await expect(page.getByTestId('qr-scans')).toHaveText('1');
    await expect(page.getByTestId('qr-follows')).toHaveText('1');
    await expect(page.getByRole('img', { name: /共扫码 1 次，新增关注 1 人/ })).toBeVisible();
    await page.locator('summary', { hasText: '每日数据表' }).click();
    const today = page.getByRole('table', { name: '每日数据表' }).getByRole('row').last();
    await expect(today.getByRole('cell')).toHaveText(['1', '1']);
    await expect(page.getByRole('cell', { name: 'oE2EqrScanner0000000000000001' })).toBeVisible();
    await expectAccessible('QR code detail');
  });

  test('deletes a temporary code after confirming; permanent codes offer no delete', async ({ page, expectAccessible }) => {
    await page.goto('/wechat/qrcodes');
    const row = page.getByRole('row', { name: /春季新品海报/ });
    await expect(row).toBeVisible();
    await expect(page.getByRole('row', { name: /官网首页关注码/ }).getByRole('button', { name: /删除/ })).toHaveCount(0);
    await row.getByRole('button', { name: '删除“春季新品海报”' }).click();
    // Cancelling keeps the code; confirming removes it.
    await row.getByRole('button', { name: '取消' }).click();
    await expect(row).toBeVisible();
    await row.getByRole('button', { name: '删除“春季新品海报”' }).click();
    await expect(row.getByRole('group', { name: /确定删除/ })).toBeVisible();
    await expectAccessible('delete confirmation');
    await row.getByRole('button', { name: '确认删除' }).click();
    await expect(page.getByRole('row', { name: /春季新品海报/ })).toHaveCount(0);
    const list = await (await page.request.get(`/api/wechat/accounts/${SMART}/qrcodes?q=poster_spring`)).json();
    expect(list.items).toEqual([]);
  });

  test('an edit over a change someone saved meanwhile is refused, the input kept, and saved only when the user says so', async ({ page, baseURL }) => {
    await page.goto('/wechat/qrcodes');
    const row = page.getByRole('row', { name: /春季新品海报/ });
    await row.getByRole('button', { name: /编辑.*春季新品海报|春季新品海报.*编辑/ }).click();
    const d = dialog(page);
    await d.name.fill('春季海报（我的）');
    // A colleague renames the same code while the dialog is open (their own session).
    const colleague = await page.context().browser()!.newContext({ baseURL });
    expect((await colleague.request.post('/api/session', { data: { username: 'marketer' } })).ok()).toBeTruthy();
    const codes = (await (await colleague.request.get(`/api/wechat/accounts/${SMART}/qrcodes?q=poster_spring`)).json()).items;
    expect((await colleague.request.patch(`/api/wechat/accounts/${SMART}/qrcodes/${codes[0].id}`, { data: { name: '春季海报（同事）' } })).ok()).toBeTruthy();

    await d.save.click();
    const notice = d.root.locator('wx-stale-notice');
    await expect(notice).toBeVisible();
    await expect(d.name).toHaveValue('春季海报（我的）');
    await notice.getByRole('button', { name: '仍保存我的修改（覆盖那次修改）' }).click();
    await expect(d.root).toBeHidden();
    await expect(page.getByRole('row', { name: /春季海报（我的）/ })).toBeVisible();
    const saved = (await (await colleague.request.get(`/api/wechat/accounts/${SMART}/qrcodes/${codes[0].id}`)).json()) as { name: string };
    expect(saved.name).toBe('春季海报（我的）');
    await colleague.close();
  });

  test('speaks English and goes back to the list for another service account', async ({ page }) => {
    await page.goto('/wechat/qrcodes');
    await page.getByLabel('语言').selectOption('en');
    await expect(page.getByRole('heading', { name: 'Channel QR codes', level: 1 })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'New follows' })).toBeVisible();
    await page.getByRole('button', { name: 'New QR code' }).click();
    await expect(page.getByRole('dialog').getByRole('heading', { name: 'New channel QR code' })).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await selectAccount(page, 'DM Demo Service');
    await expect(shownAccount(page)).toHaveAttribute('data-appid', 'wxd1e4a7b0c3f6a925');
    await expect(page.locator('tr.qr-code-row').first()).toBeVisible();
    await selectAccount(page, 'Dmartech订阅号');
    await expect(page.getByRole('main').getByText(/subscription/i).first()).toBeVisible();
    await expect(page.locator('tr.qr-code-row')).toHaveCount(0);
  });

  test('keeps every row\'s edit and delete in sight on a 1024 px window, in English', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto('/wechat/qrcodes');
    await page.getByLabel('语言').selectOption('en');
    const rows = page.locator('tr.qr-code-row');
    await expect(rows).toHaveCount(6);
    // The columns between scroll sideways; the actions column stays at the table's end.
    for (const row of await rows.all()) await expect(row.getByRole('button', { name: /^Edit / })).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole('button', { name: /^Delete / }).first()).toBeInViewport({ ratio: 1 });
  });

  test('the editor’s code loads while the pointer rests on “New QR code”, so the click itself fetches no code', async ({ page }) => {
    await page.goto('/wechat/qrcodes');
    await expect(page.locator('tr.qr-code-row')).toHaveCount(6);
    await page.waitForLoadState('networkidle');
    const { started, settled } = watchScripts(page);

    const create = page.getByRole('button', { name: '新建二维码' });
    await create.hover();
    await expect.poll(() => started.length, { message: 'the hover starts the editor’s download' }).toBeGreaterThan(0);
    await expect.poll(settled).toBe(true);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    const loaded = started.length;

    await create.click();
    await expect(dialog(page).name).toBeVisible();
    expect(started.slice(loaded), 'scripts fetched by the click').toEqual([]);
  });
});
