// `npm run bench`: builds the product (cached), serves it in-process, measures the budgets of
// ARCHITECTURE §9 and every figure the module issues ask for (in Chromium, plus the fan sync against
// its own mock and a Lighthouse score of /wechat/fans), prints the detailed figures, then one summary
// table (figure | value | target | pass/MISS | issue) and writes its rows to bench/results/latest.json.
// It reports, it does not judge: exit 0 even when a target is missed, 1 only if something could not be measured.
//   node bench/run.mjs [--no-build] [--runs N] [--only figure,...]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync, execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchBrowser } from './lib/browser.mjs';
import { launchCdpBrowser } from './lib/cdp-browser.mjs';
import { loadClassifier } from './lib/classify.mjs';
import { measureFirstLoad, measureModuleCost } from './lib/measure-bytes.mjs';
import { measureColdNavigation, measureWarmSwitch, measureAccountSwitch } from './lib/measure-times.mjs';
import { measureFansApi, measureFansFirstRows, measureFansFirstRowsInSuite, measureFansScroll } from './lib/measure-fans.mjs';
import { printReport } from './lib/report.mjs';
import { summaryRows, formatSummary, tally } from './lib/summary.mjs';
import { measureQrDetail } from './lib/measure-qr-detail.mjs';
import { measureDialogOpen } from './lib/measure-dialogs.mjs';
import { widgetBytes } from './lib/widget-bytes.mjs';
import { MODULE_ROUTES } from './lib/routes.mjs';
import { FIGURES, parseArgs, UsageError, selectFigures } from './lib/options.mjs';
import { settle } from './lib/settle.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const DATA_DIR = path.join(ROOT, 'tmp/bench/data'); // the mock builds its templates here on first start
const RESULTS_DIR = path.join(ROOT, 'bench/results');
// Lighthouse's final screenshots, to check by eye that the audited page showed the fan list.
const SCREENSHOTS = path.join(ROOT, 'tmp/bench/lighthouse');
// Lighthouse and the sync each take seconds per run: at most this many runs of them.
const SLOW_RUNS = 3;

const git = (...args) => {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
};

