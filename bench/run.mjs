// `npm run bench`: builds the product (cached), serves it in-process, measures the budgets of
// ARCHITECTURE §9 in Chromium, prints each figure with its target and writes bench/results/latest.json.
// It reports, it does not judge: exit 0 even when a target is missed, 1 only if something could not be measured.
//   node bench/run.mjs [--no-build] [--runs N]
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync, execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchBrowser } from './lib/browser.mjs';
import { loadClassifier } from './lib/classify.mjs';
import { measureFirstLoad, measureModuleCost } from './lib/measure-bytes.mjs';
import { measureColdNavigation, measureWarmSwitch, measureAccountSwitch } from './lib/measure-times.mjs';
import { measureFansApi, measureFansFirstRows, measureFansScroll } from './lib/measure-fans.mjs';
import { printReport, checks } from './lib/report.mjs';
import { widgetBytes } from './lib/widget-bytes.mjs';
import { MODULE_ROUTES } from './lib/routes.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const DATA_DIR = path.join(ROOT, 'tmp/bench/data'); // the mock builds its templates here on first start
const RESULTS = path.join(ROOT, 'bench/results/latest.json');

function parseArgs(argv) {
  const options = { build: true, runs: 10 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-build') options.build = false;
    else if (arg === '--runs' || arg.startsWith('--runs=')) {
      options.runs = Number(arg.includes('=') ? arg.split('=')[1] : argv[++i]);
      if (!Number.isInteger(options.runs) || options.runs < 1) throw new UsageError('--runs takes a positive whole number');
    } else if (arg === '--help' || arg === '-h') {
      console.log('node bench/run.mjs [--no-build] [--runs N]   (N defaults to 10; ARCHITECTURE §9 asks for ≥ 10)');
      process.exit(0);
    } else throw new UsageError(`unknown argument ${arg} (try --help)`);
  }
  return options;
}

class UsageError extends Error {}

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
  if (options.build) {
    // Build output goes to stderr so that stdout carries only the figures.
    const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: ['ignore', process.stderr, process.stderr] });
    if (build.status !== 0) throw new Error(`the build failed (exit ${build.status})`);
  }
  if (!fs.existsSync(path.join(DIST, 'shell/index.html'))) throw new Error('no build in dist/: run without --no-build');

  fs.mkdirSync(DATA_DIR, { recursive: true });
  const { createServer } = await import(pathToFileURL(path.join(ROOT, 'scripts/serve.mjs')).href);
  const server = await createServer({ dataDir: DATA_DIR, dist: DIST });
  const baseURL = await server.listen({ port: 0, host: '127.0.0.1' });
  let browser;
  try {
    // Every run starts from the demo seed: an earlier run's account selection must not change what is measured.
    const reset = await fetch(`${baseURL}/__mock/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: 'demo' }) });
    if (!reset.ok) throw new Error(`/__mock/reset answered ${reset.status}`);
    const { classify } = await loadClassifier(baseURL);
    browser = await launchBrowser();
    const problems = new Set();
    problems.addAll = (list) => list.forEach((p) => problems.add(p));
    const env = { browser, baseURL, distDir: DIST, classify, problems };

    const figures = {};
    figures.firstLoad = await attempt('first load', () => measureFirstLoad(env));
    figures.coldNavigation = await attempt(`cold navigation ×${options.runs}`, () => measureColdNavigation(env, options.runs));
    figures.moduleCost = [];
    for (const route of MODULE_ROUTES) {
      figures.moduleCost.push({ name: route.name, route: route.path, budgetKiB: route.budgetKiB, ...(await attempt(`module cost ${route.name}`, () => measureModuleCost(env, route))) });
    }
    figures.widgets = await attempt('widget parcels (bytes from dist)', () => ({ items: widgetBytes({ dist: DIST }) }));
    figures.warmSwitch = await attempt(`warm switch ×${options.runs}`, () => measureWarmSwitch(env, options.runs));
    figures.accountSwitch = await attempt(`account switch ×${options.runs}`, () => measureAccountSwitch(env, options.runs));
    figures.angularCoreCopies = angularCoreCopies(figures);
    figures.fansFirstRows = await attempt(`fans first rows (100k) ×${options.runs}`, () => measureFansFirstRows(env, options.runs));
    figures.fansScroll = await attempt('fans scroll (100k)', () => measureFansScroll(env));
    figures.fansApi = await attempt(`fans API pages ×${options.runs}`, () => measureFansApi(env, options.runs));

    const result = {
      date: new Date().toISOString(),
      commit: git('rev-parse', '--short', 'HEAD') || 'unknown',
      dirty: git('status', '--porcelain').length > 0,
      runs: options.runs,
      machine: { cpus: (await import('node:os')).cpus().length, node: process.version, browser: browser.version() },
      gzip: 'zlib default level 6, per file',
      figures,
      checks: checks(figures),
      problems: [...problems],
    };
    printReport(result);
    // The sync figure runs its own mock on a fresh copy of the demo data (it rewrites 100,000 fans).
    const sync = spawnSync(process.execPath, [path.join(ROOT, 'bench/fans-sync.mjs')], { cwd: ROOT, encoding: 'utf8' });
    console.log(`  ${(sync.stdout || sync.stderr || 'fans sync: no output').trim()}`);
    console.log('');
    fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
    fs.writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`written ${path.relative(ROOT, RESULTS)}`);
    const failed = [figures.firstLoad, figures.coldNavigation, figures.warmSwitch, figures.accountSwitch, figures.angularCoreCopies, figures.fansFirstRows, figures.fansScroll, figures.widgets, ...figures.moduleCost].filter((f) => f.error);
    return failed.length ? 1 : 0;
  } finally {
    await browser?.close();
    await server.close();
  }
}

/**
 * Copies of @angular/core in one page: the first load's copy plus any other core file a module
 * navigation fetched on top of it (each module-cost session is one page: first module, then that module).
 */
function angularCoreCopies(figures) {
  if (figures.firstLoad.error) return { error: 'needs the first load' };
  const base = figures.firstLoad.angularCoreCopies;
  const pages = figures.moduleCost.filter((m) => !m.error).map((m) => ({ route: m.route, files: [...new Set([...base, ...m.angularCoreFiles])] }));
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
