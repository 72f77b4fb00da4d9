// Three-snapshot diff: objects allocated between snap 1 and 2 that are still alive in 3 (leak candidates),
// grouped by constructor with counts and self sizes, plus sample retainer paths.
// usage: node e2e/tools/heap/diff.mjs <prefix> [topN] [pathsPerGroup]
import { loadSnapshot, retainerPath, label } from './snapshot.mjs';

const [prefix, topN = '40', pathsPer = '2', filter] = process.argv.slice(2);
const s1 = loadSnapshot(`${prefix}-1.heapsnapshot`);
const s2 = loadSnapshot(`${prefix}-2.heapsnapshot`);
const s3 = loadSnapshot(`${prefix}-3.heapsnapshot`);
console.log(`nodes: ${s1.n} → ${s2.n} → ${s3.n}`);
let maxId1 = 0; for (const k of s1.byId.keys()) if (k > maxId1) maxId1 = k;
let maxId2 = 0; for (const k of s2.byId.keys()) if (k > maxId2) maxId2 = k;
// alive in 3, allocated after snap1 and before snap2
const groups = new Map();
for (let i = 0; i < s3.n; i++) {
  const id = s3.id(i);
  if (id <= maxId1 || id > maxId2) continue;
  if (s3.dist[i] < 0) continue;
  const key = `${s3.type(i)}:${s3.type(i) === 'object' || s3.type(i) === 'native' || s3.type(i) === 'closure' ? s3.name(i).slice(0, 80) : ''}`;
  const g = groups.get(key) ?? { count: 0, size: 0, samples: [] };
  g.count++; g.size += s3.size(i);
  if (g.samples.length < 50) g.samples.push(i);
  groups.set(key, g);
}
const sorted = [...groups.entries()].sort((a, b) => b[1].size - a[1].size);
let total = 0; for (const [, g] of sorted) total += g.size;
console.log(`survivors allocated between 1 and 2: ${sorted.reduce((a, [, g]) => a + g.count, 0)} objects, ${total} bytes`);
for (const [key, g] of sorted.slice(0, Number(topN))) {
  if (filter && !key.includes(filter)) continue;
  console.log(`\n${String(g.count).padStart(6)} ${String(g.size).padStart(9)}  ${key}`);
  for (const i of g.samples.slice(0, Number(pathsPer))) {
    console.log('   ' + label(s3, i));
    for (const step of retainerPath(s3, i, 14)) console.log('      <- ' + step);
  }
}
