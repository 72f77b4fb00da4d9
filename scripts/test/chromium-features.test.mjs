// The e2e tests' and the bench's Chromium (scripts/browser/chromium-features.mjs): Playwright's own
// disabled features kept, and no omnibox popup loading in each new window (docs/adr/0026).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { playwrightLaunch } from '../../bench/lib/cdp-browser.mjs';
import { PLAYWRIGHT_DISABLE_SWITCH, switchesProblem, withoutBrowserUi } from '../browser/chromium-features.mjs';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'];
const launched = [];
const launch = async (options) => {
  const browser = await chromium.launch({ executablePath: process.env.CHROME_BIN ?? '/usr/bin/chromium', headless: true, ...options });
  launched.push(browser);
  return { browser, switches: playwrightLaunch().switches };
};
after(() => Promise.all(launched.map((browser) => browser.close())));

/** The browser's own UI pages (chrome://…) that opening one page in a fresh context brought. */
async function browserUiOfOnePage(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('data:text/html,<p>x');
  const cdp = await browser.newBrowserCDPSession();
  // The popup is created with the window; give it the time it took here (well under a second).
  await page.waitForTimeout(1_000);
  const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{}] });
  await context.close();
  return targetInfos.filter((target) => target.type === 'browser_ui').map((target) => target.url);
}

test('Playwright passes the --disable-features list we carry over (else ours would drop it or two would clash)', async () => {
  const { browser, switches } = await launch({ args: ARGS });
  assert.deepEqual(switches.filter((arg) => arg.startsWith('--disable-features=')), [PLAYWRIGHT_DISABLE_SWITCH]);
  assert.match(switchesProblem(switches), /lacks WebUIOmniboxPopup/);
  assert.ok((await browserUiOfOnePage(browser)).some((url) => url.startsWith('chrome://omnibox-popup')), 'without the switch the popup loads');
  await browser.close();
});

test('with withoutBrowserUi: one --disable-features switch with both lists, and a new window loads no omnibox popup', async () => {
  const { browser, switches } = await launch(withoutBrowserUi(ARGS));
  assert.equal(switchesProblem(switches), null);
  assert.ok(switches.includes('--no-sandbox'));
  assert.deepEqual(await browserUiOfOnePage(browser), []);
  await browser.close();
});