/** Runs one measurement; a failure becomes { error } so the other figures are still taken. */
async function attempt(label, fn) {
  const started = Date.now();
  process.stderr.write(`bench: ${label}…`);
  try {
    const value = await fn();
    process.stderr.write(` ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    return value;
  } catch (error) {
    process.stderr.write(` failed: ${error.message}\n`);
    return { error: error.message.split('\n')[0] };
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log(`node bench/run.mjs [--no-build] [--runs N] [--only figure,...]
  --runs N   runs per timed figure (default 10; ARCHITECTURE §9 asks for ≥ 10); Lighthouse and the fan sync run min(N, ${SLOW_RUNS}) times
  --only     measure only these figures (the summary table then has only their rows):
             ${FIGURES.join(', ')}`);
    return 0;
  }
  const wanted = selectFigures(options.only);
  // Times depend on what else runs on the machine: the load before and after is kept with the figures.
  const loadBefore = os.loadavg()[0];
  if (options.build) {
    // Build output goes to stderr so that stdout carries only the figures.
    const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: ['ignore', process.stderr, process.stderr] });
    if (build.status !== 0) throw new Error(`the build failed (exit ${build.status})`);
  }
  if (!fs.existsSync(path.join(DIST, 'shell/index.html'))) throw new Error('no build in dist/: run without --no-build');
  // Nothing is timed while the build (or anything else) still keeps the CPUs busy (bench/lib/settle.mjs).
  const idle = await settle();
  if (idle.busy !== null) process.stderr.write(`bench: waited ${(idle.waitedMs / 1000).toFixed(1)} s for an idle machine (CPUs ${Math.round(idle.busy * 100)}% busy over the last 2 s)\n`);

  fs.mkdirSync(DATA_DIR, { recursive: true });
  const { createServer } = await import(pathToFileURL(path.join(ROOT, 'scripts/serve.mjs')).href);
  const server = await createServer({ dataDir: DATA_DIR, dist: DIST });
  const baseURL = await server.listen({ port: 0, host: '127.0.0.1' });
  let browser;
  let cdp;
  try {
    // Every run starts from the demo seed: an earlier run's account selection must not change what is measured.
    const reset = await fetch(`${baseURL}/__mock/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: 'demo' }) });
    if (!reset.ok) throw new Error(`/__mock/reset answered ${reset.status}`);
    const { classify } = await loadClassifier(baseURL);
    const problems = new Set();
    problems.addAll = (list) => list.forEach((p) => problems.add(p));
    const env = { baseURL, distDir: DIST, classify, problems };
    const needsBrowser = ['first-load', 'cold-navigation', 'module-cost', 'qr-detail', 'warm-switch', 'account-switch', 'dialog-open', 'fans-first-rows', 'fans-scroll'].some((f) => wanted.has(f));
    if (needsBrowser) env.browser = browser = await launchBrowser();
    // The cold loads run in a second Chromium with the same switches and no network recording (ADR 0022).
    if (['cold-navigation', 'fans-first-rows'].some((f) => wanted.has(f))) env.cdp = cdp = await launchCdpBrowser();
    const browserVersion = browser?.version() ?? null;
    const runs = options.runs;
    const slowRuns = Math.min(runs, SLOW_RUNS);

    const figures = {};
    if (wanted.has('first-load')) figures.firstLoad = await attempt('first load', () => measureFirstLoad(env));
    if (wanted.has('cold-navigation')) figures.coldNavigation = await attempt(`cold navigation ×${runs}`, () => measureColdNavigation(env, runs));
    if (wanted.has('module-cost')) {
      figures.moduleCost = [];
      for (const route of MODULE_ROUTES) {
        figures.moduleCost.push({ name: route.name, route: route.path, budgetKiB: route.budgetKiB, ...(await attempt(`module cost ${route.name}`, () => measureModuleCost(env, route))) });
      }
    }
    if (wanted.has('qr-detail')) figures.qrDetail = await attempt('QR code detail page (chart library)', () => measureQrDetail(env));
    if (wanted.has('widgets')) figures.widgets = await attempt('widget parcels (bytes from dist)', () => ({ items: widgetBytes({ dist: DIST }) }));
    if (wanted.has('warm-switch')) figures.warmSwitch = await attempt(`warm switch ×${runs}`, () => measureWarmSwitch(env, runs));
    if (wanted.has('account-switch')) figures.accountSwitch = await attempt(`account switch ×${runs}`, () => measureAccountSwitch(env, runs));
    if (wanted.has('dialog-open')) figures.dialogOpen = await attempt(`dialog opening ×${runs}`, () => measureDialogOpen(env, runs));
    if (wanted.has('angular-copies')) figures.angularCoreCopies = angularCoreCopies(figures);
    if (wanted.has('fans-first-rows')) figures.fansFirstRows = await attempt(`fans first rows (100k) ×${runs}`, () => measureFansFirstRows(env, runs));
    if (wanted.has('fans-first-rows')) figures.fansFirstRowsInSuite = await attempt(`fans first rows in the running suite (100k) ×${runs}`, () => measureFansFirstRowsInSuite(env, runs));
    if (wanted.has('fans-scroll')) figures.fansScroll = await attempt('fans scroll (100k)', () => measureFansScroll(env));
    if (wanted.has('fans-api')) figures.fansApi = await attempt(`fans API pages ×${runs}`, () => measureFansApi(env, runs));
    // The browser is done: Lighthouse brings its own Chromium, and the sync should not share the CPU with it.
    await cdp?.close();
    cdp = undefined;
    await browser?.close();
    browser = undefined;
    if (wanted.has('fans-sync')) figures.fansSync = await attempt(`fans sync (100k) ×${slowRuns}`, () => measureFansSync(slowRuns));
    if (wanted.has('lighthouse')) {
      const { measureLighthouse } = await import('./lib/lighthouse.mjs');
      figures.lighthouse = await attempt(`Lighthouse /wechat/fans mobile + desktop ×${slowRuns}`, () => measureLighthouse(env, slowRuns, { screenshotDir: SCREENSHOTS }));
    }

    const summary = summaryRows(figures);
    const result = {
      date: new Date().toISOString(),
      commit: git('rev-parse', '--short', 'HEAD') || 'unknown',
      dirty: git('status', '--porcelain').length > 0,
      runs,
      slowRuns,
      only: options.only ?? null,
      machine: {
        cpus: os.cpus().length,
        node: process.version,
        browser: browserVersion,
        loadAverage1m: { before: round2(loadBefore), after: round2(os.loadavg()[0]) },
        settled: { waitedMs: idle.waitedMs, busy: idle.busy === null ? null : round2(idle.busy) },
      },
      gzip: 'zlib default level 6, per file',
      summary,
      figures,
      problems: [...problems],
    };
    printReport(result);
    const counts = tally(summary);
    const of = (n) => (n === 1 ? 'one run' : `medians of ${n} runs`);
    console.log(`Summary${options.only ? ` (--only ${options.only.join(',')})` : ''}: times are ${of(runs)} (Lighthouse and the fan sync: ${of(slowRuns)}), with min–max; bytes are deterministic, measured once. Load average ${result.machine.loadAverage1m.before} → ${result.machine.loadAverage1m.after} on ${result.machine.cpus} cores.`);
    for (const text of formatSummary(summary)) console.log(text);
    console.log(`${counts.pass} pass, ${counts.miss} MISS, ${counts.informational} without a target, ${counts.error} not measured`);
    console.log('For scale (#2, ARCHITECTURE §9): an open-source WeChat admin console measured on this machine fetches ~1.5 MB gzip of JS, shows its first fan row after ~1.6 s and reloads the list for another account in ~51 ms.');
    console.log('');
    // A partial run (--only) must not overwrite the full table.
    const file = path.join(RESULTS_DIR, options.only ? 'latest-only.json' : 'latest.json');
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`written ${path.relative(ROOT, file)}`);
    return counts.error ? 1 : 0;
  } finally {
    await cdp?.close();
    await browser?.close();
    await server.close();
  }
}

