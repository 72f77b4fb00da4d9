import { request as playwrightRequest, type Page, type Request } from '@playwright/test';
import { expect, shownAccount, test } from './support/fixtures';

const SMART = 'wx5f3a9c1e7b2d4068';
const count = (page: Page) => page.getByTestId('fan-count');
const selected = (page: Page) => page.getByTestId('selection-count');
const progress = (page: Page) => page.getByTestId('batch-progress');

/** Gives `n` of the account's newest fans one remark through the API, so a filter finds exactly them. */
async function remarkFans(page: Page, n: number, remark: string): Promise<string[]> {
  const response = await page.request.get(`/api/wechat/accounts/${SMART}/fan-openids?limit=${n}&blacklisted=false`);
  expect(response.ok()).toBeTruthy();
  const openids: string[] = (await response.json()).items;
  expect(openids.length).toBe(n);
  for (const openid of openids) {
    const put = await page.request.put(`/api/wechat/accounts/${SMART}/fans/${openid}/remark`, { data: { remark } });
    expect(put.ok()).toBeTruthy();
  }
  return openids;
}

async function openFans(page: Page) {
  await page.goto('/wechat/fans');
  await expect(shownAccount(page)).toHaveAttribute('data-appid', SMART);
  await expect(count(page)).toContainText('位粉丝');
}

async function filterRemark(page: Page, remark: string, expected: number) {
  await page.getByRole('searchbox', { name: '备注' }).fill(remark);
  await expect(count(page)).toHaveText(`符合条件的粉丝 ${expected} 位`);
}

/** Opens the first listed fan's detail drawer, once it shows that fan. */
async function openFirstFanDetail(page: Page) {
  const row = page.locator('wx-fan-list .fan-row.body[data-openid]').first();
  const openid = (await row.getAttribute('data-openid'))!;
  await row.click();
  const panel = page.getByRole('dialog', { name: '粉丝详情' });
  await expect(panel.getByTestId('fan-detail-openid')).toHaveText(openid);
  return { openid, panel };
}

function tagManager(page: Page) {
  return page.getByRole('dialog', { name: '标签管理' });
}

