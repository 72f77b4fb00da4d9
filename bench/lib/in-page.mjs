// Code that runs inside the page. Times are taken there with performance.now(), so Playwright's
// round trips (several ms each on this machine) never enter a figure. Each function must be
// self-contained: Playwright sends its source text to the browser.

/**
 * Installed in every page (context.addInitScript) before the shell's script runs: window.__bench.
 * `when(test)` resolves with the performance.now() of the first moment test() holds, checked on
 * every DOM mutation (MutationObserver: right after the DOM changed, before paint) and on every
 * frame (for visibility changes that no mutation announces, e.g. a stylesheet arriving).
 */
export function installBenchHelpers() {
  const visible = (el) => el.isConnected && el.getClientRects().length > 0 && el.checkVisibility({ visibilityProperty: true });
  // A target is { app, selector }: the selector inside single-spa-layout's container of that application.
  const shown = ({ app, selector }) => {
    const root = app ? document.getElementById(`single-spa-application:${app}`) : document;
    return !!root && [...root.querySelectorAll(selector)].some(visible);
  };
  const when = (test, timeoutMs = 15000) =>
    new Promise((resolve, reject) => {
      let done = false;
      const finish = (error, value) => {
        if (done) return;
        done = true;
        observer.disconnect();
        clearTimeout(timer);
        if (error) reject(error);
        else resolve(value);
      };
      const check = () => {
        if (!done && test()) finish(null, performance.now());
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      const frame = () => {
        check();
        if (!done) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      const timer = setTimeout(() => finish(new Error(`not shown within ${timeoutMs} ms`)), timeoutMs);
      check();
    });

  window.__bench = {
    shown,
    when,
    /** Cold start: from navigation start (performance.now() counts from it) to the target's content. */
    watchFromStart(target) {
      when(() => shown(target), 30000).then(
        (at) => window.__bench.report('content', { at, epoch: performance.timeOrigin + at }),
        (error) => window.__bench.report('content', { error: String(error) }),
      );
    },
    /**
     * Hands a reading to the bench through the console (bench/lib/browser.mjs `pageReading`): waiting
     * for it with page.waitForFunction instead made Playwright compile and run its injected script in
     * the page while the cold load was being timed (~40 ms of the main thread, ADR 0020).
     */
    report(name, value) {
      console.debug(`wx-bench:${name} ${JSON.stringify(value)}`);
    },
    /** Clicks the <nav> link to `href` and times until `target` shows its content. */
    navigate(href, target) {
      const link = document.querySelector(`nav a[href="${href}"]`);
      if (!link) throw new Error(`no <nav> link to ${href}`);
      if (shown(target)) throw new Error(`${target.app} is shown already`);
      const clickedAt = performance.now();
      const shownAt = when(() => shown(target));
      link.click();
      return shownAt.then((at) => ({ ms: at - clickedAt, clickedEpoch: performance.timeOrigin + clickedAt, shownEpoch: performance.timeOrigin + at }));
    },
    /**
     * Clicks the first `button` and times until the first `field` is on screen (a dialog opening: its
     * code may load first).
     */
    press(button, field) {
      const control = document.querySelector(button);
      if (!control) throw new Error(`no ${button}`);
      if (document.querySelector(field)) throw new Error(`${field} is shown already`);
      const shownAt = when(() => [...document.querySelectorAll(field)].some(visible));
      const clickedAt = performance.now();
      control.click();
      return shownAt.then((at) => at - clickedAt);
    },
    /**
     * Clicks the open switcher's option for `account` and times until every mounted application shows
     * it: the header trigger shows its name and every account gate on the page shows its appid (data-appid).
     */
    switchAccount(account) {
      const option = [...document.querySelectorAll('[role="option"]')].find((o) => o.querySelector('.name')?.textContent.trim() === account.name);
      if (!option) throw new Error(`no open option for ${account.name}`);
      const showsIt = () => {
        const trigger = document.querySelector('header [data-testid="account-switcher"]');
        const gates = [...document.querySelectorAll('wx-account-gate')];
        return !!trigger && trigger.textContent.includes(account.name) && gates.length > 0 && gates.every((el) => el.getAttribute('data-gate') === 'ready' && el.getAttribute('data-appid') === account.appid);
      };
      if (showsIt()) throw new Error(`${account.name} is selected already`);
      const clickedAt = performance.now();
      const shownAt = when(showsIt);
      option.click();
      return shownAt.then((at) => at - clickedAt);
    },
  };
}

/** Registered after installBenchHelpers for cold-start runs: starts watching before any page script. */
export function watchColdStart(target) {
  window.__bench.watchFromStart(target);
}

/**
 * Registered after watchColdStart where the header is timed too: the moment the header's account
 * switcher shows the selected account's name (it loads after the main content, ADR 0020).
 */
export function watchHeaderFromStart() {
  const named = () => [...document.querySelectorAll('header [data-testid="account-switcher"] .name')].some((el) => el.textContent.trim() !== '' && el.getClientRects().length > 0);
  window.__bench.when(named, 30000).then(
    (at) => window.__bench.report('header', { at }),
    (error) => window.__bench.report('header', { error: String(error) }),
  );
}
