// The static import graph of one module build, written next to its remoteEntry.json as
// preload.json. The shell walks it from the exposed file it is about to load and asks for every
// file at once (<link rel=modulepreload>): without it the browser discovers the graph one import
// level at a time, five or six sequential waves on a cold start.
import fs from 'node:fs';
import path from 'node:path';
import { initSync, parse } from 'es-module-lexer';

/**
 * `{ files: { "<file>.js": { s: [static specifiers], d: [dynamic ones] } } }`: relative specifiers
 * are files of this build, bare ones are shared packages the import map resolves. Dynamic imports
 * are listed so the shell can fetch the current language's translations early; it never preloads
 * lazy routes.
 */
export function preloadGraph(folder) {
  initSync();
  const files = {};
  for (const file of fs.readdirSync(folder).filter((f) => f.endsWith('.js')).sort()) {
    const [imports] = parse(fs.readFileSync(path.join(folder, file), 'utf8'), file);
    const staticDeps = new Set();
    const dynamicDeps = new Set();
    for (const entry of imports) {
      if (!entry.n) continue; // a computed import(): nothing to preload
      (entry.d === -1 ? staticDeps : entry.d >= 0 ? dynamicDeps : null)?.add(entry.n);
    }
    if (staticDeps.size || dynamicDeps.size) files[file] = { s: [...staticDeps], d: [...dynamicDeps] };
  }
  return { files };
}

export function writePreloadGraph(folder) {
  fs.writeFileSync(path.join(folder, 'preload.json'), JSON.stringify(preloadGraph(folder)));
}