test.describe('fan tags, batch actions, remark and blacklist', () => {
  test('batch-tags 120 fans in three calls of at most 50 and finds them by the tag', async ({ page, expectAccessible }) => {
    const openids = await remarkFans(page, 120, 'e2e批量');
    await openFans(page);

    await page.getByRole('button', { name: '管理标签' }).click();
    await tagManager(page).getByRole('textbox', { name: '新标签名称' }).fill('春季活动');
    await tagManager(page).getByRole('button', { name: '创建标签' }).click();
    await expect(tagManager(page).getByRole('listitem').filter({ hasText: '春季活动' })).toContainText('0 位粉丝');
    await tagManager(page).getByRole('button', { name: '关闭' }).click();

    await filterRemark(page, 'e2e批量', 120);
    await expect(selected(page)).toHaveText('已选择 0 位粉丝');
    await page.getByRole('button', { name: '选择全部 120 位匹配的粉丝' }).click();
    await expect(selected(page)).toHaveText('已选择 120 位粉丝');

    const calls: Request[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && /\/tags\/\d+\/fans\/add$/.test(request.url())) calls.push(request);
    });
    await page.getByRole('combobox', { name: '为所选粉丝选择标签' }).selectOption({ label: '春季活动' });
    await page.getByRole('button', { name: '批量打标签' }).click();
    await expect(progress(page)).toHaveAttribute('data-status', 'done');
    await expect(progress(page).getByTestId('batch-count')).toHaveText('120 / 120');
    await expect(progress(page)).toContainText('成功 120 位（其中 120 位有变化）');
    await expectAccessible('fans page with a selection and a finished batch');

    const sizes = calls.map((r) => (r.postDataJSON() as { openids: string[] }).openids.length);
    expect(sizes).toEqual([50, 50, 20]);
    expect(calls.flatMap((r) => (r.postDataJSON() as { openids: string[] }).openids).sort()).toEqual([...openids].sort());

    // The list follows at once: by the tag alone, exactly these 120.
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect(selected(page)).toHaveText('已选择 0 位粉丝');
    await page.getByRole('combobox', { name: '标签', exact: true }).selectOption({ label: '春季活动' });
    await expect(count(page)).toHaveText('符合条件的粉丝 120 位');
  });

  test('renames and deletes a tag, is refused deleting a reserved one, and passes axe with the manager open', async ({ page, expectAccessible }) => {
    await openFans(page);
    await page.getByRole('button', { name: '管理标签' }).click();
    const manager = tagManager(page);
    await expect(manager).toBeVisible();
    await expectAccessible('tag manager');

    // Reserved: visibly not editable, and clicking says why; the server refuses too.
    const star = manager.getByRole('listitem').filter({ hasText: '星标组' });
    await expect(star).toContainText('微信保留');
    // Told to assistive technology as unavailable (aria-disabled), yet focusable: pressing it says why.
    const reservedDelete = manager.getByRole('button', { name: '删除标签 星标组' });
    await expect(reservedDelete).toBeDisabled();
    await reservedDelete.focus();
    await page.keyboard.press('Enter');
    await expect(star.getByRole('alert')).toHaveText('“星标组”是微信保留的标签，不能重命名或删除。');
    const refused = await page.request.delete(`/api/wechat/accounts/${SMART}/tags/2`);
    expect(refused.status()).toBe(422);
    expect((await refused.json()).code).toBe('WECHAT_45058');

    // A duplicate name is refused next to the field, the typed name kept.
    await manager.getByRole('button', { name: '重命名标签 新客' }).click();
    const rename = manager.getByRole('textbox', { name: '标签 新客 的新名称' });
    await rename.fill('VIP');
    await manager.getByRole('button', { name: '保存' }).click();
    await expect(manager.getByRole('alert')).toHaveText('已有同名标签，请换一个名称。');
    await expect(rename).toHaveValue('VIP');
    await rename.fill('新客户');
    await manager.getByRole('button', { name: '保存' }).click();
    await expect(manager.getByRole('listitem').filter({ hasText: '新客户' })).toBeVisible();

    const vip = manager.getByRole('listitem').filter({ hasText: 'VIP' });
    const vipFans = Number((await vip.locator('.fans').textContent())!.replace(/\D/g, ''));
    expect(vipFans).toBeGreaterThan(0);
    await manager.getByRole('button', { name: '删除标签 VIP' }).click();
    await expect(vip).toContainText(`它会从 ${vipFans} 位粉丝身上移除`);
    await manager.getByRole('button', { name: '确认删除' }).click();
    await expect(manager.getByRole('listitem').filter({ hasText: 'VIP' })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(manager).toBeHidden();
    await expect(page.getByRole('button', { name: '管理标签' })).toBeFocused();

    // The filter offers the renamed tag and no longer the deleted one.
    const tagFilter = page.getByRole('combobox', { name: '标签', exact: true });
    await expect(tagFilter.getByRole('option', { name: '新客户' })).toHaveCount(1);
    await expect(tagFilter.getByRole('option', { name: 'VIP' })).toHaveCount(0);
  });

  test('blacklists a fan and edits its remark in the detail, and the filters follow', async ({ page }) => {
    await openFans(page);
    const { openid, panel } = await openFirstFanDetail(page);

    const remark = panel.getByRole('textbox', { name: '备注' });
    await remark.fill('一二三四五六七八九十'.repeat(3) + '多');
    await expect(panel.getByTestId('remark-counter')).toHaveText('31 / 30');
    await expect(panel.getByRole('button', { name: '保存备注' })).toBeDisabled();
    await remark.fill('年会重点客户');
    await expect(panel.getByTestId('remark-counter')).toHaveText('6 / 30');
    await panel.getByRole('button', { name: '保存备注' }).click();
    await expect(panel.getByRole('status').filter({ hasText: '备注已保存' })).toBeAttached();

    await panel.getByRole('button', { name: '加入黑名单' }).click();
    await expect(panel.getByRole('button', { name: '移出黑名单' })).toBeVisible();
    await page.keyboard.press('Escape');

    await page.getByRole('combobox', { name: '黑名单' }).selectOption({ label: '是' });
    await expect(page.locator(`wx-fan-list .fan-row[data-openid="${openid}"]`)).toBeVisible();
    await page.getByRole('button', { name: '清除筛选' }).click();
    await filterRemark(page, '年会重点', 1);
    await expect(page.locator('wx-fan-list .fan-row.body[data-openid]')).toHaveAttribute('data-openid', openid);
  });

  test("a colleague's rename or remark saved meanwhile is not overwritten: the user sees it and chooses (ADR 0024)", async ({ page, baseURL, expectAccessible }) => {
    const colleague = await playwrightRequest.newContext({ baseURL });
    expect((await colleague.post('/api/session', { data: { username: 'marketer' } })).ok()).toBeTruthy();
    await openFans(page);

    // The tag manager lists 新客; the colleague renames it; this user's rename is refused and shown.
    await page.getByRole('button', { name: '管理标签' }).click();
    const manager = tagManager(page);
    await manager.getByRole('button', { name: '重命名标签 新客' }).click();
    await manager.getByRole('textbox', { name: '标签 新客 的新名称' }).fill('我起的名');
    const tags = (await (await colleague.get(`/api/wechat/accounts/${SMART}/tags`)).json()).items as { id: number; name: string }[];
    const id = tags.find((t) => t.name === '新客')!.id;
    expect((await colleague.patch(`/api/wechat/accounts/${SMART}/tags/${id}`, { data: { name: '同事起的名' } })).ok()).toBeTruthy();
    await manager.getByRole('button', { name: '保存' }).click();
    const row = manager.locator(`[data-tag-id="${id}"]`);
    await expect(row.getByTestId('tag-now-named')).toHaveText('现在的名称是“同事起的名”。');
    await expect(row.getByRole('textbox')).toHaveValue('我起的名');
    await expectAccessible('tag manager with a stale rename');
    await row.getByRole('button', { name: '仍保存我的修改（覆盖那次修改）' }).click();
    await expect(row).toContainText('我起的名');
    await expect(row.locator('wx-stale-notice')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(manager).toBeHidden();

    // The detail drawer loaded the fan's remark; the colleague changes it; this user's save is refused.
    const { openid, panel } = await openFirstFanDetail(page);
    const remark = panel.getByRole('textbox', { name: '备注' });
    await remark.fill('我的备注');
    expect((await colleague.put(`/api/wechat/accounts/${SMART}/fans/${openid}/remark`, { data: { remark: '同事的备注' } })).ok()).toBeTruthy();
    await panel.getByRole('button', { name: '保存备注' }).click();
    await expect(panel.getByTestId('their-remark')).toHaveText('现在的备注是“同事的备注”。');
    await expect(remark).toHaveValue('我的备注');
    await panel.getByRole('button', { name: '改用最新内容（放弃我的修改）' }).click();
    await expect(remark).toHaveValue('同事的备注');
    await expect(panel.locator('wx-stale-notice')).toHaveCount(0);
    await colleague.dispose();
  });

  test('reports a failed blacklist call and retries only the rest', async ({ page, mock }) => {
    await remarkFans(page, 25, 'e2e黑名单');
    await openFans(page);
    await filterRemark(page, 'e2e黑名单', 25);
    await page.getByRole('button', { name: '选择全部 25 位匹配的粉丝' }).click();
    await expect(selected(page)).toHaveText('已选择 25 位粉丝');

    await mock('faults', { route: 'POST /api/wechat/accounts/*/blacklist/add', status: 503, times: 1 });
    const calls: number[] = [];
    page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/blacklist/add') && calls.push(r.postDataJSON().openids.length));
    await page.getByRole('button', { name: '加入黑名单' }).click();
    await expect(progress(page)).toHaveAttribute('data-status', 'paused');
    await expect(progress(page).getByRole('alert')).toContainText('第 1 批（20 位粉丝）失败');
    await expect(progress(page).getByTestId('batch-count')).toHaveText('0 / 25');
    await progress(page).getByRole('button', { name: '重试剩余的 25 位' }).click();
    await expect(progress(page)).toHaveAttribute('data-status', 'done');
    await expect(progress(page).getByTestId('batch-count')).toHaveText('25 / 25');
    expect(calls).toEqual([20, 20, 5]);

    await page.getByRole('combobox', { name: '黑名单' }).selectOption({ label: '是' });
    await expect(count(page)).toHaveText('符合条件的粉丝 25 位');
  });

  test('works in English: selection, batch bar and tag manager', async ({ page }) => {
    await openFans(page);
    await page.getByLabel('语言').selectOption('en');
    await expect(page.getByTestId('selection-count')).toHaveText('0 selected');
    await page.getByRole('checkbox', { name: /^Select fan / }).first().check();
    await expect(page.getByTestId('selection-count')).toHaveText('1 selected');
    // The header checkbox takes the rows in sight (not the off-screen buffer), then unselects them.
    const inSight = await page.locator('cdk-virtual-scroll-viewport').evaluate((el) => Math.ceil(el.clientHeight / 44));
    const header = page.getByRole('checkbox', { name: 'Select the fans shown' });
    await expect(header).toHaveJSProperty('indeterminate', true);
    await header.click();
    await expect(page.getByTestId('selection-count')).toHaveText(`${inSight} selected`);
    await header.click();
    await expect(page.getByTestId('selection-count')).toHaveText('0 selected');
    await page.getByRole('button', { name: 'Manage tags' }).click();
    const manager = page.getByRole('dialog', { name: 'Tags' });
    await expect(manager.getByRole('listitem').filter({ hasText: '星标组' })).toContainText('Reserved by WeChat');
    await manager.getByRole('textbox', { name: 'New tag name' }).fill('x'.repeat(31));
    await expect(manager.getByText('The tag name is too long: at most 30 characters.')).toBeVisible();
    await expect(manager.getByRole('button', { name: 'Create tag' })).toBeDisabled();
  });
});
