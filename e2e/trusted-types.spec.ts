import type { Page } from '@playwright/test';
import { expect, shownAccount, switcher, test } from './support/fixtures';

/**
 * Trusted Types are enforced (docs/adr/0010): the served CSP requires them for every script sink and
 * names our policies only; a plain string assigned to a sink really throws; and under that policy every
 * module still mounts, the widgets' parcels and the article editor (DOMParser) included. The fixture
 * fails the test on any `securitypolicyviolation`, which is what a Trusted Types refusal raises.
 */

const SMART = 'wx5f3a9c1e7b2d4068'; // Dmartech智慧营销, the account admin starts on
const POLICIES = ['angular', 'wechat-mfe', 'wechat-mfe#root', 'wechat-mfe#article'];

const directives = (header: string) => new Map(header.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

/** The page of `route` is mounted: its root element, its heading, no loading or failed slot left. */
async function expectMounted(page: Page, route: string, root: string): Promise<void> {
  await page.goto(route);
  const main = page.getByRole('main');
  await expect(page.locator(root), `${root} on ${route}`).toHaveCount(1);
  await expect(main.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(main.locator('.slot-loading, wx-loading-state, [aria-busy="true"]')).toHaveCount(0);
  await expect(page.locator('[data-slot-error]')).toHaveCount(0);
  await expect(page.locator('wx-account-switcher-root')).toHaveCount(1);
  await expect(switcher(page)).toBeVisible();
  if (route.startsWith('/wechat/')) await expect(shownAccount(page)).toHaveAttribute('data-appid', SMART);
}

test('the served CSP enforces Trusted Types with our policies only, and a plain string to a sink throws', async ({ page }) => {
  const response = await page.goto('/wechat/qrcodes');
  const csp = directives(response?.headers()['content-security-policy'] ?? '');
  expect(csp.get('require-trusted-types-for')).toEqual(["'script'"]);
  expect(csp.get('trusted-types')).toEqual(POLICIES);
  expect(response?.headers()['content-security-policy-report-only']).toBeUndefined();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 }).first()).toBeVisible();

  // The probe breaks the policy on purpose, so it runs in a page of its own: the fixture watches `page`.
  const probe = await page.context().newPage();
  await probe.goto('/wechat/qrcodes');
  await expect(probe.getByRole('main').getByRole('heading', { level: 1 }).first()).toBeVisible();
  const outcome = await probe.evaluate(async () => {
    const reported: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) => reported.push(event.violatedDirective));
    const attempt = (what: () => unknown) => {
      try {
        what();
        return 'allowed';
      } catch (error) {
        return (error as Error).name;
      }
    };
    const w = window as unknown as { __ttCanary?: number; trustedTypes: { createPolicy(name: string, rules: object): unknown } };
    const script = document.createElement('script');
    const result = {
      // The one deliberate plain-string innerHTML: it must throw (the assertion below), which is the point.
      // eslint-disable-next-line no-restricted-syntax
      innerHTML: attempt(() => (document.createElement('div').innerHTML = '<img src=x onerror="window.__ttCanary=1">')),
      scriptText: attempt(() => (script.textContent = 'window.__ttCanary = 2')),
      domParser: attempt(() => new DOMParser().parseFromString('<p>x</p>', 'text/html')),
      unknownPolicy: attempt(() => w.trustedTypes.createPolicy('anything-goes', { createHTML: (s: string) => s })),
      // Already created by the shell and the mounted modules: no second, permissive copy of our names.
      shellPolicyAgain: attempt(() => w.trustedTypes.createPolicy('wechat-mfe', { createScript: (s: string) => s })),
      rootPolicyAgain: attempt(() => w.trustedTypes.createPolicy('wechat-mfe#root', { createHTML: (s: string) => s })),
    };
    document.head.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { result, reported, canary: w.__ttCanary };
  });
  expect(outcome.result).toEqual({
    innerHTML: 'TypeError',
    scriptText: 'TypeError',
    domParser: 'TypeError',
    unknownPolicy: 'TypeError',
    shellPolicyAgain: 'TypeError',
    rootPolicyAgain: 'TypeError',
  });
  expect(outcome.canary).toBeUndefined();
  // Each refusal is a securitypolicyviolation event: the kind the fixture fails every other test on.
  expect(outcome.reported).toContain('require-trusted-types-for');
  expect(outcome.reported).toContain('trusted-types');
  await probe.close();
});

test('every module mounts under enforced Trusted Types: applications, parcels and the article editor', async ({ page }) => {
  test.setTimeout(90_000);
  for (const [route, root] of [
    ['/wechat/qrcodes', 'wx-qr-codes-root'],
    ['/wechat/fans', 'wx-fans-root'],
    ['/wechat/menus', 'wx-menus-root'],
    ['/wechat/messaging/materials', 'wx-messaging-root'],
    ['/wechat/messaging/inbox', 'wx-messaging-root'],
    ['/settings/wechat-accounts', 'wx-wechat-accounts-root'],
    ['/settings/channel-allocation', 'wx-channel-allocation-root'],
    ['/host/contacts', 'wx-fans-root'],
    ['/host/journeys', 'wx-widgets-root'],
  ] as const) {
    await test.step(route, () => expectMounted(page, route, root));
  }

  await test.step('a widget parcel mounts inside the host page', async () => {
    await expect(page.getByTestId('audience-picker').getByRole('combobox', { name: '公众号（可多选）' })).toBeVisible();
  });

  await test.step('the article editor loads a stored body (DOMParser through wechat-mfe#article) and counts its text', async () => {
    const list = await (await page.request.get(`/api/wechat/accounts/${SMART}/materials?type=news&limit=1`)).json();
    const mediaId: string = list.items[0].mediaId;
    const article = await (await page.request.get(`/api/wechat/accounts/${SMART}/materials/${mediaId}`)).json();
    const items = article.articles.map(({ thumbUrl: _, ...item }: Record<string, unknown>) => item);
    items[0].content = '<h2>会员日</h2><p>全场<strong>八折</strong>，<a href="https://www.dmartech.cn/vip">详情</a></p>';
    expect((await page.request.put(`/api/wechat/accounts/${SMART}/materials/${mediaId}/news`, { data: { articles: items } })).status()).toBe(200);

    await page.goto(`/wechat/messaging/materials/news/${mediaId}`);
    const body = page.getByRole('textbox', { name: '正文' }).first();
    await expect(body.getByRole('heading', { name: '会员日' })).toBeVisible();
    await expect(body.locator('strong')).toHaveText('八折');
    await expect(body.getByRole('link', { name: '详情' })).toHaveAttribute('href', 'https://www.dmartech.cn/vip');
    // 会员日 + 全场八折，详情 = 10 characters of text, markup not counted.
    await expect(page.getByText('10 / 20,000 字').first()).toBeVisible();

    // Typing goes through the same policy (the counter re-reads the editor's HTML).
    await body.click();
    await page.keyboard.press('End');
    await page.keyboard.type('！');
    await expect(page.getByText('11 / 20,000 字').first()).toBeVisible();
  });
});
