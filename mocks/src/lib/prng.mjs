/**
 * Deterministic randomness for the seed and the WeChat simulator. Every record is drawn
 * from its own small generator keyed by (stream, index), so any record can be rebuilt
 * alone: an import job can resume at row N without replaying rows 0..N-1.
 */

/** mulberry32: tiny, fast, good enough for demo data. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, to turn a stream name into a seed. */
export function hash32(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A generator for record `index` of stream `streamSeed`. */
export function recordRandom(streamSeed, index) {
  return mulberry32((streamSeed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
}

/**
 * A bijection on 32-bit integers (xorshift-multiply rounds, each invertible), so distinct
 * inputs give distinct, random-looking outputs: used where ids must never collide.
 */
export function scramble32(n) {
  let x = n >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

export const pick = (random, list) => list[Math.floor(random() * list.length)];

/** Picks by weight: `[[value, weight], ...]`. */
export function weighted(random, entries) {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of entries) {
    r -= w;
    if (r < 0) return value;
  }
  return entries[entries.length - 1][0];
}
