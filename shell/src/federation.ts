import { fetchAndRegisterRemote, loadRemoteModule } from '@softarc/native-federation-runtime';
import { trustedImportMap } from './trusted-types';

/** One shared package as a remote's remoteEntry.json declares it. */
interface SharedInfo {
  readonly packageName: string;
  readonly version: string;
  readonly singleton?: boolean;
}

/** Versions of the shared singletons this shell was built with (injected by the shell's build). */
declare const __SHARED_VERSIONS__: Record<string, string>;

/** One shared singleton that a remote was built with at another version than the shell shares. */
export interface SkewedPackage {
  /** The package (`@angular/core`), not the entry point (`@angular/core/rxjs-interop`) that named it. */
  readonly packageName: string;
  readonly built: string;
  readonly shared: string;
}

/** Thrown when a remote was built against other versions of a shared singleton than the shell expects. */
export class VersionSkewError extends Error {
  constructor(readonly remote: string, readonly skew: readonly SkewedPackage[]) {
    super(
      `Remote "${remote}" was built against ${skew.map((s) => `${s.packageName}@${s.built} (shell has ${s.shared})`).join(', ')}; refusing to load a second copy.`,
    );
  }
}

const registered = new Map<string, Promise<void>>();

/**
 * Registers a remote once (a failure is forgotten, so a retry fetches again): reads its remoteEntry.json,
 * refuses version skew loudly, and adds its import map natively with the page's CSP nonce.
 */
export function registerRemote(name: string, url: string, nonce: string): Promise<void> {
  let pending = registered.get(name);
  if (!pending) {
    pending = doRegister(name, url, nonce);
    registered.set(name, pending);
    pending.catch(() => registered.delete(name));
  }
  return pending;
}

/** Loads one exposed module (a single-spa application or parcel) of a registered remote. */
export async function loadExposed<T>(remote: string, url: string, exposed: string, nonce: string): Promise<T> {
  await registerRemote(remote, url, nonce);
  return loadRemoteModule<T>(remote, exposed);
}

// Without a preload graph: what every Angular application of ours imports (a remote's scope also
// lists what only its other applications need, so not all of it).
const ALWAYS_NEEDED = new Set([
  '@angular/core',
  '@angular/core/primitives/signals',
  '@angular/core/primitives/di',
  '@angular/core/rxjs-interop',
  '@angular/common',
  '@angular/platform-browser',
  '@jsverse/transloco',
  'rxjs',
  'rxjs/operators',
  'single-spa-angular',
  'single-spa-angular/internals',
  'tslib',
]);

/** A build's static import graph (scripts/build/preload-graph.mjs writes it next to remoteEntry.json). */
export interface PreloadGraph {
  readonly files: Readonly<Record<string, { readonly s: readonly string[]; readonly d: readonly string[] }>>;
}

/**
 * Every file `entry` needs before it can run: its static imports, transitively, across the shared
 * packages (bare specifiers, resolved as the import map will) — plus, among dynamic imports, only
 * those `wantDynamic` accepts (the UI language's translations; never lazy routes).
 */
export function staticClosure(
  entry: string,
  graph: PreloadGraph,
  resolveBare: (specifier: string) => string | undefined,
  wantDynamic: (file: string) => boolean,
): string[] {
  const found = new Set<string>();
  const queue = [new URL(entry, location.href).href];
  while (queue.length) {
    const href = queue.pop()!;
    if (found.has(href)) continue;
    found.add(href);
    // Hashed names: a shared package resolved into another remote's folder is the same file here.
    const node = graph.files[href.slice(href.lastIndexOf('/') + 1)];
    if (!node) continue;
    for (const specifier of [...node.s, ...node.d.filter((d) => wantDynamic(d.slice(d.lastIndexOf('/') + 1)))]) {
      const next = specifier.startsWith('.') ? new URL(specifier, href).href : resolveBare(specifier);
      if (next) queue.push(new URL(next, location.href).href);
    }
  }
  return [...found];
}

/** `zh-CN-AB12.js`, `ui.zh-CN-AB12.js`: esbuild names a translation chunk after its JSON file. */
export function isTranslationChunk(file: string, locale: string): boolean {
  return file.startsWith(`${locale}-`) || file.includes(`.${locale}-`);
}

/**
 * Registers a remote and asks the browser to fetch the exposed module with everything it imports,
 * all at once: without it, nested imports arrive in several sequential waves. The graph is fetched
 * while the remote registers; a build without one falls back to the packages every app needs.
 */
export async function preloadExposed(remote: string, url: string, exposed: string, nonce: string, locale: string): Promise<void> {
  const graph = fetch(url.replace(/remoteEntry\.json$/, 'preload.json'))
    .then((r) => (r.ok ? (r.json() as Promise<PreloadGraph>) : null))
    .catch(() => null);
  await registerRemote(remote, url, nonce);
  const map = importMaps.get(remote);
  if (!map) return;
  const entry = map.imports[`${remote}/${exposed.replace(/^\.\//, '')}`];
  if (!entry) return;
  const scopes = Object.values(map.scopes);
  const platform = pagePlatform();
  // The platform's files first: the page's first import map sends the shared specifiers there.
  const resolveBare = (specifier: string) => platform?.imports[specifier] ?? scopes.find((scope) => scope[specifier])?.[specifier] ?? map.imports[specifier];
  const remoteGraph = await graph;
  const loaded = remoteGraph && platform ? { files: { ...remoteGraph.files, ...platform.files } } : remoteGraph;
  const hrefs = loaded
    ? staticClosure(entry, loaded, resolveBare, (file) => isTranslationChunk(file, locale))
    : [entry, ...scopes.flatMap((scope) => Object.entries(scope).filter(([name]) => ALWAYS_NEEDED.has(name)).map(([, href]) => href))];
  for (const href of hrefs) {
    if (preloaded.has(href)) continue;
    preloaded.add(href);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    link.nonce = nonce;
    document.head.appendChild(link);
  }
}

