// Heap snapshot parsing (Chromium .heapsnapshot JSON): nodes, edges, retainers, distance from the GC roots.
import fs from 'node:fs';

export function loadSnapshot(file) {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  const meta = raw.snapshot.meta;
  const nf = meta.node_fields, ef = meta.edge_fields;
  const NF = nf.length, EF = ef.length;
  const nodeTypes = meta.node_types[0], edgeTypes = meta.edge_types[0];
  const { nodes, edges, strings } = raw;
  const n = nodes.length / NF;
  const iType = nf.indexOf('type'), iName = nf.indexOf('name'), iId = nf.indexOf('id'), iSize = nf.indexOf('self_size'), iEc = nf.indexOf('edge_count'), iDet = nf.indexOf('detachedness');
  const eType = ef.indexOf('type'), eName = ef.indexOf('name_or_index'), eTo = ef.indexOf('to_node');
  const firstEdge = new Uint32Array(n + 1);
  for (let i = 0, e = 0; i < n; i++) { firstEdge[i] = e; e += nodes[i * NF + iEc] * EF; firstEdge[i + 1] = e; }
  const snap = {
    n, strings,
    type: (i) => nodeTypes[nodes[i * NF + iType]],
    name: (i) => strings[nodes[i * NF + iName]],
    id: (i) => nodes[i * NF + iId],
    size: (i) => nodes[i * NF + iSize],
    detached: (i) => (iDet >= 0 ? nodes[i * NF + iDet] : 0),
    *edges(i) {
      for (let e = firstEdge[i]; e < firstEdge[i + 1]; e += EF) {
        const t = edgeTypes[edges[e + eType]];
        const nameOrIndex = edges[e + eName];
        yield { type: t, name: t === 'element' || t === 'hidden' ? String(nameOrIndex) : strings[nameOrIndex], to: edges[e + eTo] / NF };
      }
    },
  };
  // Retainers (reverse edges)
  const retCount = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) for (let e = firstEdge[i]; e < firstEdge[i + 1]; e += EF) retCount[edges[e + eTo] / NF]++;
  const retStart = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) retStart[i + 1] = retStart[i] + retCount[i];
  const retFrom = new Uint32Array(retStart[n]), retEdge = new Uint32Array(retStart[n]);
  const fill = retStart.slice();
  for (let i = 0; i < n; i++) for (let e = firstEdge[i]; e < firstEdge[i + 1]; e += EF) { const to = edges[e + eTo] / NF; retFrom[fill[to]] = i; retEdge[fill[to]] = e; fill[to]++; }
  snap.retainers = function* (i) {
    for (let r = retStart[i]; r < retStart[i + 1]; r++) {
      const e = retEdge[r];
      const t = edgeTypes[edges[e + eType]];
      const nameOrIndex = edges[e + eName];
      yield { from: retFrom[r], type: t, name: t === 'element' || t === 'hidden' ? String(nameOrIndex) : strings[nameOrIndex] };
    }
  };
  snap.byId = new Map();
  for (let i = 0; i < n; i++) snap.byId.set(snap.id(i), i);
  // distance from root (BFS over non-weak edges)
  const dist = new Int32Array(n).fill(-1);
  dist[0] = 0; const q = [0];
  for (let h = 0; h < q.length; h++) { const i = q[h]; for (const ed of snap.edges(i)) { if (ed.type === 'weak') continue; if (dist[ed.to] < 0) { dist[ed.to] = dist[i] + 1; q.push(ed.to); } } }
  snap.dist = dist;
  return snap;
}

export function label(s, i) {
  const t = s.type(i);
  const nm = s.name(i);
  return `${t}:${nm.length > 60 ? nm.slice(0, 60) + '…' : nm}@${s.id(i)}`;
}

/** Shortest retainer path to root (following decreasing distance). */
export function retainerPath(s, i, max = 25) {
  const out = [];
  let cur = i;
  for (let k = 0; k < max && cur !== 0; k++) {
    let best = null;
    for (const r of s.retainers(cur)) {
      if (r.type === 'weak') continue;
      if (s.dist[r.from] >= 0 && s.dist[r.from] < s.dist[cur] && (best === null || s.dist[r.from] < s.dist[best.from])) best = r;
    }
    if (!best) { out.push('(no path)'); break; }
    out.push(`${label(s, best.from)} .${best.type === 'property' || best.type === 'context' || best.type === 'internal' ? '' : best.type + ':'}${best.name}`);
    cur = best.from;
  }
  return out;
}
