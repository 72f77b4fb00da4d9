// The QR codes module's chart library (issue #3: the module's ≤ 40 KiB excludes "the chart library,
// which loads only on the detail page"; ARCHITECTURE §9: such libraries are reported apart).
// Deterministic bytes, so taken once: the list route must fetch none of it, the detail page fetches it.
import { openFirst } from './measure-bytes.mjs';
import { totals } from './stats.mjs';
import { target } from './browser.mjs';
import { MODULE_ROUTES } from './routes.mjs';

const LIST = MODULE_ROUTES.find((r) => r.app === 'qr-codes');
/** The shared package that draws the scans chart (federation.shared.js shares it like any dependency). */
const CHART_PACKAGE = 'uplot';
const FIRST_CODE_LINK = 'wx-qr-code-list tr.qr-code-row a';
/** uPlot draws into a canvas inside the chart's plot element once the library and the stats are in. */
const CHART_DRAWN = 'wx-scans-chart .wx-scans-chart-plot canvas';

export async function measureQrDetail(env) {
  const { context, net, page } = await openFirst(env);
  try {
    await net.reset();
    await page.evaluate(([href, t]) => window.__bench.navigate(href, t), [LIST.path, target(LIST)]);
    await net.quiet();
    const list = totals(await net.entries(), env.classify);
    await net.reset();
    // The list's first code, as a user opens it: the name links to its detail page.
    await page.locator(FIRST_CODE_LINK).first().click();
    await page.locator(CHART_DRAWN).first().waitFor({ state: 'visible', timeout: 15_000 });
    await net.quiet();
    const detail = totals(await net.entries(), env.classify);
    env.problems.addAll(net.problems);
    const chart = (t) => t.list.filter((f) => f.packageName === CHART_PACKAGE);
    const sum = (files, key) => files.reduce((s, f) => s + f[key], 0);
    const chartFiles = chart(detail);
    return {
      route: new URL(page.url()).pathname,
      listChartGzip: sum(chart(list), 'gzip'),
      chartGzip: sum(chartFiles, 'gzip'),
      chartRaw: sum(chartFiles, 'raw'),
      chartFiles: chartFiles.length,
      detailGzip: detail.gzip,
      detailFiles: detail.files,
    };
  } finally {
    await context.close();
  }
}
