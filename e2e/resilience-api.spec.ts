import type { Locator, Page } from '@playwright/test';
import { test, expect, shownAccount, switcher } from './support/fixtures';
import { clearFaults, injectFaults, shortenApiTimeout, watchPageErrors } from './support/resilience';

/**
 * Each module page's first list call answering 500, then (separately) not answering within the
 * client's timeout: the page region shows an error with retry, never a blank page, nothing
 * unhandled in the console, and the retry (the fault spent) shows the data.
 */
interface FirstCall {
  page: string;
  path: string;
  /** The page's first list call as /__mock/faults matches it. */
  route: string;
  /** Something the page shows once loaded. */
  loaded: (page: Page) => Locator;
  /** `loaded` is data that only the answer brings (else a heading that the page keeps around the error). */
  data?: true;
  /** Also sampled with a timeout (one page per module keeps the suite within its time budget). */
  timeout?: true;
}

const FIRST_CALLS: FirstCall[] = [
  { page: 'QR codes', path: '/wechat/qrcodes', route: 'GET /api/wechat/accounts/*/qrcodes', loaded: (p) => p.locator('tr.qr-code-row').first(), timeout: true, data: true },
  { page: 'menus', path: '/wechat/menus', route: 'GET /api/wechat/accounts/*/menu', loaded: (p) => p.locator('wx-phone-preview'), timeout: true, data: true },
  { page: 'fans', path: '/wechat/fans', route: 'GET /api/wechat/accounts/*/fans', loaded: (p) => p.getByRole('main').getByRole('row').nth(1), timeout: true, data: true },
  { page: 'contacts', path: '/host/contacts', route: 'GET /api/contacts', loaded: (p) => p.getByRole('main').getByRole('row').nth(1), data: true },
  { page: 'mass send', path: '/wechat/messaging/mass-send', route: 'GET /api/wechat/accounts/*/mass-sends', loaded: (p) => p.getByRole('heading', { name: '群发消息', level: 1 }) },
  { page: 'materials', path: '/wechat/messaging/materials', route: 'GET /api/wechat/accounts/*/materials', loaded: (p) => p.getByRole('heading', { name: '素材管理', level: 1 }) },
  { page: 'auto reply', path: '/wechat/messaging/auto-reply', route: 'GET /api/wechat/accounts/*/auto-reply', loaded: (p) => p.getByRole('region', { name: '关键词回复' }), timeout: true, data: true },
  { page: 'inbox', path: '/wechat/messaging/inbox', route: 'GET /api/wechat/accounts/*/inbox/messages', loaded: (p) => p.getByRole('heading', { name: '消息管理', level: 1 }) },
  { page: 'templates', path: '/wechat/messaging/templates', route: 'GET /api/wechat/accounts/*/templates', loaded: (p) => p.getByRole('heading', { name: '还没有模板' }), data: true },
  { page: 'channel allocation', path: '/settings/channel-allocation', route: 'GET /api/departments', loaded: (p) => p.getByRole('heading', { name: '渠道分配', level: 1 }), timeout: true },
];

const TIMEOUT_MS = 1_500;

for (const call of FIRST_CALLS) {
  for (const kind of call.timeout ? (['500', 'timeout'] as const) : (['500'] as const)) {
    test(`${call.page}: its first call ${kind === '500' ? 'answering 500' : 'timing out'} shows an error with retry that recovers`, async ({ page, baseURL }) => {
      const errors = watchPageErrors(page);
      if (kind === 'timeout') await shortenApiTimeout(page, TIMEOUT_MS);
      await injectFaults(page.request, baseURL!, kind === '500' ? { route: call.route, status: 500 } : { route: call.route, latencyMs: TIMEOUT_MS * 3 });
      await page.goto(call.path);
      const alert = page.getByRole('main').getByRole('alert').filter({ has: page.getByRole('button', { name: '重试' }) });
      await expect(alert).toBeVisible({ timeout: TIMEOUT_MS + 10_000 });
      await expect(alert).toContainText(kind === '500' ? /出错|失败|错误/ : '服务器响应超时');
      if (call.data) await expect(call.loaded(page)).toHaveCount(0);
      // The rest of the page keeps working while the region is in error.
      await expect(switcher(page)).toBeEnabled();

      await alert.getByRole('button', { name: '重试' }).click();
      await expect(call.loaded(page)).toBeVisible();
      await expect(alert).toHaveCount(0);
      errors.expectClean(call.page);
    });
  }
}

