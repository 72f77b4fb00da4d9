// Debian's Chromium through playwright-core, with the flags the e2e suite uses on this machine, less
// the browser's own window chrome (scripts/browser/chromium-features.mjs, docs/adr/0026).
import { chromium } from 'playwright-core';
import { switchesProblem, withoutBrowserUi } from '../../scripts/browser/chromium-features.mjs';
import { playwrightLaunch } from './cdp-browser.mjs';
import { installBenchHelpers, watchColdStart } from './in-page.mjs';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function launchBrowser() {
  const browser = await chromium.launch({ executablePath: process.env.CHROME_BIN ?? '/usr/bin/chromium', headless: true, ...withoutBrowserUi(ARGS) });
  // The cold loads' browser copies these switches (cdp-browser.mjs): a figure taken with the omnibox
  // popup loading beside the page would not compare with the others.
  const problem = switchesProblem(playwrightLaunch().switches);
  if (problem) {
    await browser.close();
    throw new Error(`bench browser: ${problem}`);
  }
  return browser;
}

/** Every bench page's window and language (the cold loads' browser uses them too, cdp-browser.mjs). */
export const VIEWPORT = { width: 1440, height: 900 };
export const LOCALE = 'zh-CN';

/**
 * A fresh context is a cold start: empty HTTP cache, no storage, but a signed-in session cookie — the
 * suite's users arrive signed in; the demo shell's own sign-in (a 401, a POST, a second read) is a
 * development convenience and not what a marketer waits for. Console errors and uncaught page
 * errors go to `problems`: a bench run doubles as a smoke test.
 */
export async function newContext(browser, { baseURL, problems, coldTarget } = {}) {
  const context = await browser.newContext({ baseURL, viewport: VIEWPORT, locale: LOCALE });
  const signIn = await context.request.post('/api/session', { data: { username: 'admin' } });
  if (!signIn.ok()) throw new Error(`signing in for the bench failed: ${signIn.status()}`);
  await context.addInitScript(installBenchHelpers);
  if (coldTarget) await context.addInitScript(watchColdStart, coldTarget);
  context.on('console', (message) => {
    const reading = READING.exec(message.text());
    if (reading && message.type() === 'debug') {
      const page = message.page();
      if (page) readingsOf(page).deliver(reading[1], JSON.parse(reading[2]));
      return;
    }
    if (message.type() === 'error' || message.type() === 'warning') problems?.add(`console ${message.type()}: ${message.text()}`);
  });
  context.on('weberror', (error) => problems?.add(`page error: ${error.error().message}`));
  return context;
}

// Readings the in-page watchers report through the console (`window.__bench.report`), per page. The
// bench waits for them here, in Node: nothing of Playwright's runs in the page while a load is timed.
export const READING = /^wx-bench:(\w+) (.*)$/s;
const readings = new WeakMap();
function readingsOf(page) {
  let entry = readings.get(page);
  if (!entry) {
    const got = new Map();
    const waiting = new Map();
    entry = {
      deliver(name, value) {
        got.set(name, value);
        waiting.get(name)?.(value);
      },
      next(name) {
        return got.has(name) ? Promise.resolve(got.get(name)) : new Promise((resolve) => waiting.set(name, resolve));
      },
    };
    readings.set(page, entry);
  }
  return entry;
}

/** A reading the page reported (see READING), within `timeoutMs`. */
export async function pageReading(page, name, timeoutMs = 40_000) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the page reported no ${name} reading within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([readingsOf(page).next(name), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits (untimed) until the watcher that watchColdStart installed has seen the content, and returns its reading. */
export async function coldStartReading(page) {
  const reading = await pageReading(page, 'content');
  if (reading.error) throw new Error(`content never showed: ${reading.error}`);
  return reading;
}

/** The target description that the in-page helpers take. */
export const target = (route) => ({ app: route.app, selector: route.content });
