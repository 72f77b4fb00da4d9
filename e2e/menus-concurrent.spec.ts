import { request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';
import { test, expect, selectAccount } from './support/fixtures';

// Two people edit one account's menu draft: a save based on an older revision is refused by the
// server (412 STALE) and the editor lets the user choose, losing nothing meanwhile.
const editor = (page: Page) => page.getByRole('main').locator('wx-menu-editor');
const topButtons = (page: Page) => page.locator('wx-phone-preview .menu-bar .top-item .menu-button');
const nameInput = (page: Page) => page.getByRole('textbox', { name: '菜单名称' });
const draftStatus = (page: Page) => page.getByTestId('draft-status');
const conflict = (page: Page) => page.getByTestId('draft-conflict');

interface Draft {
  document: { menus: { button: { name: string }[] }[] } | null;
  revision: string | null;
}

/** The marketer, in another browser, renames the first top-level button and saves over the current revision. */
async function theySave(marketer: APIRequestContext, draftUrl: string, name: string): Promise<void> {
  const current = (await (await marketer.get(draftUrl)).json()) as Draft;
  const document = structuredClone(current.document)!;
  document.menus[0].button[0].name = name;
  const saved = await marketer.put(draftUrl, { data: document, headers: { 'If-Match': `"${current.revision}"` } });
  expect(saved.status()).toBe(200);
}

test('a draft saved by someone else meanwhile: nothing is overwritten, the user keeps theirs or takes the other', async ({ page, baseURL, expectAccessible }) => {
  const marketer = await playwrightRequest.newContext({ baseURL });
  const me = await marketer.post('/api/session', { data: { username: 'marketer' } });
  expect(me.ok()).toBeTruthy();
  const marketerName = ((await me.json()) as { name: string }).name;
  const accounts = (await (await marketer.get('/api/wechat/accounts')).json()).items as { appid: string; name: string }[];
  const draftUrl = `/api/wechat/accounts/${accounts.find((a) => a.name === 'Dmartech智慧营销')!.appid}/menu/draft`;

  await page.goto('/wechat/menus');
  await expect(page.locator('wx-account-gate[data-gate="ready"]')).toBeVisible();
  await selectAccount(page, 'Dmartech智慧营销');
  await expect(editor(page).locator('wx-phone-preview')).toBeVisible();
  await topButtons(page).nth(1).click();
  await nameInput(page).fill('我的版本');
  await expect(draftStatus(page)).toContainText('草稿已保存');

  // They save after my last save; my next edit is refused and kept.
  await theySave(marketer, draftUrl, '市场部版');
  await nameInput(page).fill('我的版本2');
  await expect(conflict(page)).toContainText(marketerName);
  await expect(draftStatus(page)).toContainText('草稿暂存在本机');
  await expect(topButtons(page).nth(1)).toHaveText('我的版本2'.slice(0, 4) + '...');
  expect(((await (await marketer.get(draftUrl)).json()) as Draft).document!.menus[0].button[0].name).toBe('市场部版');
  await expectAccessible('menu editor with a draft conflict');

  // The choice survives a reload: this browser's copy still says which revision it started from.
  await page.reload();
  await expect(conflict(page)).toContainText(marketerName);
  await topButtons(page).nth(1).click();
  await expect(nameInput(page)).toHaveValue('我的版本2');

  // Take theirs: the editor shows their draft and saves on from it.
  await conflict(page).getByRole('button', { name: '改用对方的版本（放弃我的修改）' }).click();
  await expect(conflict(page)).toHaveCount(0);
  await expect(topButtons(page).first()).toHaveText('市场部版');
  await topButtons(page).nth(1).click();
  await nameInput(page).fill('第三版');
  await expect(draftStatus(page)).toContainText('草稿已保存');
  let server = ((await (await marketer.get(draftUrl)).json()) as Draft).document!.menus[0].button;
  expect([server[0].name, server[1].name]).toEqual(['市场部版', '第三版']);

  // Keep mine: my version replaces theirs, on purpose.
  await theySave(marketer, draftUrl, '又改了');
  await nameInput(page).fill('第四版');
  await expect(conflict(page)).toBeVisible();
  await conflict(page).getByRole('button', { name: '保留我的版本（覆盖对方的草稿）' }).click();
  await expect(conflict(page)).toHaveCount(0);
  await expect(draftStatus(page)).toContainText('草稿已保存');
  server = ((await (await marketer.get(draftUrl)).json()) as Draft).document!.menus[0].button;
  expect([server[0].name, server[1].name]).toEqual(['市场部版', '第四版']);
  await marketer.dispose();
});
