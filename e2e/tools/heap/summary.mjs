// usage: node e2e/tools/heap/summary.mjs tmp/heap/<page> [rows] (snapshots <page>-1, -2, -3 from mounts.mjs --snap)
// Per-category totals (reachable nodes only) of each snapshot, and constructor-level diffs.
import { loadSnapshot } from './snapshot.mjs';
const [prefix, top = '25'] = process.argv.slice(2);
const snaps = [1, 2, 3].map((k) => loadSnapshot(`${prefix}-${k}.heapsnapshot`));
const cat = (s, i) => {
  const t = s.type(i), nm = s.name(i);
  if (t === 'code') return 'code';
  if (t === 'string' || t === 'concatenated string' || t === 'sliced string') return 'string';
  if (t === 'native' && nm.startsWith('system /')) return 'v8-internal:' + nm.slice(9, 40);
  if (t === 'object shape') return 'shapes';
  return t;
};
const totals = snaps.map((s) => { const m = new Map(); for (let i = 0; i < s.n; i++) { if (s.dist[i] < 0) continue; const k = cat(s, i); const v = m.get(k) ?? [0, 0]; v[0]++; v[1] += s.size(i); m.set(k, v); } return m; });
const keys = [...new Set(totals.flatMap((m) => [...m.keys()]))];
const rows = keys.map((k) => [k, ...totals.map((m) => m.get(k) ?? [0, 0])]).sort((a, b) => Math.abs(b[3][1] - b[1][1]) - Math.abs(a[3][1] - a[1][1]));
for (const [k, a, b, c] of rows.slice(0, Number(top))) console.log(`${k.padEnd(45)} count ${a[0]}→${b[0]}→${c[0]}  bytes ${b[1] - a[1]} / ${c[1] - b[1]}`);
const sum = (m) => [...m.values()].reduce((x, v) => x + v[1], 0);
console.log('total reachable bytes', totals.map(sum).join(' → '));
// object constructors
const ctor = (s) => { const m = new Map(); for (let i = 0; i < s.n; i++) { if (s.dist[i] < 0) continue; const t = s.type(i); if (t !== 'object' && t !== 'closure' && t !== 'array') continue; const k = t + ':' + s.name(i).slice(0, 60); m.set(k, (m.get(k) ?? 0) + 1); } return m; };
const cs = snaps.map(ctor);
const ck = [...new Set(cs.flatMap((m) => [...m.keys()]))].map((k) => [k, ...cs.map((m) => m.get(k) ?? 0)]).filter(([, a, b, c]) => b !== a || c !== b).sort((x, y) => (y[3] - y[1]) - (x[3] - x[1]));
console.log('\nobject/closure/array count changes (1→2→3):');
for (const [k, a, b, c] of ck.slice(0, 40)) console.log(`  ${k.padEnd(70)} ${a}→${b}→${c}`);

// Native (Blink and V8-internal) and code objects by name: where growth outside JS objects lands.
const by = (s, types) => { const m = new Map(); for (let i = 0; i < s.n; i++) { if (s.dist[i] < 0) continue; if (!types.includes(s.type(i))) continue; const k = s.type(i) + ':' + s.name(i).replace(/@\d+/g, '').slice(0, 70); const v = m.get(k) ?? [0, 0]; v[0]++; v[1] += s.size(i); m.set(k, v); } return m; };
for (const types of [['native'], ['code']]) {
  const ms = snaps.map((s) => by(s, types));
  const keys = [...new Set(ms.flatMap((m) => [...m.keys()]))];
  const rows2 = keys.map((k) => [k, ...ms.map((m) => m.get(k) ?? [0, 0])]).filter(([, a, , c]) => a[1] !== c[1]).sort((x, y) => (y[3][1] - y[1][1]) - (x[3][1] - x[1][1]));
  console.log(`\n${types[0]} by name (count 1→2→3, bytes added 1→2 / 2→3):`);
  for (const [k, a, b, c] of rows2.slice(0, 15)) console.log(`  ${k.padEnd(75)} n ${a[0]}→${b[0]}→${c[0]} bytes +${b[1] - a[1]} / +${c[1] - b[1]}`);
}
