import { navigateToUrl, registerApplication, start, unregisterApplication, triggerAppChange, type LifeCycles } from 'single-spa';
import { constructApplications, constructLayoutEngine, constructRoutes } from 'single-spa-layout';
import { createBrowserAccountContext, type AccountContext } from '@wechat-mfe/account-context';
import { validateManifest, type ManifestProblem, type MfeManifest } from './manifest';
import { layoutFromManifest, NOT_FOUND_APP } from './layout';
import { loadExposed, pagePlatform, preloadExposed } from './federation';
import { announceNavigation, renderChrome } from './chrome';
import { notFoundLifecycles } from './not-found';
import { applyOverrides, OVERRIDES_KEY, renderOverrideNotice, storedOverrides, syncPlatformCookie } from './overrides';

// Read while this classic script runs synchronously: the start server stamps a fresh nonce per response,
// and every inline script or style we add (import maps, Angular's component styles) must carry it.
const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce ?? '';
const API_BASE = '/api';
/** At most this long the header waits for the main slot (a page whose main application is slow or absent). */
const HEADER_WAIT_CAP_MS = 1000;

async function main(): Promise<void> {
  const context = createBrowserAccountContext({ apiBase: API_BASE });
  // The session, the accounts and the manifest load in parallel: applications start at once and
  // show their loading state until the context is ready, instead of waiting for three round trips.
  // A failed sign-in is not fatal: the context then reports signed-out or error and every page says so.
  const ready = context.refresh().then(() => ensureSignedIn(context));
  const manifestLoaded = loadManifest();
  followLocale(context);

  const loaded = await manifestLoaded;
  // A developer's local override of one module's URL (docs/deploy.md), shown on the page while it lasts.
  const { manifest, applied, refused } = applyOverrides(loaded.manifest, storedOverrides(), location.origin);
  for (const { remote, url } of applied) console.warn(`${OVERRIDES_KEY}: ${remote} comes from ${url}`);
  if (syncPlatformCookie(applied.length > 0, pagePlatform() !== null)) {
    location.reload();
    return;
  }
  const problems = [...loaded.problems, ...refused.map((message) => ({ entry: OVERRIDES_KEY, message }))];
  preloadCurrentRoute(manifest, context.snapshot.locale);
  // The main module's remoteEntry.json is in the page's preload cache already, but its fetch resolves
  // only once this task ends: the chrome below (the layout's containers, the navigation, single-spa's
  // start) comes in the next task, so the module's registration and import proceed meanwhile instead
  // of after it (ADR 0020). The static frame stays on screen until then.
  await nextTask();
  const routes = constructRoutes(
    layoutFromManifest(manifest, { locale: () => context.snapshot.locale, retry: (name) => retry(name) }) as never,
  );
  const applications = constructApplications({
    routes,
    loadApp: ({ name }) => loadApplication(manifest, context, name),
  }).map((app) => ({
    ...app,
    customProps: (name: string, location: Location) => ({
      ...(typeof app.customProps === 'function' ? app.customProps(name, location) : app.customProps),
      context,
      cspNonce: nonce,
      apiBase: API_BASE,
      loadParcel: (parcel: string) => loadParcel(manifest, parcel),
    }),
  }));
  const byName = new Map(applications.map((app) => [app.name, app]));
  const layout = constructLayoutEngine({ routes, applications, active: false });

  // single-spa never retries a broken application: re-registering it is the retry.
  async function retry(name: string): Promise<void> {
    const app = byName.get(name);
    if (!app) return;
    await unregisterApplication(name);
    registerApplication(app);
    await triggerAppChange();
  }

  const chromeActions = {
    navigate: (url: string) => navigateToUrl(url),
    switchUser: (username: string) => void switchUser(username),
  };
  const paint = () => {
    renderChrome(context, chromeActions, problems);
    renderOverrideNotice(applied, context.snapshot.locale);
  };
  window.addEventListener('single-spa:routing-event', paint);
  // The first routing event is the page's load: nothing to announce, and focus starts at the top.
  let routed = false;
  window.addEventListener('single-spa:routing-event', () => {
    if (routed) announceNavigation(context.snapshot.locale);
    routed = true;
  });
  context.locale$.subscribe(() => paint());
  context.user$.subscribe(() => paint());

  applications.forEach((app) => registerApplication(app));
  layout.activate();
  // urlRerouteOnly must be false: with true, Angular ignores the next navigation the shell starts.
  start({ urlRerouteOnly: false });
  paint();
  // The layout engine rendered the chrome synchronously above: the static frame goes in the same task,
  // so no frame ever shows both (which would shift the page by the frame's height).
  removeBootFrame();
  await ready;
}

/**
 * Starts fetching the remotes of the main applications this URL shows before single-spa asks for them.
 * The header's applications wait for the main content (loadApplication), and so does their code: fetched
 * and compiled alongside the main module, it cost the main content time and first-load bytes (ADR 0020).
 * Registering the main remote first also makes its copies of shared packages the page's (the start
 * server's hints assume this order, scripts/serve/preload-hints.mjs).
 */
function preloadCurrentRoute(manifest: MfeManifest, locale: string): void {
  const path = location.pathname;
  for (const app of manifest.applications) {
    if (app.slot === 'header') continue;
    if (app.routes.some((route) => path === route || path.startsWith(`${route}/`))) {
      const url = manifest.remotes[app.remote];
      preloadExposed(app.remote, url, app.exposed, nonce, locale).catch(() => undefined);
      // Imported now, while the chrome is built in the next task; single-spa's load takes this import.
      // Its failure is handled there (the slot's error and retry): not an unhandled rejection meanwhile.
      const loading = loadExposed<LifeCycles>(app.remote, url, app.exposed, nonce);
      loading.catch(() => undefined);
      earlyLoads.set(app.name, loading);
    }
  }
}

