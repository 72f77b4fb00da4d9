// usage: node e2e/tools/heap/detached.mjs tmp/heap/<page>-3.heapsnapshot [how many paths]
// Detached DOM nodes in a snapshot, with retainer paths of a few (roots of the detached trees first).
import { loadSnapshot, retainerPath, label } from './snapshot.mjs';
const [file, max = '3'] = process.argv.slice(2);
const s = loadSnapshot(file);
const det = [];
for (let i = 0; i < s.n; i++) if (s.detached(i) === 2 && s.dist[i] >= 0 && s.type(i) === 'native') det.push(i);
console.log('detached native nodes:', det.length);
const names = new Map(); for (const i of det) { const k = s.name(i).slice(0, 50); names.set(k, (names.get(k) ?? 0) + 1); }
console.log([...names.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12));
// pick those retained from non-detached things first
const shown = new Set(); let c = 0;
for (const i of det.sort((a, b) => s.dist[a] - s.dist[b])) {
  if (c >= Number(max)) break;
  const path = retainerPath(s, i, 18);
  const key = path.slice(0, 6).map((p) => p.replace(/@\d+/g, '')).join('|');
  if (shown.has(key)) continue; shown.add(key); c++;
  console.log('\n' + label(s, i)); for (const st of path) console.log('   <- ' + st);
}