test.describe('typed input survives a failed save', () => {
  test.afterEach(async ({ page, baseURL }) => clearFaults(page.request, baseURL!));

  test('QR form: the create answering 500 keeps the dialog and its text; the retry creates the code', async ({ page, baseURL }) => {
    const errors = watchPageErrors(page);
    await page.goto('/wechat/qrcodes');
    await expect(page.locator('tr.qr-code-row')).toHaveCount(6);
    await page.getByRole('button', { name: '新建二维码' }).click();
    const dialog = page.getByRole('dialog');
    const name = dialog.getByRole('textbox', { name: /^名称/ });
    const scene = dialog.getByRole('textbox', { name: /^场景值/ });
    await name.fill('故障后仍在的码');
    await scene.fill('7001');
    await injectFaults(page.request, baseURL!, { route: 'POST /api/wechat/accounts/*/qrcodes', status: 500 });
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog.getByRole('alert')).toBeVisible();
    await expect(name).toHaveValue('故障后仍在的码');
    await expect(scene).toHaveValue('7001');

    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('row', { name: /故障后仍在的码/ })).toBeVisible();
    errors.expectClean('QR form');
  });

  test('menu editor: publishing answering 500 keeps the edited draft; publishing again succeeds', async ({ page, baseURL }) => {
    const errors = watchPageErrors(page);
    await page.goto('/wechat/menus');
    await expect(shownAccount(page)).toBeVisible();
    const editor = page.getByRole('main').locator('wx-menu-editor');
    const topButtons = page.locator('wx-phone-preview .menu-bar .top-item .menu-button');
    await topButtons.nth(1).click();
    const nameInput = page.getByRole('textbox', { name: '菜单名称' });
    await nameInput.fill('故障菜单');
    await expect(page.getByTestId('draft-status')).toContainText('草稿已保存');
    await injectFaults(page.request, baseURL!, { route: 'PUT /api/wechat/accounts/*/menu', status: 500 });
    const publish = async () => {
      await editor.getByRole('button', { name: '发布', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: '发布到微信' });
      await dialog.getByRole('button', { name: '发布', exact: true }).click();
      await expect(dialog).toBeHidden();
    };
    await publish();
    await expect(editor.getByRole('alert')).toBeVisible();
    await expect(topButtons.nth(1)).toHaveText('故障菜单');
    await expect(nameInput).toHaveValue('故障菜单');

    await publish();
    await expect(page.getByTestId('draft-status')).toContainText('已发布');
    await expect(topButtons.nth(1)).toHaveText('故障菜单');
    errors.expectClean('menu editor');
  });

  test('mass send: the send answering 500 keeps the composition; sending again starts it', async ({ page, baseURL }) => {
    const errors = watchPageErrors(page);
    await page.goto('/wechat/messaging/mass-send');
    await expect(page.getByRole('region', { name: '群发额度' })).toBeVisible();
    const form = page.getByRole('form', { name: '新建群发' });
    const text = form.getByRole('textbox', { name: '文本内容' });
    await form.getByRole('radio', { name: '按标签' }).check();
    await form.getByRole('combobox', { name: '标签' }).selectOption({ label: 'VIP' });
    await text.fill('故障之后仍然要发的群发');
    await injectFaults(page.request, baseURL!, { route: 'POST /api/wechat/accounts/*/mass-sends', status: 500 });
    const send = async () => {
      await form.getByRole('button', { name: /^(发送…|定时发送…)$/ }).click();
      const dialog = page.getByRole('dialog', { name: '确认群发' });
      await dialog.getByRole('button', { name: '确认发送' }).click();
      await expect(dialog).toBeHidden();
    };
    await send();
    await expect(page.getByRole('main').getByRole('alert').first()).toBeVisible();
    await expect(text).toHaveValue('故障之后仍然要发的群发');

    await send();
    await expect(page.getByText('已开始发送')).toBeVisible();
    await expect(page.getByRole('list', { name: '群发记录' }).getByRole('listitem').filter({ hasText: '故障之后仍然要发的群发' })).toBeVisible();
    errors.expectClean('mass send');
  });

  test('auto reply: saving a rule answering 500 keeps the form as typed; saving again creates it', async ({ page, baseURL }) => {
    const errors = watchPageErrors(page);
    await page.goto('/wechat/messaging/auto-reply');
    const rules = page.getByRole('region', { name: '关键词回复' });
    await expect(rules).toBeVisible();
    await rules.getByRole('button', { name: '添加规则' }).click();
    const form = page.getByRole('form', { name: /关键词规则/ });
    await form.getByRole('textbox', { name: '规则名称' }).fill('故障规则');
    await form.getByRole('textbox', { name: '新关键词' }).fill('故障');
    await form.getByRole('textbox', { name: '新关键词' }).press('Enter');
    await form.getByRole('textbox', { name: '回复 1 的文字' }).fill('故障之后的回复');
    await injectFaults(page.request, baseURL!, { route: 'POST /api/wechat/accounts/*/auto-reply/rules', status: 500 });
    await form.getByRole('button', { name: '保存规则' }).click();
    await expect(form.getByRole('alert')).toBeVisible();
    await expect(form.getByRole('textbox', { name: '规则名称' })).toHaveValue('故障规则');
    await expect(form.getByRole('textbox', { name: '回复 1 的文字' })).toHaveValue('故障之后的回复');

    await form.getByRole('button', { name: '保存规则' }).click();
    await expect(form).toBeHidden();
    await expect(rules).toContainText('故障规则');
    errors.expectClean('auto reply');
  });
});
