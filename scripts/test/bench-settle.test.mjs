// bench/lib/settle.mjs: the bench waits for idle CPUs before it times anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { busyShare, cpuTimes, settle } from '../../bench/lib/settle.mjs';

/** /proc/stat's first line for these jiffies (user nice system idle iowait irq softirq steal). */
const stat = (user, idle) => `cpu  ${user} 0 0 ${idle} 0 0 0 0 0 0\ncpu0 0 0 0 0\n`;

test('cpuTimes reads busy and total jiffies from /proc/stat, and nothing where there is none', () => {
  assert.deepEqual(cpuTimes(() => 'cpu  10 1 5 100 4 1 1 2 0 0\n'), { busy: 20, total: 124 });
  assert.equal(cpuTimes(() => { throw new Error('ENOENT'); }), null);
  assert.equal(busyShare({ busy: 0, total: 0 }, { busy: 50, total: 200 }), 0.25);
});

test('settle waits out busy windows until one is idle, and gives up at its cap', async () => {
  // Each window reads twice: 80% busy, then 5% busy.
  const readings = [stat(0, 0), stat(80, 20), stat(80, 20), stat(85, 115)];
  let now = 0;
  const clock = Date.now;
  Date.now = () => now;
  try {
    const idle = await settle({ read: () => readings.shift(), sleep: async (ms) => void (now += ms) });
    assert.deepEqual(idle, { waitedMs: 4000, busy: 0.05 });

    const busy = () => stat((now / 10) * 0.9, (now / 10) * 0.1);
    const capped = await settle({ read: busy, sleep: async (ms) => void (now += ms), capMs: 6000 });
    assert.equal(capped.waitedMs, 6000);
    assert.ok(capped.busy > 0.8, `still busy: ${capped.busy}`);

    assert.deepEqual(await settle({ read: () => { throw new Error('no /proc'); } }), { waitedMs: 0, busy: null });
  } finally {
    Date.now = clock;
  }
});
