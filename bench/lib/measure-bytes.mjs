// Byte figures (ARCHITECTURE §9): deterministic, so each is taken once.
import fs from 'node:fs';
import path from 'node:path';
import { newContext, coldStartReading, target } from './browser.mjs';
import { recordNetwork } from './network.mjs';
import { totals } from './stats.mjs';
import { FIRST } from './routes.mjs';

const round = (value) => Math.round(value * 10) / 10;
// @angular/core itself, not its secondary entries: Native Federation's bundle of it.
const FEDERATION_CORE = /\/_angular_core\.[^/]*\.js$/;

/**
 * The platform's file for @angular/core, by its platform.json (the file may be shared with other
 * packages, ADR 0023, so its name does not say), or null without a platform build.
 */
function platformCoreFile(distDir) {
  const marker = path.join(distDir, 'platform', 'build.json');
  if (!fs.existsSync(marker)) return null;
  const { buildId } = JSON.parse(fs.readFileSync(marker, 'utf8'));
  const description = JSON.parse(fs.readFileSync(path.join(distDir, 'platform', buildId, 'platform.json'), 'utf8'));
  return description.imports['@angular/core'] ? `/platform/${buildId}/${description.imports['@angular/core']}` : null;
}

/** The distinct @angular/core files a page session fetched (1 = Angular is shared as it must be). */
function coreCopies(entries, distDir) {
  const platformCore = platformCoreFile(distDir);
  return [...new Set(entries.filter((e) => FEDERATION_CORE.test(e.path) || (platformCore && e.path.endsWith(platformCore))).map((e) => e.path))];
}

/** Opens FIRST in a fresh context and waits (untimed) until its content shows and the network is quiet. */
export async function openFirst(env) {
  const context = await newContext(env.browser, { baseURL: env.baseURL, problems: env.problems, coldTarget: target(FIRST) });
  const net = recordNetwork(context, { distDir: env.distDir });
  const page = await context.newPage();
  await page.goto(FIRST.path, { waitUntil: 'commit' });
  const reading = await coldStartReading(page);
  await net.quiet();
  return { context, net, page, reading };
}

/**
 * First load: every JS file the browser requested from the navigation until FIRST's content was
 * visible (by request start time against the in-page moment of visibility); what the page fetched
 * after that, until the network went quiet, is reported apart and is not in the budget.
 */
export async function measureFirstLoad(env) {
  const { context, net, reading } = await openFirst(env);
  try {
    const entries = await net.entries();
    const origin = reading.epoch - reading.at;
    const before = entries.filter((e) => e.startTime <= reading.epoch);
    const after = entries.filter((e) => e.startTime > reading.epoch);
    env.problems.addAll(net.problems);
    return {
      route: FIRST.path,
      contentMs: reading.at,
      ...totals(before, env.classify),
      afterContent: totals(after, env.classify),
      angularCoreCopies: coreCopies(entries, env.distDir),
      // ms from navigation start (performance.timeOrigin): which requests wait on which.
      waterfall: net.timeline().map((r) => ({ ...r, start: round(r.start - origin), end: round(r.end - origin) })),
    };
  } finally {
    await context.close();
  }
}

/**
 * Module cost: after FIRST was shown (its shared packages loaded), the JS fetched from the click on
 * the route's <nav> link until the module's content shows; later fetches are reported apart.
 * A fresh context per route, so one module's files never make another look cheaper.
 */
export async function measureModuleCost(env, route) {
  const { context, net, page } = await openFirst(env);
  try {
    await net.reset();
    const nav = await page.evaluate(([href, t]) => window.__bench.navigate(href, t), [route.path, target(route)]);
    await net.quiet();
    const session = await net.entries(); // after the reset: only this navigation's files
    const before = session.filter((e) => e.startTime <= nav.shownEpoch);
    const after = session.filter((e) => e.startTime > nav.shownEpoch);
    env.problems.addAll(net.problems);
    return {
      name: route.name,
      route: route.path,
      budgetKiB: route.budgetKiB,
      navigationMs: nav.ms,
      ...totals(before, env.classify),
      afterContent: totals(after, env.classify),
      angularCoreFiles: coreCopies(session, env.distDir),
    };
  } finally {
    await context.close();
  }
}
