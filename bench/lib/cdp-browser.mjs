// The cold loads' browser: a second Chromium, started with exactly the switches Playwright gave the
// bench's own, driven over a bare DevTools pipe that enables only Page, Runtime and Emulation.
// Playwright enables the Network domain on every page it opens: Chromium then records every request
// and response for the client, in the page's renderer and in the browser process, which on this
// 2-core machine added ~45 ms to each cold load of ~45 requests (ADR 0022). No user has DevTools'
// network recording on; the cold figures are taken without it. Linux only (it reads /proc), like the
// bench's machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { LOCALE, READING, VIEWPORT } from './browser.mjs';
import { installBenchHelpers } from './in-page.mjs';

// Switches that belong to one launch (its profile, its pipe, its first page), not to the browser's behaviour.
const PER_LAUNCH = /^--(user-data-dir|remote-debugging-pipe|remote-debugging-port)(=|$)/;

/**
 * The command-line switches and environment of the Chromium that Playwright launched for this process
 * (the one with a DevTools pipe among this process's children; on Debian that is the binary the
 * `chromium` wrapper script started, with the wrapper's own switches), without the per-launch ones.
 */
export function playwrightLaunch() {
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let stat, argv, environ;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      environ = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean);
    } catch {
      continue; // exited meanwhile
    }
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (parent !== process.pid || !argv.includes('--remote-debugging-pipe')) continue;
    const env = Object.fromEntries(environ.map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]));
    return { executable: argv[0], switches: argv.slice(1).filter((arg) => arg.startsWith('--') && !PER_LAUNCH.test(arg)), env };
  }
  throw new Error('no Chromium launched by Playwright among this process’s children: launch the bench browser first');
}

/** Starts the second Chromium; `{ send(method, params, sessionId), listen(fn) → unlisten, close() }`. */
export async function launchCdpBrowser() {
  const { executable, switches, env } = playwrightLaunch();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cdp-'));
  const child = spawn(executable, [...switches, `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
    env,
  });
  const [toBrowser, fromBrowser] = [child.stdio[3], child.stdio[4]];
  const pending = new Map();
  const listeners = new Set();
  let nextId = 0;
  let buffered = '';
  fromBrowser.on('data', (chunk) => {
    buffered += chunk.toString('utf8');
    for (let end = buffered.indexOf('\0'); end >= 0; end = buffered.indexOf('\0')) {
      const message = JSON.parse(buffered.slice(0, end));
      buffered = buffered.slice(end + 1);
      const call = message.id !== undefined && pending.get(message.id);
      if (call) {
        pending.delete(message.id);
        if (message.error) call.reject(new Error(`${call.method}: ${message.error.message}`));
        else call.resolve(message.result);
      } else for (const listener of listeners) listener(message);
    }
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  exited.then(() => {
    for (const call of pending.values()) call.reject(new Error(`${call.method}: the browser exited`));
  });
  const browser = {
    send(method, params = {}, sessionId) {
      return new Promise((resolve, reject) => {
        const id = ++nextId;
        pending.set(id, { method, resolve, reject });
        toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
      });
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await browser.send('Browser.close').catch(() => {});
      await exited;
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
  const { userAgent } = await browser.send('Browser.getVersion');
  browser.userAgent = userAgent;
  return browser;
}

/**
 * One cold load in a fresh browser context, as `newContext` (browser.mjs) prepares it: empty cache,
 * a signed-in session cookie, 1440×900, zh-CN, the bench's in-page helpers, then `init` scripts
 * (`[fn, arg]` pairs, run in every document before the page's own). Navigates to `route` and waits
 * for each reading named in `readings` (reported with `window.__bench.report`). Console errors,
 * warnings and uncaught exceptions go to `problems`. `inspect` may read the page afterwards
 * (an expression for Runtime.evaluate; its value is returned as `inspected`).
 */
export async function coldLoad(browser, { baseURL, route, init = [], readings = ['content'], problems, inspect, timeoutMs = 40_000 }) {
  const signIn = await fetch(`${baseURL}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin' }) });
  if (!signIn.ok) throw new Error(`signing in for the bench failed: ${signIn.status}`);
  const cookies = signIn.headers.getSetCookie().map((header) => {
    const [pair] = header.split(';');
    const at = pair.indexOf('=');
    return { name: pair.slice(0, at).trim(), value: pair.slice(at + 1).trim(), url: baseURL };
  });
  const { browserContextId } = await browser.send('Target.createBrowserContext', { disposeOnDetach: true });
  let unlisten = () => {};
  let timer;
  try {
    await browser.send('Storage.setCookies', { cookies, browserContextId });
    const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank', browserContextId });
    const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
    const got = new Map();
    const waiting = new Map();
    unlisten = browser.listen((message) => {
      if (message.sessionId !== sessionId) return;
      if (message.method === 'Runtime.exceptionThrown') {
        problems?.add(`page error: ${message.params.exceptionDetails.exception?.description ?? message.params.exceptionDetails.text}`);
      } else if (message.method === 'Runtime.consoleAPICalled') {
        const { type, args } = message.params;
        const text = args.map((arg) => arg.value ?? arg.description ?? '').join(' ');
        const reading = READING.exec(text);
        if (reading && type === 'debug') {
          got.set(reading[1], JSON.parse(reading[2]));
          waiting.get(reading[1])?.();
        } else if (type === 'error' || type === 'warning') problems?.add(`console ${type}: ${text}`);
      }
    });
    await browser.send('Page.enable', {}, sessionId);
    await browser.send('Runtime.enable', {}, sessionId);
    await browser.send('Emulation.setDeviceMetricsOverride', { ...VIEWPORT, deviceScaleFactor: 1, mobile: false }, sessionId);
    await browser.send('Emulation.setLocaleOverride', { locale: LOCALE }, sessionId);
    await browser.send('Emulation.setUserAgentOverride', { userAgent: browser.userAgent, acceptLanguage: LOCALE }, sessionId);
    for (const [fn, arg] of [[installBenchHelpers], ...init]) {
      const source = `(${fn})(${arg === undefined ? '' : JSON.stringify(arg)});`;
      await browser.send('Page.addScriptToEvaluateOnNewDocument', { source }, sessionId);
    }
    const all = Promise.all(
      readings.map((name) => (got.has(name) ? got.get(name) : new Promise((resolve) => waiting.set(name, () => resolve(got.get(name)))))),
    );
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the page reported no ${readings.join('/')} reading within ${timeoutMs} ms`)), timeoutMs);
    });
    await browser.send('Page.navigate', { url: new URL(route, baseURL).href }, sessionId);
    const values = await Promise.race([all, timeout]);
    const result = Object.fromEntries(readings.map((name, i) => [name, values[i]]));
    if (inspect) {
      const { result: value } = await browser.send('Runtime.evaluate', { expression: inspect, returnByValue: true }, sessionId);
      result.inspected = value.value;
    }
    return result;
  } finally {
    clearTimeout(timer);
    unlisten();
    await browser.send('Target.disposeBrowserContext', { browserContextId }).catch(() => {});
  }
}
