import { fetchAndRegisterRemote, loadRemoteModule } from '@softarc/native-federation-runtime';

/** One shared package as a remote's remoteEntry.json declares it. */
interface SharedInfo {
  readonly packageName: string;
  readonly version: string;
  readonly singleton?: boolean;
}

/** Versions of the shared singletons this shell was built with (injected by the shell's build). */
declare const __SHARED_VERSIONS__: Record<string, string>;

/** Thrown when a remote was built against other versions of a shared singleton than the shell expects. */
export class VersionSkewError extends Error {
  constructor(readonly remote: string, readonly skew: readonly string[]) {
    super(`Remote "${remote}" was built against ${skew.join(', ')}; refusing to load a second copy.`);
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

// What every Angular application of ours imports; other shared packages are fetched when imported,
// since a remote's scope also lists what only its other applications need.
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

/**
 * Registers a remote and asks the browser to fetch the exposed module and the shared packages every
 * application needs, all at once: without it, nested imports arrive in several sequential waves.
 */
export async function preloadExposed(remote: string, url: string, exposed: string, nonce: string): Promise<void> {
  await registerRemote(remote, url, nonce);
  const map = importMaps.get(remote);
  if (!map) return;
  const entry = map.imports[`${remote}/${exposed.replace(/^\.\//, '')}`];
  const shared = Object.values(map.scopes).flatMap((scope) => Object.entries(scope).filter(([name]) => ALWAYS_NEEDED.has(name)).map(([, href]) => href));
  for (const href of [entry, ...shared]) {
    if (!href) continue;
    if (preloaded.has(href)) continue;
    preloaded.add(href);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    link.nonce = nonce;
    document.head.appendChild(link);
  }
}

const importMaps = new Map<string, { imports: Record<string, string>; scopes: Record<string, Record<string, string>> }>();
const preloaded = new Set<string>();

async function doRegister(name: string, url: string, nonce: string): Promise<void> {
  const response = await fetch(url, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const info = (await response.json()) as { shared?: SharedInfo[] };
  const skew = findSkew(info.shared ?? [], __SHARED_VERSIONS__);
  if (skew.length) {
    console.error(new VersionSkewError(name, skew).message);
    throw new VersionSkewError(name, skew);
  }
  const importMap = await fetchAndRegisterRemote(url, name);
  appendImportMap(importMap, nonce);
  importMaps.set(name, { imports: importMap.imports ?? {}, scopes: importMap.scopes ?? {} });
}

/** Which singletons a remote shares at another version than the shell's lockfile pins. */
export function findSkew(shared: readonly SharedInfo[], expected: Record<string, string>): string[] {
  return shared
    .map((s) => ({ ...s, pkg: packageOf(s.packageName) }))
    .filter((s) => s.singleton !== false && expected[s.pkg] && expected[s.pkg] !== s.version)
    .map((s) => `${s.packageName}@${s.version} (shell has ${expected[s.pkg]})`);
}

/** `@angular/common/http` → `@angular/common`, `rxjs/operators` → `rxjs`: secondary entries share the package's version. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

// A native import map needs no es-module-shims (whose shim mode would force blob: into the CSP);
// Chromium merges import maps added later, which is how a retried remote joins.
function appendImportMap(importMap: object, nonce: string): void {
  const script = document.createElement('script');
  script.type = 'importmap';
  script.nonce = nonce;
  script.textContent = JSON.stringify(importMap);
  document.head.appendChild(script);
}
