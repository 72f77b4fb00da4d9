// usage: node e2e/tools/heap/inspect.mjs tmp/heap/<page>-3.heapsnapshot <node id>...
// Prints a node's edges (depth 2) and, for closures, the script and position of their function.
import { loadSnapshot, label } from './snapshot.mjs';
import fs from 'node:fs';
const [file, ...ids] = process.argv.slice(2);
const s = loadSnapshot(file);
const raw = JSON.parse(fs.readFileSync(file, 'utf8'));
const locs = new Map();
const lf = raw.snapshot.meta.location_fields ?? [];
const L = lf.length, NF = raw.snapshot.meta.node_fields.length;
for (let k = 0; k < (raw.locations?.length ?? 0); k += L) locs.set(raw.locations[k] / NF, raw.locations.slice(k + 1, k + L));
const scriptName = (i) => {
  for (const e of s.edges(i)) if (e.name === 'shared') for (const e2 of s.edges(e.to)) if (e2.name === 'script') for (const e3 of s.edges(e2.to)) if (e3.name === 'name') return s.name(e3.to);
  return '?';
};
for (const id of ids) {
  const i = s.byId.get(Number(id));
  console.log(label(s, i), 'loc', locs.get(i), scriptName(i));
  for (const e of s.edges(i)) {
    console.log(`  ${e.type} ${e.name} -> ${label(s, e.to)}${s.type(e.to) === 'closure' ? ' loc ' + locs.get(e.to) + ' ' + scriptName(e.to) : ''}`);
  }
}