/** The current route's main applications, imported before single-spa asks (ADR 0020); each taken once. */
const earlyLoads = new Map<string, Promise<LifeCycles>>();
function takeEarlyLoad(name: string): Promise<LifeCycles> | undefined {
  const loading = earlyLoads.get(name);
  earlyLoads.delete(name);
  return loading;
}

async function loadApplication(manifest: MfeManifest, context: AccountContext, name: string): Promise<LifeCycles> {
  if (name === NOT_FOUND_APP) {
    mainShown();
    return notFoundLifecycles(context);
  }
  const app = manifest.applications.find((a) => a.name === name);
  if (!app) throw new Error(`No application "${name}" in the manifest`);
  if (app.slot === 'header') await firstMainContent;
  // A retry (single-spa loads the application again) imports anew: the early import is taken once.
  const lifecycles = takeEarlyLoad(name) ?? loadExposed<LifeCycles>(app.remote, manifest.remotes[app.remote], app.exposed, nonce);
  if (app.slot !== 'main') return lifecycles;
  return lifecycles.then(
    (loaded) => ({ ...loaded, mount: [...[loaded.mount].flat(), async () => afterItsFirstRender(mainShown)] }),
    (error: unknown) => {
      mainShown();
      throw error;
    },
  );
}

// The page's main content first: on a cold start both slots' code arrives together (preloaded) and
// the header's application, registered first, bootstrapped first while the main one waited. The
// header's applications now start once the first main application has mounted (and the page has been
// idle once) or failed, or after a cap: navigation → content 549 → 487 ms in an interleaved A/B (ADR 0018).
// Only the first load waits; the promise stays resolved.
let mainShown: () => void = () => undefined;
// Mounted is not drawn: the application's first data and rendering follow in the next tasks. The
// header waits for the first moment the page is idle (at most a few frames).
const afterItsFirstRender = (done: () => void) =>
  'requestIdleCallback' in window ? requestIdleCallback(() => done(), { timeout: 300 }) : setTimeout(done, 50);
const firstMainContent = new Promise<void>((resolve) => {
  mainShown = resolve;
  setTimeout(resolve, HEADER_WAIT_CAP_MS);
});

function loadParcel(manifest: MfeManifest, name: string): Promise<unknown> {
  const parcel = manifest.parcels[name];
  if (!parcel) return Promise.reject(new Error(`No parcel "${name}" in the manifest`));
  return loadExposed(parcel.remote, manifest.remotes[parcel.remote], parcel.exposed, nonce);
}

/**
 * The manifest the page server put into the page (`<script type="application/json" id="wx-mfe-manifest">`,
 * read with the page, so as fresh as a no-cache fetch, one round trip earlier); fetched when the page has
 * none or an unreadable one (a server that does not inline it, the development server).
 */
async function loadManifest(): Promise<{ manifest: MfeManifest; problems: ManifestProblem[] }> {
  const result = validateManifest(inlineManifest() ?? (await fetchManifest()));
  for (const problem of result.problems) console.error(`mfe-manifest.json: ${problem.entry}: ${problem.message}`);
  return result;
}

function inlineManifest(): unknown {
  const text = document.getElementById('wx-mfe-manifest')?.textContent;
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function fetchManifest(): Promise<unknown> {
  const response = await fetch('/mfe-manifest.json', { cache: 'no-cache' });
  if (!response.ok) throw new Error(`/mfe-manifest.json answered ${response.status}`);
  return response.json();
}

// Demo and development only: the mock suite signs in whoever the developer picks; admin by default.
// Asked only when the first refresh found nobody signed in, so a signed-in start costs no extra trip.
async function ensureSignedIn(context: AccountContext): Promise<void> {
  if (context.snapshot.user || context.snapshot.access === 'error') return;
  try {
    await signIn('admin');
  } catch (error) {
    console.error(error);
    return;
  }
  await context.refresh();
}

async function signIn(username: string): Promise<void> {
  const response = await fetch(`${API_BASE}/session`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username }),
  });
  if (!response.ok) throw new Error(`Signing in as ${username} failed (${response.status})`);
}

// A different user means different accounts, permissions and selection: start the page afresh.
async function switchUser(username: string): Promise<void> {
  await signIn(username);
  location.reload();
}

function followLocale(context: AccountContext): void {
  context.locale$.subscribe((locale) => {
    document.documentElement.lang = locale;
    // Read by the page server, which then hints this language's translation files with the page's
    // first module files (scripts/serve/preload-hints.mjs); the choice itself lives in localStorage.
    document.cookie = `wx-locale=${encodeURIComponent(locale)}; path=/; max-age=31536000; samesite=lax`;
  });
}

/** Resolves in a later task (a timer; not a microtask, which would run before this task ends). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function removeBootFrame(): void {
  document.getElementById('suite-boot')?.remove();
}

main().catch((error: unknown) => {
  console.error(error);
  removeBootFrame();
  const main = document.getElementById('suite') ?? document.body;
  const alert = document.createElement('p');
  alert.setAttribute('role', 'alert');
  alert.className = 'suite-fatal';
  alert.textContent = `The suite could not start / 平台启动失败: ${error instanceof Error ? error.message : String(error)}`;
  main.replaceChildren(alert);
});
