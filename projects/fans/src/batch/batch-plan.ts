import type { Problem } from '@wechat-mfe/ui';

/**
 * A batch action over a selection, cut into the calls WeChat accepts (50 openids per (un)tagging
 * call, 20 per blacklist call), and what became of each call. Pure: the runner and the component
 * only apply these transitions, so chunking, failure and retry are tested here.
 */

/** WeChat's per-call limits (PRODUCT §4). */
export const TAGGING_CHUNK = 50;
export const BLACKLIST_CHUNK = 20;

export type ChunkState = 'pending' | 'done' | 'failed';

export interface BatchChunk {
  /** The openids still to send in this call (refused ones are taken out, see `chunkFailed`). */
  readonly openids: readonly string[];
  readonly state: ChunkState;
  /** Why the last attempt failed (state `failed`). */
  readonly problem: Problem | null;
  /** Fans the call changed (from the server's answer). */
  readonly changed: number;
}

/** An openid WeChat refused on its own (unknown fan, too many tags): never sent again. */
export interface RejectedOpenid {
  readonly openid: string;
  readonly problem: Problem;
}

export type BatchStatus = 'running' | 'paused' | 'cancelled' | 'done';

export interface BatchPlan {
  readonly total: number;
  readonly chunks: readonly BatchChunk[];
  readonly rejected: readonly RejectedOpenid[];
  /** `paused` after a failure that is not about particular openids (network, quota, server). */
  readonly status: BatchStatus;
}

/** The selection in calls of at most `size` openids, duplicates dropped, order kept. */
export function planBatch(openids: readonly string[], size: number): BatchPlan {
  if (size < 1) throw new RangeError('size must be at least 1');
  const unique = [...new Set(openids)];
  const chunks: BatchChunk[] = [];
  for (let i = 0; i < unique.length; i += size) {
    chunks.push({ openids: unique.slice(i, i + size), state: 'pending', problem: null, changed: 0 });
  }
  return { total: unique.length, chunks, rejected: [], status: chunks.length ? 'running' : 'done' };
}

/** The next call to make: the first chunk not done, or -1 when there is none or the run is stopped. */
export function nextChunk(plan: BatchPlan): number {
  if (plan.status !== 'running') return -1;
  return plan.chunks.findIndex((c) => c.state !== 'done');
}

const withChunk = (plan: BatchPlan, index: number, chunk: BatchChunk): BatchChunk[] =>
  plan.chunks.map((c, i) => (i === index ? chunk : c));

const settle = (plan: BatchPlan): BatchPlan =>
  plan.status === 'running' && plan.chunks.every((c) => c.state === 'done') ? { ...plan, status: 'done' } : plan;

export function chunkSucceeded(plan: BatchPlan, index: number, changed: number): BatchPlan {
  const chunk = plan.chunks[index];
  return settle({ ...plan, chunks: withChunk(plan, index, { ...chunk, state: 'done', problem: null, changed }) });
}

/** The request's indexes a problem names as `openids[i]` (WeChat's 40003 and 45059). */
export function namedIndexes(problem: Problem): number[] {
  return (problem.errors ?? []).flatMap((e) => {
    const match = /^openids\[(\d+)\]$/.exec(e.field);
    return match ? [Number(match[1])] : [];
  });
}

/**
 * A refused call. When the problem names openids of the call, WeChat wrote nothing and would
 * take the rest: the named ones are set aside as rejected and the chunk stays pending without
 * them, so the runner sends the rest at once. Any other failure pauses the run on this chunk
 * until the user retries (or cancels).
 */
export function chunkFailed(plan: BatchPlan, index: number, problem: Problem): BatchPlan {
  const chunk = plan.chunks[index];
  const named = new Set(namedIndexes(problem).filter((i) => i < chunk.openids.length));
  if (named.size) {
    const rejected = [...named].sort((a, b) => a - b).map((i) => ({ openid: chunk.openids[i], problem }));
    const rest = chunk.openids.filter((_, i) => !named.has(i));
    const next: BatchChunk = rest.length ? { ...chunk, openids: rest, state: 'pending', problem: null } : { ...chunk, openids: rest, state: 'done', problem: null };
    return settle({ ...plan, chunks: withChunk(plan, index, next), rejected: [...plan.rejected, ...rejected] });
  }
  return { ...plan, status: 'paused', chunks: withChunk(plan, index, { ...chunk, state: 'failed', problem }) };
}

/** Goes on from the failed chunk; chunks already done are never sent again. */
export function retryRest(plan: BatchPlan): BatchPlan {
  return plan.status === 'paused' ? settle({ ...plan, status: 'running' }) : plan;
}

/** Stops before the next call (a call on its way still lands and is counted). */
export function cancelBatch(plan: BatchPlan): BatchPlan {
  return plan.status === 'done' ? plan : { ...plan, status: 'cancelled' };
}

export interface BatchCounts {
  /** Openids sent successfully (whether or not they changed). */
  readonly succeeded: number;
  readonly rejected: number;
  /** Openids of failed or not yet sent calls. */
  readonly remaining: number;
  readonly changed: number;
  readonly total: number;
}

export function batchCounts(plan: BatchPlan): BatchCounts {
  let succeeded = 0;
  let remaining = 0;
  let changed = 0;
  for (const c of plan.chunks) {
    if (c.state === 'done') succeeded += c.openids.length;
    else remaining += c.openids.length;
    changed += c.changed;
  }
  return { succeeded, rejected: plan.rejected.length, remaining, changed, total: plan.total };
}

/** The failed calls, numbered from 1 as the user reads them, with their openids and why. */
export function failedChunks(plan: BatchPlan): { number: number; openids: readonly string[]; problem: Problem }[] {
  return plan.chunks.flatMap((c, i) => (c.state === 'failed' && c.problem ? [{ number: i + 1, openids: c.openids, problem: c.problem }] : []));
}

/**
 * Runs the plan's calls one after another through `call` (which answers the fans changed),
 * reporting every transition to `update`. `current()` gives the latest plan, so a cancel or a
 * retry made meanwhile (through `update`'s owner) is seen before the next call.
 */
export async function runBatch(
  current: () => BatchPlan,
  update: (plan: BatchPlan) => void,
  call: (openids: readonly string[]) => Promise<number>,
  toProblem: (error: unknown) => Problem,
): Promise<BatchPlan> {
  for (let index = nextChunk(current()); index >= 0; index = nextChunk(current())) {
    const { openids } = current().chunks[index];
    try {
      const changed = await call(openids);
      update(chunkSucceeded(current(), index, changed));
    } catch (error: unknown) {
      update(chunkFailed(current(), index, toProblem(error)));
    }
  }
  return current();
}
