// Time figures (ARCHITECTURE §9): medians of `runs` runs with their spread, all read inside the page.
import { newContext, coldStartReading, target } from './browser.mjs';
import { coldLoad } from './cdp-browser.mjs';
import { watchColdStart, watchHeaderFromStart } from './in-page.mjs';
import { recordNetwork } from './network.mjs';
import { spread } from './stats.mjs';
import { FIRST, WARM_PAIR, SWITCH_PAGE } from './routes.mjs';

/**
 * The first paint of a cold load: the start server's static frame (ADR 0014), drawn from the page's
 * HTML and CSS before any script of ours runs. It measures the machine and the browser, not the
 * product: when it is slow, every cold figure of the run is slow with it (session 14: 120 ms in one
 * hour, 150–190 ms in the next, on the same build, while a CPU-bound script ran no slower).
 */
const FIRST_PAINT = "performance.getEntriesByName('first-paint')[0]?.startTime ?? null";

/**
 * Navigation → content, cold: a fresh browser context per run (empty cache) in the uninstrumented
 * browser (`env.cdp`, cdp-browser.mjs); performance.now() at the moment the content is visible
 * counts from the navigation's start. Warm server: the first-load figure ran before.
 */
export async function measureColdNavigation(env, runs) {
  const samples = [];
  const header = [];
  const staticFrame = [];
  for (let i = 0; i < runs; i++) {
    const readings = await coldLoad(env.cdp, {
      baseURL: env.baseURL,
      route: FIRST.path,
      // The header's switcher follows the main content (ADR 0020): timed too, so the trade stays visible.
      init: [[watchColdStart, target(FIRST)], [watchHeaderFromStart]],
      readings: ['content', 'header'],
      problems: env.problems,
      inspect: FIRST_PAINT,
    });
    if (readings.content.error) throw new Error(`content never showed: ${readings.content.error}`);
    if (readings.header.error) throw new Error(`the header never showed the account switcher: ${readings.header.error}`);
    if (typeof readings.inspected !== 'number') throw new Error('the page reported no first paint');
    samples.push(readings.content.at);
    header.push(readings.header.at);
    staticFrame.push(readings.inspected);
  }
  return { route: FIRST.path, ...spread(samples), header: spread(header), staticFrame: spread(staticFrame) };
}

/**
 * Warm switch: both modules of WARM_PAIR are loaded and shown once (untimed), then each run clicks
 * the <nav> link of one and times until its content shows, alternating directions. Only the JS is
 * warm: every switch still unmounts one Angular application and bootstraps the other.
 */
export async function measureWarmSwitch(env, runs) {
  const [a, b] = WARM_PAIR;
  const context = await newContext(env.browser, { baseURL: env.baseURL, problems: env.problems, coldTarget: target(a) });
  const net = recordNetwork(context, { distDir: env.distDir });
  try {
    const page = await context.newPage();
    await page.goto(a.path, { waitUntil: 'commit' });
    await coldStartReading(page);
    const go = async (route) => {
      const result = await page.evaluate(([href, t]) => window.__bench.navigate(href, t), [route.path, target(route)]);
      await net.quiet({ quietMs: 200 }); // let the page settle so runs do not overlap
      return result.ms;
    };
    await go(b);
    await go(a);
    const samples = { [`${a.name}→${b.name}`]: [], [`${b.name}→${a.name}`]: [] };
    for (let i = 0; i < runs; i++) {
      samples[`${a.name}→${b.name}`].push(await go(b));
      samples[`${b.name}→${a.name}`].push(await go(a));
    }
    env.problems.addAll(net.problems);
    const all = Object.values(samples).flat();
    return { pair: [a.path, b.path], ...spread(all), directions: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, spread(v)])) };
  } finally {
    await context.close();
  }
}

/**
 * Account switch on SWITCH_PAGE (header switcher + one module mounted): each run opens the switcher
 * (untimed), then the click on the other account's option is dispatched inside the page and timed
 * until the trigger shows its name and every account gate its appid. Alternates two accounts.
 */
export async function measureAccountSwitch(env, runs) {
  const context = await newContext(env.browser, { baseURL: env.baseURL, problems: env.problems, coldTarget: target(SWITCH_PAGE) });
  const net = recordNetwork(context, { distDir: env.distDir });
  try {
    const page = await context.newPage();
    await page.goto(SWITCH_PAGE.path, { waitUntil: 'commit' });
    await coldStartReading(page);
    await net.quiet();
    const { items } = await (await page.request.get('/api/wechat/accounts')).json();
    const usable = items.filter((a) => a.status !== 'revoked');
    if (usable.length < 2) throw new Error(`needs two usable accounts, the mock offers ${usable.length}`);
    const current = await page.locator('wx-account-gate[data-gate="ready"]').first().getAttribute('data-appid');
    const start = usable.find((a) => a.appid === current) ?? usable[0];
    const other = usable.find((a) => a.appid !== start.appid);
    // Not getByRole('banner').getByRole('combobox'): the shell's own user and language <select>s are comboboxes in the banner too.
    const switcher = page.getByRole('banner').getByTestId('account-switcher');
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const to = i % 2 === 0 ? other : start;
      await switcher.click();
      await page.getByRole('listbox').getByRole('option').first().waitFor({ state: 'visible' });
      const ms = await page.evaluate((account) => window.__bench.switchAccount(account), { name: to.name, appid: to.appid });
      await page.getByRole('listbox').waitFor({ state: 'detached' });
      await net.quiet({ quietMs: 200 });
      samples.push(ms);
    }
    env.problems.addAll(net.problems);
    return { route: SWITCH_PAGE.path, accounts: [start.name, other.name], ...spread(samples) };
  } finally {
    await context.close();
  }
}
