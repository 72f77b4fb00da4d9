// Waits for the machine to be idle before anything is timed: `npm run bench` builds first, and
// nothing should be timed while the build's tail (or anything else) still keeps the CPUs busy. The
// load average cannot tell: it averages the last minute (4.5 on 2 cores right after a build, with
// the CPUs idle). Linux only (/proc/stat); elsewhere it returns at once. An idle machine can still
// be a slow one (the host is shared): the static first frame's paint shows that (measure-times.mjs).
import fs from 'node:fs';

/** Busy and total CPU time so far, summed over all cores (jiffies), or null off Linux. */
export function cpuTimes(read = () => fs.readFileSync('/proc/stat', 'utf8')) {
  let text;
  try {
    text = read();
  } catch {
    return null;
  }
  const line = text.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) return null;
  const [user, nice, system, idle, iowait = 0, irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).slice(1).map(Number);
  const busy = user + nice + system + irq + softirq + steal;
  return { busy, total: busy + idle + iowait };
}

/** The share of CPU time that was busy between two readings (0–1). */
export function busyShare(before, after) {
  const total = after.total - before.total;
  return total > 0 ? (after.busy - before.busy) / total : 0;
}

/**
 * Resolves once a whole `windowMs` passed with the CPUs at most `maxBusy` busy, or after `capMs`.
 * Returns how long it waited and the last window's busy share (null off Linux).
 */
export async function settle({ windowMs = 2000, maxBusy = 0.1, capMs = 60_000, sleep = (ms) => new Promise((r) => setTimeout(r, ms)), read } = {}) {
  const started = Date.now();
  let last = null;
  for (;;) {
    const before = cpuTimes(read);
    if (!before) return { waitedMs: 0, busy: null };
    await sleep(windowMs);
    const after = cpuTimes(read);
    last = busyShare(before, after);
    if (last <= maxBusy || Date.now() - started >= capMs) return { waitedMs: Date.now() - started, busy: last };
  }
}