const importMaps = new Map<string, ImportMap>();
// What the page server hinted already (modulepreload links in the page, ADR 0018) is not hinted again:
// appending a link costs the main thread ~0.5 ms even for a file already fetched.
const preloaded = new Set<string>([...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((link) => link.href));

/** The registration started last: each waits for the ones before it (see doRegister). */
let lastRegistration: Promise<unknown> = Promise.resolve();

function doRegister(name: string, url: string, nonce: string): Promise<void> {
  const before = lastRegistration;
  const registration = fetchAndRegister(name, url, nonce, before);
  lastRegistration = registration.catch(() => undefined);
  return registration;
}

/**
 * Remotes are fetched in parallel but registered in the order they were asked for (manifest order at
 * start-up): the first registered remote that shares a package is the one whose copy every remote
 * imports, and the start server's preload hints (scripts/serve/preload-hints.mjs) predict that
 * order. Registered in arrival order instead, a race could pick another copy than the one the page
 * already downloaded.
 */
async function fetchAndRegister(name: string, url: string, nonce: string, before: Promise<unknown>): Promise<void> {
  // remoteEntry.json lives in an immutable per-build folder: the runtime's own fetch of it below is
  // then answered from the HTTP cache instead of a second request.
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const info = (await response.json()) as { shared?: SharedInfo[] };
  const skew = findSkew(info.shared ?? [], __SHARED_VERSIONS__);
  if (skew.length) {
    console.error(new VersionSkewError(name, skew).message);
    throw new VersionSkewError(name, skew);
  }
  await before;
  const importMap = withoutPlatform(await fetchAndRegisterRemote(url, name), pagePlatform()?.imports ?? {});
  appendImportMap(importMap, nonce);
  importMaps.set(name, importMap);
}

/** The platform bundle the page server put into the page (docs/adr/0018): its import map and file graph. */
export interface PagePlatform {
  readonly imports: Readonly<Record<string, string>>;
  readonly files: PreloadGraph['files'];
}

let platformRead: PagePlatform | null | undefined;

/** Read once: the page server writes it with the page, or not at all (whole shared packages). */
export function pagePlatform(): PagePlatform | null {
  if (platformRead === undefined) platformRead = readPagePlatform(document.getElementById('wx-platform')?.textContent);
  return platformRead;
}

/** The `wx-platform` block's text as a platform, or null when absent or not one. */
export function readPagePlatform(text: string | null | undefined): PagePlatform | null {
  try {
    const parsed = JSON.parse(text || 'null') as Partial<PagePlatform> | null;
    return parsed && typeof parsed.imports === 'object' && parsed.imports && typeof parsed.files === 'object' && parsed.files ? (parsed as PagePlatform) : null;
  } catch {
    return null;
  }
}

interface ImportMap {
  imports: Record<string, string>;
  scopes: Record<string, Record<string, string>>;
}

/**
 * A remote's import map without the specifiers the page's platform maps: its scopes would otherwise
 * take precedence over the page's first map and load the remote's whole copy of each package (and
 * Chromium reports every conflicting rule on the console).
 */
export function withoutPlatform(map: { imports?: Record<string, string>; scopes?: Record<string, Record<string, string>> }, platform: Readonly<Record<string, string>>): ImportMap {
  const keep = (entries: Record<string, string> = {}) => Object.fromEntries(Object.entries(entries).filter(([specifier]) => !(specifier in platform)));
  return {
    imports: keep(map.imports),
    scopes: Object.fromEntries(Object.entries(map.scopes ?? {}).map(([scope, entries]) => [scope, keep(entries)])),
  };
}

/** Which singletons a remote shares at another version than the shell's lockfile pins, once per package. */
export function findSkew(shared: readonly SharedInfo[], expected: Record<string, string>): SkewedPackage[] {
  const found = new Map<string, SkewedPackage>();
  for (const s of shared) {
    const pkg = packageOf(s.packageName);
    if (s.singleton === false || !expected[pkg] || expected[pkg] === s.version || found.has(pkg)) continue;
    found.set(pkg, { packageName: pkg, built: s.version, shared: expected[pkg] });
  }
  return [...found.values()];
}

/** `@angular/common/http` → `@angular/common`, `rxjs/operators` → `rxjs`: secondary entries share the package's version. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

// A native import map needs no es-module-shims (whose shim mode would force blob: into the CSP);
// Chromium merges import maps added later, which is how a retried remote joins. The text is a
// TrustedScript from the shell's `wechat-mfe` policy, which accepts import maps only (ADR 0010).
function appendImportMap(importMap: object, nonce: string): void {
  const script = document.createElement('script');
  script.type = 'importmap';
  script.nonce = nonce;
  script.textContent = trustedImportMap(importMap) as string;
  document.head.appendChild(script);
}
