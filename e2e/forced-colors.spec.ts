import type { Locator, Page } from '@playwright/test';
import { test, expect, switcher } from './support/fixtures';

/**
 * Forced colours (Windows High Contrast) keep only the user's system colours and drop shadows: the states
 * the suite shows by a background alone must be drawn again in system colours (the theme's
 * _forced-colors.scss). Checked on the computed styles, which report the colours forced colours leave.
 */

/** The system colour a keyword resolves to in this browser (Highlight, HighlightText, …). */
function systemColour(page: Page, keyword: string): Promise<string> {
  return page.evaluate((colour) => {
    const probe = document.createElement('i');
    probe.style.color = colour;
    document.body.append(probe);
    const value = getComputedStyle(probe).color;
    probe.remove();
    return value;
  }, keyword);
}

const style = (locator: Locator) =>
  locator.evaluate((e) => {
    const s = getComputedStyle(e);
    return { background: s.backgroundColor, color: s.color, adjust: s.forcedColorAdjust, outline: `${s.outlineStyle} ${s.outlineWidth}` };
  });

test('forced colours: the current page and the chosen account keep the selection colours, the panel its edge', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto('/wechat/qrcodes');
  const [highlight, highlightText] = [await systemColour(page, 'Highlight'), await systemColour(page, 'HighlightText')];
  // Not left to the browser: its Canvas backplate behind the text would hide HighlightText.
  const selected = { background: highlight, color: highlightText, adjust: 'none' };

  const current = page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '微信二维码' });
  await expect(current).toHaveAttribute('aria-current', 'page');
  expect(await style(current)).toMatchObject(selected);

  await switcher(page).click();
  const listbox = page.getByRole('listbox');
  await expect(listbox).toBeVisible();
  expect((await style(listbox)).outline).toBe('solid 1px');
  expect(await style(listbox.getByRole('option', { selected: true }))).toMatchObject(selected);
  expect((await style(listbox.getByRole('option', { selected: false }).first())).background).not.toBe(highlight);
  await page.keyboard.press('Escape');

  // A status badge was a pill by its background alone: it keeps an outline.
  const badge = page.locator('wx-qr-code-list .badge').first();
  await expect(badge).toBeVisible();
  expect((await style(badge)).outline).toBe('solid 1px');
});
