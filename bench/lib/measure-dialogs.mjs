// A dialog's opening (no issue sets a target): the QR code editor, the QR list's main action. Its code
// and Material's dialog load on first use (openLazyDialog); `wxPrefetch` starts that download when the
// pointer comes over the button or the button gets focus. Three readings, click → the dialog's first
// field on screen: the first opening with no hover before the click (the code loads after it), the
// first opening after the pointer rested HOVER_MS on the button (as a hand does before it clicks), and
// an opening once the code is loaded. Each run is a fresh browser context (nothing cached).
import { newContext } from './browser.mjs';
import { recordNetwork } from './network.mjs';
import { spread } from './stats.mjs';

const ROUTE = '/wechat/qrcodes';
const CREATE = 'wx-qr-code-list button.wx-button.filled';
const FIRST_ROW = 'wx-qr-code-list tr.qr-code-row';
const FIELD = 'mat-dialog-container input';
export const HOVER_MS = 150;

async function openList(env) {
  const context = await newContext(env.browser, { baseURL: env.baseURL, problems: env.problems });
  const net = recordNetwork(context, { distDir: env.distDir });
  const page = await context.newPage();
  await page.goto(ROUTE);
  await page.locator(FIRST_ROW).first().waitFor({ state: 'visible', timeout: 15_000 });
  await net.quiet();
  return { context, net, page };
}

const press = (page) => page.evaluate(([button, field]) => window.__bench.press(button, field), [CREATE, FIELD]);

async function close(page) {
  await page.keyboard.press('Escape');
  await page.locator('mat-dialog-container').waitFor({ state: 'detached' });
}

export async function measureDialogOpen(env, runs) {
  const cold = [];
  const hovered = [];
  const again = [];
  for (let i = 0; i < runs; i++) {
    // No pointer over the button: the click itself starts the download.
    let { context, net, page } = await openList(env);
    try {
      cold.push(await press(page));
      await close(page);
      again.push(await press(page));
      await close(page);
      env.problems.addAll(net.problems);
    } finally {
      await context.close();
    }
    ({ context, net, page } = await openList(env));
    try {
      await page.hover(CREATE);
      await page.waitForTimeout(HOVER_MS);
      hovered.push(await press(page));
      await close(page);
      env.problems.addAll(net.problems);
    } finally {
      await context.close();
    }
  }
  return { route: ROUTE, dialog: 'QR code editor', hoverMs: HOVER_MS, cold: spread(cold), hovered: spread(hovered), again: spread(again) };
}
