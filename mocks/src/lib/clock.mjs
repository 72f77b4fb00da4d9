/**
 * The mock's only source of "now". Tests and e2e move it with /__mock/clock to reach
 * expiries, windows and quotas without waiting; it keeps ticking from where it was set.
 */
export function createClock(realNow = () => Date.now()) {
  let offsetMs = 0;
  return {
    /** Epoch milliseconds. */
    now: () => realNow() + offsetMs,
    nowSeconds: () => Math.floor((realNow() + offsetMs) / 1000),
    iso: () => new Date(realNow() + offsetMs).toISOString(),
    advance(seconds) {
      offsetMs += seconds * 1000;
    },
    set(epochMs) {
      offsetMs = epochMs - realNow();
    },
    reset() {
      offsetMs = 0;
    },
    get offsetMs() {
      return offsetMs;
    },
  };
}

/** Reads `{set}` of /__mock/clock: an ISO string or epoch seconds. Returns epoch ms or NaN. */
export function parseClockValue(value) {
  if (typeof value === 'number') return value * 1000;
  return Date.parse(value);
}
