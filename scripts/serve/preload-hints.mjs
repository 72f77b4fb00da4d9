// Preload hints for the first page: which module files the shell will import for this URL, computed
// by the server from the same manifest, remoteEntry.json and preload.json files the shell reads.
//
// Without them the browser learns of a module's files only after a chain of requests (shell script →
// manifest → remoteEntry.json → import map → module), each waiting for the one before; with them the
// page's whole first wave of JavaScript is requested while the shell script is still downloading.
// The shell registers remotes in manifest order (shell/src/federation.ts), so the first active remote
// that shares a package is the one whose copy the import map uses: that is the copy hinted here.
import path from 'node:path';

/** The suite's languages; zh-CN when the browser has not chosen (the account context's default). */
const LOCALES = new Set(['zh-CN', 'en']);
const DEFAULT_LOCALE = 'zh-CN';

/**
 * The language the shell will show: the `wx-locale` cookie the shell writes when the language is set.
 * @param {string | undefined} cookieHeader
 */
export function localeOf(cookieHeader) {
  const match = /(?:^|;\s*)wx-locale=([^;]*)/.exec(cookieHeader ?? '');
  let value = '';
  try {
    value = match ? decodeURIComponent(match[1]) : '';
  } catch {
    // A malformed cookie is no language.
  }
  return LOCALES.has(value) ? value : DEFAULT_LOCALE;
}

/** `zh-CN-AB12.js`, `ui.zh-CN-AB12.js`: esbuild names a translation chunk after its file (the shell's rule). */
export function isTranslationChunk(file, locale) {
  return file.startsWith(`${locale}-`) || file.includes(`.${locale}-`);
}

/** The shell's redirects (shell/src/layout.ts): '/' shows /wechat/qrcodes. */
const REDIRECTS = { '/': '/wechat/qrcodes' };

/**
 * Applications whose routes match a path, in manifest order (the shell's rule in main.ts).
 * @param {{ applications?: { remote: string, exposed: string, routes: string[] }[] }} manifest
 * @param {string} pathname
 */
export function activeApplications(manifest, pathname) {
  const path = REDIRECTS[pathname] ?? pathname;
  return (manifest?.applications ?? []).filter((app) => Array.isArray(app.routes) && app.routes.some((route) => path === route || path.startsWith(`${route}/`)));
}

/**
 * The module files to preload for a page, as root-relative URLs, in the order the shell needs them.
 * Only remotes served by this server (relative `/modules/…` URLs) are hinted: a remote on another origin
 * is left to the shell's own runtime preload. A remote whose files cannot be read is skipped (the shell
 * reports it when it loads); the hints are an optimisation, never a requirement.
 * @param {object} manifest the parsed mfe-manifest.json
 * @param {string} pathname the page's path
 * @param {(url: string) => { entry: object, graph: object | null } | null} readRemote remoteEntry.json and preload.json of a remote URL
 * @param {string} [locale] the page's language (`localeOf` the request), whose translation files are hinted too
 * @param {{ imports: Record<string, string>, files: object } | null} [platform] the page's platform bundle
 *   (scripts/serve/platform.mjs): shared specifiers resolve to its files instead of the remotes' copies
 * @returns {{ scripts: string[], data: string[] }} module files, and the JSON files the shell fetches
 */