const round2 = (n) => Math.round(n * 100) / 100;

/** The fan sync runs as its own process with its own mock (it rewrites 100,000 fans on a fresh copy). */
function measureFansSync(runs) {
  const sync = spawnSync(process.execPath, [path.join(ROOT, 'bench/fans-sync.mjs'), '--json', '--runs', String(runs)], { cwd: ROOT, encoding: 'utf8' });
  if (sync.status !== 0) throw new Error((sync.stderr || sync.stdout || `exit ${sync.status}`).trim().split('\n')[0]);
  return JSON.parse(sync.stdout.trim().split('\n').pop());
}

/**
 * Copies of @angular/core in one page: the first load's copy plus any other core file a module
 * navigation fetched on top of it (each module-cost session is one page: first module, then that module).
 */
function angularCoreCopies(figures) {
  if (!figures.firstLoad || figures.firstLoad.error) return { error: 'needs the first load' };
  const base = figures.firstLoad.angularCoreCopies;
  const pages = (figures.moduleCost ?? []).filter((m) => !m.error).map((m) => ({ route: m.route, files: [...new Set([...base, ...m.angularCoreFiles])] }));
  const worst = pages.reduce((a, b) => (b.files.length > a.files.length ? b : a), { route: figures.firstLoad.route, files: base });
  return { count: worst.files.length, page: worst.route, files: worst.files };
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof UsageError ? `bench: ${error.message}` : `bench: could not measure: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
