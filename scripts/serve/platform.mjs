// Whether a page uses the platform bundle (docs/adr/0018), decided per page from the manifest as
// deployed now: only if the platform covers every name every remote of the manifest imports from a
// shared package (each build's needs.json). Any remote could be loaded later in the same page, and
// two copies of Angular cannot share one page, so it is all or nothing; otherwise the page uses each
// module's whole shared packages exactly as Native Federation ships them.
import fs from 'node:fs';
import path from 'node:path';
import { missingFrom } from '../build/platform-needs.mjs';

/**
 * True when the request's cookies turn the platform off (`wx-platform=off`, set by the shell while a
 * developer's module override is active: overrides run on whole packages).
 */
export function platformTurnedOff(cookieHeader) {
  return /(?:^|;\s*)wx-platform=off(?:;|$)/.test(cookieHeader ?? '');
}

/**
 * Reads JSON files of immutable build folders (/platform/…, /modules/…) from `dist`, caching what it
 * found; null for anything else or anything unreadable.
 * @param {string} dist
 */
export function buildFileReader(dist) {
  const cache = new Map();
  return (url) => {
    if (cache.has(url)) return cache.get(url);
    // Normalized first: `/platform/../x` is not in a build folder.
    const normalized = typeof url === 'string' ? path.posix.normalize(url) : '';
    if (!/^\/(platform|modules)\/[^/]/.test(normalized)) return null;
    const file = path.join(dist, normalized);
    try {
      const value = JSON.parse(fs.readFileSync(file, 'utf8'));
      cache.set(url, value);
      return value;
    } catch {
      return null; // not (yet) deployed: asked again next time
    }
  };
}

/**
 * The platform a page should use, or why not.
 * @param {{ remotes?: Record<string, string>, platform?: string } | undefined} manifest
 * @param {(url: string) => any} readJson reads a build folder's JSON file by URL
 * @returns {{ imports: Record<string, string>, files: Record<string, { s: string[], d: string[] }> } | { off: string }}
 */
export function choosePlatform(manifest, readJson) {
  const url = manifest?.platform;
  if (typeof url !== 'string') return { off: 'the manifest names no platform' };
  const platform = readJson(url);
  if (!platform?.imports || !platform.exports || !platform.files) return { off: `${url} cannot be read` };
  for (const [remote, entryUrl] of Object.entries(manifest.remotes ?? {})) {
    const needs = typeof entryUrl === 'string' ? readJson(entryUrl.replace(/remoteEntry\.json$/, 'needs.json')) : null;
    if (!needs) return { off: `${remote} (${entryUrl}) has no needs.json this server can read` };
    const missing = missingFrom(needs, platform.exports);
    if (missing.length) return { off: `${remote} needs ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}, which the platform lacks` };
  }
  const folder = url.slice(0, url.lastIndexOf('/') + 1);
  const imports = Object.fromEntries(Object.entries(platform.imports).map(([specifier, file]) => [specifier, folder + file]));
  return { imports, files: platform.files };
}

/**
 * The page's first import map (the shell strips these specifiers from every remote's map before adding
 * it, so they resolve here) and the platform's file graph for the shell's preloading. `<` is escaped so
 * no text can close the blocks.
 */
export function platformTags({ imports, files }, nonce) {
  const json = (value) => JSON.stringify(value).replace(/</g, '\\u003c');
  return [
    `<script type="importmap" nonce="${nonce}">${json({ imports })}</script>`,
    `<script type="application/json" id="wx-platform">${json({ imports, files })}</script>`,
  ].join('\n  ');
}
