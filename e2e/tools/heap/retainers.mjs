// usage: node e2e/tools/heap/retainers.mjs tmp/heap/<page> <type:name regex> [how many] [new|all]
// Retainer paths of reachable nodes in snapshot 3 matching type:name (regex), new since snapshot 1.
import { loadSnapshot, retainerPath, label } from './snapshot.mjs';
const [prefix, pattern, max = '4', onlyNew = 'new'] = process.argv.slice(2);
const s1 = loadSnapshot(`${prefix}-1.heapsnapshot`);
const s3 = loadSnapshot(`${prefix}-3.heapsnapshot`);
let maxId1 = 0; for (const k of s1.byId.keys()) if (k > maxId1) maxId1 = k;
const re = new RegExp(pattern);
let shown = 0, total = 0;
for (let i = 0; i < s3.n; i++) {
  if (s3.dist[i] < 0) continue;
  if (onlyNew === 'new' && s3.id(i) <= maxId1) continue;
  if (!re.test(`${s3.type(i)}:${s3.name(i)}`)) continue;
  total++;
  if (shown++ >= Number(max)) continue;
  console.log(label(s3, i), 'size', s3.size(i));
  const edges = [...s3.edges(i)].slice(0, 12).map((e) => `${e.name}->${label(s3, e.to)}`);
  console.log('   edges:', edges.join(' | '));
  for (const step of retainerPath(s3, i, 16)) console.log('      <- ' + step);
}
console.log('matching', total);
