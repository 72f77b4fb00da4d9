// Lighthouse performance score of /wechat/fans (issue #10): Lighthouse 12.2.3 with Debian's Chromium,
// performance category only. "The score" is Lighthouse's default config (mobile, simulated throttling);
// the desktop preset is a second line. No target is set by the issue: the bench reports, ≥ 90 is only
// Lighthouse's own "good" band, printed for orientation.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { readSample, summarize } from './lighthouse-result.mjs';

export const LIGHTHOUSE_ROUTE = '/wechat/fans';
/** Rows the fans page renders once an account's fans arrived (the e2e tests' selector). */
const FAN_ROWS = 'wx-fan-list .fan-row.body[data-openid]';
const ACCOUNT_GATE = 'wx-account-gate[data-gate="ready"]';
const CHROME_FLAGS = ['--headless=new', '--no-sandbox'];
export const PRESETS = { mobile: undefined, desktop: desktopConfig };

// Lighthouse drives Chromium through puppeteer-core, its own dependency: the same copy lets the bench
// look into the page Lighthouse has just audited (does it show fan rows?).
const requireFromLighthouse = createRequire(import.meta.resolve('lighthouse'));

/**
 * One Lighthouse run per preset per run (mobile, then desktop), each in a fresh Chromium (empty cache,
 * no storage), signed in as admin like the bench's other cold starts: the session cookie is put into
 * the fresh browser's cookie jar and Lighthouse's storage reset is off (it would clear the cookie; the
 * profile is new for every run, so there is no cache or storage to clear). Not `extraHeaders`: a
 * Cookie header set that way is replaced by the page's own cookies as soon as the page sets one (the
 * shell's `wx-locale`), and every API call then answered 401.
 *
 * @param {{ baseURL: string, problems?: Set<string> }} env
 * @param {number} runs
 * @param {{ presets?: string[], chromePath?: string, screenshotDir?: string }} [options]
 * @returns {Promise<{ route: string, presets: Record<string, LighthousePreset> }>}
 */
export async function measureLighthouse(env, runs, { presets = Object.keys(PRESETS), chromePath = process.env.CHROME_BIN ?? '/usr/bin/chromium', screenshotDir } = {}) {
  const cookie = await signIn(env.baseURL);
  const names = await accountNames(env.baseURL, cookie);
  const url = new URL(LIGHTHOUSE_ROUTE, env.baseURL).href;
  const out = {};
  for (const preset of presets) {
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const sample = await auditOnce({ url, cookie, preset, chromePath });
      if (screenshotDir && i === 0 && sample.screenshot) saveScreenshot(screenshotDir, preset, sample.screenshot);
      delete sample.screenshot;
      samples.push(sample);
    }
    const summary = summarize(samples);
    out[preset] = { ...summary, accounts: summary.accounts.map((appid) => names.get(appid) ?? appid) };
  }
  return { route: LIGHTHOUSE_ROUTE, presets: out, ...(screenshotDir ? { screenshots: path.join(path.relative(process.cwd(), screenshotDir), 'lighthouse-<preset>.jpg') } : {}) };
}

async function signIn(baseURL) {
  const response = await fetch(`${baseURL}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin' }) });
  if (!response.ok) throw new Error(`signing in for Lighthouse failed: ${response.status}`);
  return response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** appid → account name, so the report says which account's fans the audited page showed. */
async function accountNames(baseURL, cookie) {
  const response = await fetch(`${baseURL}/api/wechat/accounts`, { headers: { cookie } });
  if (!response.ok) return new Map();
  const { items = [] } = await response.json();
  return new Map(items.map((a) => [a.appid, a.name]));
}

/** One audit in its own Chromium; fails unless the audited page showed fan rows. */
async function auditOnce({ url, cookie, preset, chromePath }) {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  const puppeteer = requireFromLighthouse('puppeteer-core');
  let browser;
  try {
    browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
    const page = await browser.newPage();
    for (const pair of cookie.split('; ')) {
      const [name, ...value] = pair.split('=');
      await page.setCookie({ name, value: value.join('='), url, httpOnly: true, sameSite: 'Lax' });
    }
    const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'], disableStorageReset: true };
    const result = await lighthouse(url, flags, PRESETS[preset], page);
    if (!result) throw new Error('Lighthouse returned no result');
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    // Signed in and really on the fan list: the page still open after the audit shows fan rows.
    const rows = await page.$$eval(FAN_ROWS, (nodes) => nodes.length);
    if (rows === 0) throw new Error(`the audited page showed no fan rows (final URL ${lhr.finalDisplayedUrl})`);
    const account = await page.$eval(ACCOUNT_GATE, (gate) => gate.getAttribute('data-appid')).catch(() => null);
    return { ...readSample(lhr), rows, account };
  } finally {
    await browser?.disconnect().catch(() => {});
    chrome.kill();
  }
}

function saveScreenshot(dir, preset, dataUrl) {
  const match = /^data:image\/(\w+);base64,(.*)$/.exec(dataUrl);
  if (!match) return;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `lighthouse-${preset}.${match[1] === 'jpeg' ? 'jpg' : match[1]}`), Buffer.from(match[2], 'base64'));
}