export function preloadHints(manifest, pathname, readRemote, locale = DEFAULT_LOCALE, platform = null) {
  // The header's applications start after the page's main content (shell/src/main.ts, ADR 0019), and
  // the shell fetches their code only then (ADR 0020): hinting it would spend the first wave's bandwidth
  // and main-thread compile time on code the page does not wait for, and register their copies first.
  const apps = activeApplications(manifest, pathname).filter((app) => app.slot !== 'header');
  const externals = new Map(); // "package@version" → URL (the federation runtime's dedupe key)
  const scopes = new Map(); // remote folder → { specifier: url }
  const imports = new Map(); // "remote/exposed" → url
  const graphs = new Map(); // remote folder → preload graph
  const remotes = [...new Set(apps.map((app) => app.remote))];
  for (const remote of remotes) {
    const url = manifest.remotes?.[remote];
    if (typeof url !== 'string' || !url.startsWith('/modules/')) continue;
    const files = readRemote(url);
    if (!files?.entry) continue;
    const folder = url.slice(0, url.lastIndexOf('/') + 1);
    const scope = {};
    for (const shared of files.entry.shared ?? []) {
      const key = `${shared.packageName}@${shared.version}`;
      if (!externals.has(key)) externals.set(key, folder + shared.outFileName);
      scope[shared.packageName] = externals.get(key);
    }
    scopes.set(folder, scope);
    for (const exposed of files.entry.exposes ?? []) imports.set(`${remote}/${String(exposed.key).replace(/^\.\//, '')}`, folder + exposed.outFileName);
    if (files.graph) graphs.set(folder, files.graph);
  }

  if (platform) {
    const [first] = Object.values(platform.imports);
    if (first) graphs.set(first.slice(0, first.lastIndexOf('/') + 1), { files: platform.files });
  }
  const found = new Set();
  const visit = (url) => {
    if (found.has(url)) return;
    found.add(url);
    const folder = url.slice(0, url.lastIndexOf('/') + 1);
    const node = graphs.get(folder)?.files?.[url.slice(folder.length)];
    if (!node) return;
    // Static imports, plus the page language's translations (the page waits for them before it draws);
    // lazy routes wait for the code that asks for them.
    const translations = (node.d ?? []).filter((d) => isTranslationChunk(d.slice(d.lastIndexOf('/') + 1), locale));
    for (const specifier of [...(node.s ?? []), ...translations]) {
      const next = specifier.startsWith('.') ? path.posix.join(folder, specifier) : (platform?.imports[specifier] ?? scopes.get(folder)?.[specifier] ?? imports.get(specifier));
      if (next) visit(next);
    }
  };
  for (const app of apps) {
    const entry = imports.get(`${app.remote}/${String(app.exposed).replace(/^\.\//, '')}`);
    if (entry && graphs.has(entry.slice(0, entry.lastIndexOf('/') + 1))) visit(entry);
  }
  // What the shell fetches itself before it imports anything: each active remote's entry and graph.
  const data = [...scopes.keys()].flatMap((folder) => [`${folder}remoteEntry.json`, ...(graphs.has(folder) ? [`${folder}preload.json`] : [])]);
  return { scripts: [...found], data };
}

/**
 * A remote's remoteEntry.json and preload.json by the remote's URL, through `readJson` (the start
 * server's cached reader of build folders, scripts/serve/platform.mjs): only remotes this server serves
 * (/modules/…); an older build without a graph gets no hints for its files.
 * @param {(url: string) => any} readJson
 */
export function remoteReader(readJson) {
  return (url) => {
    if (!path.posix.normalize(url).startsWith('/modules/')) return null;
    const entry = readJson(url);
    return entry ? { entry, graph: readJson(url.replace(/remoteEntry\.json$/, 'preload.json')) } : null;
  };
}

const escapeAttribute = (text) => text.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * `<link rel="preload" as="fetch|script" crossorigin>` tags for the hints: a download only, for a page
 * without the platform bundle. There `modulepreload` would also resolve each file's imports, and fail,
 * before the shell has put the remotes' import maps into the page; `crossorigin` makes the request the
 * same CORS, same-origin-credentials request a module import makes, so the import reuses the preloaded
 * response. A page with the platform has its import map from the start (scripts/serve/platform.mjs),
 * so its `modules` are hinted as `modulepreload`: fetched and compiled while the shell starts, and the
 * shell does not hint them again (ADR 0018). File names come from our build; escaped all the same.
 */
export function preloadLinks({ scripts = [], data, modules = [] }, nonce) {
  const attributes = (href) => `href="${escapeAttribute(href)}" nonce="${escapeAttribute(nonce)}"`;
  const link = (as, href) => `<link rel="preload" as="${as}" crossorigin ${attributes(href)} />`;
  // The JSON first: the shell needs it before it imports the scripts.
  return [
    ...data.map((href) => link('fetch', href)),
    ...scripts.map((href) => link('script', href)),
    ...modules.map((href) => `<link rel="modulepreload" ${attributes(href)} />`),
  ].join('\n    ');
}
