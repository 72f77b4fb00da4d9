import type { Problem } from '@wechat-mfe/ui';
import {
  BLACKLIST_CHUNK, TAGGING_CHUNK, batchCounts, cancelBatch, chunkFailed, chunkSucceeded, failedChunks, nextChunk, planBatch, retryRest,
  runBatch, type BatchPlan,
} from './batch-plan';

const ids = (n: number, prefix = 'o') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const named = (code: string, ...indexes: number[]): Problem => ({
  code,
  status: 422,
  errors: indexes.map((i) => ({ field: `openids[${i}]`, message: 'x' })),
});

describe('batch plan', () => {
  it('cuts 120 openids into calls of 50, 50 and 20, and 41 into 20, 20 and 1 for the blacklist', () => {
    expect(planBatch(ids(120), TAGGING_CHUNK).chunks.map((c) => c.openids.length)).toEqual([50, 50, 20]);
    expect(planBatch(ids(41), BLACKLIST_CHUNK).chunks.map((c) => c.openids.length)).toEqual([20, 20, 1]);
    expect(planBatch(ids(50), TAGGING_CHUNK).chunks.length).toBe(1);
    expect(planBatch(ids(51), TAGGING_CHUNK).chunks.length).toBe(2);
  });

  it('drops duplicates, keeps the order, and is done at once when empty', () => {
    const plan = planBatch(['a', 'b', 'a', 'c'], 2);
    expect(plan.total).toBe(3);
    expect(plan.chunks.map((c) => c.openids)).toEqual([['a', 'b'], ['c']]);
    expect(planBatch([], 50).status).toBe('done');
    expect(() => planBatch(['a'], 0)).toThrowError(RangeError);
  });

  it('pauses on a failure, retries the failed call and the rest, and never resends a done call', () => {
    let plan = planBatch(ids(120), 50);
    plan = chunkSucceeded(plan, nextChunk(plan), 50);
    expect(nextChunk(plan)).toBe(1);
    plan = chunkFailed(plan, 1, { code: 'NETWORK' });
    expect(plan.status).toBe('paused');
    expect(nextChunk(plan)).toBe(-1);
    expect(failedChunks(plan)).toEqual([{ number: 2, openids: ids(120).slice(50, 100), problem: { code: 'NETWORK' } }]);
    expect(batchCounts(plan)).toEqual({ succeeded: 50, rejected: 0, remaining: 70, changed: 50, total: 120 });
    plan = retryRest(plan);
    expect(plan.status).toBe('running');
    expect(nextChunk(plan)).toBe(1);
    plan = chunkSucceeded(plan, 1, 48);
    plan = chunkSucceeded(plan, nextChunk(plan), 20);
    expect(plan.status).toBe('done');
    expect(batchCounts(plan)).toEqual({ succeeded: 120, rejected: 0, remaining: 0, changed: 118, total: 120 });
  });

  it('sets aside the openids WeChat names (40003, 45059) and sends the rest of the call again', () => {
    let plan = planBatch(ids(5), 50);
    plan = chunkFailed(plan, 0, named('WECHAT_40003', 1, 3));
    expect(plan.status).toBe('running');
    expect(plan.rejected.map((r) => r.openid)).toEqual(['o1', 'o3']);
    expect(plan.chunks[0].openids).toEqual(['o0', 'o2', 'o4']);
    expect(nextChunk(plan)).toBe(0);
    // The shortened call is numbered anew: index 2 is now o4.
    plan = chunkFailed(plan, 0, named('WECHAT_45059', 2));
    expect(plan.rejected.map((r) => [r.openid, r.problem.code])).toEqual([
      ['o1', 'WECHAT_40003'],
      ['o3', 'WECHAT_40003'],
      ['o4', 'WECHAT_45059'],
    ]);
    plan = chunkSucceeded(plan, 0, 2);
    expect(plan.status).toBe('done');
    expect(batchCounts(plan)).toEqual({ succeeded: 2, rejected: 3, remaining: 0, changed: 2, total: 5 });
  });

  it('finishes a call whose every openid was refused without sending it again, and ignores indexes past the call', () => {
    let plan = planBatch(ids(2), 50);
    plan = chunkFailed(plan, 0, named('WECHAT_40003', 0, 1));
    expect(plan.status).toBe('done');
    expect(plan.chunks[0].openids).toEqual([]);
    const other = chunkFailed(planBatch(ids(2), 50), 0, named('WECHAT_40003', 7));
    expect(other.status).toBe('paused');
  });

  it('stops on cancel before the next call and keeps what was done', () => {
    let plan = chunkSucceeded(planBatch(ids(100), 50), 0, 50);
    plan = cancelBatch(plan);
    expect(nextChunk(plan)).toBe(-1);
    expect(plan.status).toBe('cancelled');
    expect(batchCounts(plan).succeeded).toBe(50);
    expect(retryRest(plan)).toBe(plan);
  });
});

describe('runBatch', () => {
  function harness(plan: BatchPlan) {
    let current = plan;
    const seen: BatchPlan[] = [];
    return {
      current: () => current,
      update: (next: BatchPlan) => {
        current = next;
        seen.push(next);
      },
      seen,
      set: (next: BatchPlan) => (current = next),
    };
  }

  it('makes three calls of at most 50 for 120 fans, in order, reporting each', async () => {
    const h = harness(planBatch(ids(120), TAGGING_CHUNK));
    const calls: (readonly string[])[] = [];
    const end = await runBatch(h.current, h.update, async (o) => (calls.push(o), o.length), (e) => e as Problem);
    expect(calls.map((c) => c.length)).toEqual([50, 50, 20]);
    expect(calls.flat()).toEqual(ids(120));
    expect(end.status).toBe('done');
    expect(h.seen.length).toBe(3);
  });

  it('pauses on the first failing call, then a retry sends only that call and the rest', async () => {
    const h = harness(planBatch(ids(120), TAGGING_CHUNK));
    const calls: string[] = [];
    let fail = true;
    const call = async (o: readonly string[]) => {
      calls.push(o[0]);
      if (o[0] === 'o50' && fail) throw { code: 'WECHAT_45009' };
      return o.length;
    };
    let end = await runBatch(h.current, h.update, call, (e) => e as Problem);
    expect(end.status).toBe('paused');
    expect(calls).toEqual(['o0', 'o50']);
    fail = false;
    h.set(retryRest(h.current()));
    end = await runBatch(h.current, h.update, call, (e) => e as Problem);
    expect(calls).toEqual(['o0', 'o50', 'o50', 'o100']);
    expect(end.status).toBe('done');
    expect(batchCounts(end).succeeded).toBe(120);
  });

  it('sees a cancel made during a call and makes no further call', async () => {
    const h = harness(planBatch(ids(120), TAGGING_CHUNK));
    const calls: string[] = [];
    const end = await runBatch(h.current, h.update, async (o) => {
      calls.push(o[0]);
      h.set(cancelBatch(h.current()));
      return o.length;
    }, (e) => e as Problem);
    expect(calls).toEqual(['o0']);
    expect(end.status).toBe('cancelled');
    expect(batchCounts(end).succeeded).toBe(50);
  });
});
