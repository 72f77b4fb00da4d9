import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Problem } from '../lib/problems.mjs';
import {
  activeJobIdsOfAccount, findJobRow, finishJob, insertJob, toJob, unfinishedJobRows, updateJobProgress,
} from '../repositories/jobs.mjs';

/**
 * The one job engine (ARCHITECTURE §5): every long operation is a job row that an
 * in-process runner advances step by step, yielding between steps so the server keeps
 * answering, persisting progress and publishing `job` events (at most ~10 per second per
 * job, the last one always sent).
 *
 * Restart policy: jobs left queued/running by a stopped process are resumed when their type
 * is registered `resumable` (the handler continues from the persisted progress and state),
 * and marked failed (`JOB_INTERRUPTED`) otherwise.
 */

const EMIT_INTERVAL_MS = 100;
const TERMINAL = new Set(['succeeded', 'failed', 'cancelled']);

export class JobCancelled extends Error {}

/**
 * @typedef {object} JobContext what a handler gets
 * @property {string} id
 * @property {string | null} appid
 * @property {Record<string, unknown>} params
 * @property {string} createdBy
 * @property {number} resumeFrom progress.done persisted by an earlier run (0 on a fresh job)
 * @property {Record<string, unknown>} state state persisted by an earlier run
 * @property {import('better-sqlite3').Database} db the live database; throws once cancelled
 * @property {ReturnType<import('../lib/clock.mjs').createClock>} clock
 * @property {(done: number, total?: number, state?: object) => void} progress persist and announce
 * @property {() => Promise<void>} step yield to the server between chunks; throws JobCancelled
 *
 * @typedef {{ run: (job: JobContext) => Promise<object | null | void>, resumable?: boolean }} JobHandler
 */

export function createJobEngine({ database, clock, bus, stepDelayMs = 10, log = () => {} }) {
  /** @type {Map<string, JobHandler>} */
  const handlers = new Map();
  /** @type {Map<string, { cancelled: boolean, generation: number }>} */
  const running = new Map();
  const emitters = new Map();
  // A reset or shutdown bumps the generation: runners of an older one stop without writing,
  // since the database they wrote to is gone.
  let generation = 0;

  function publish(snapshot) {
    bus.publish('job', snapshot, (user) => user.id === snapshot.createdBy);
  }

  function announce(row) {
    const snapshot = toJob(row);
    const now = Date.now();
    let emitter = emitters.get(row.id);
    if (!emitter) emitters.set(row.id, (emitter = { last: 0, timer: null, pending: null }));
    const terminal = TERMINAL.has(snapshot.status);
    if (terminal || now - emitter.last >= EMIT_INTERVAL_MS) {
      clearTimeout(emitter.timer);
      emitter.timer = null;
      emitter.last = now;
      publish(snapshot);
      if (terminal) emitters.delete(row.id);
      return;
    }
    emitter.pending = snapshot;
    emitter.timer ??= setTimeout(() => {
      emitter.timer = null;
      emitter.last = Date.now();
      publish(emitter.pending);
    }, EMIT_INTERVAL_MS - (now - emitter.last));
  }

  function finish(id, status, { result = null, error = null } = {}) {
    const db = database.handle;
    finishJob(db, { id, status, result, error, now: clock.iso() });
    announce(findJobRow(db, id));
  }

  async function execute(row, control) {
    const handler = handlers.get(row.type);
    const stale = () => control.generation !== generation || !database.isOpen;
    let done = row.done;
    let total = row.total;
    let state = JSON.parse(row.state || '{}');
    const persist = () => {
      const db = database.handle;
      updateJobProgress(db, { id: row.id, status: 'running', done, total, state, now: clock.iso() });
      announce(findJobRow(db, row.id));
    };
    /** @type {JobContext} */
    const context = {
      id: row.id,
      appid: row.appid,
      params: JSON.parse(row.params || '{}'),
      createdBy: row.created_by,
      resumeFrom: row.done,
      state,
      clock,
      get db() {
        if (control.cancelled || stale()) throw new JobCancelled();
        return database.handle;
      },
      progress(nextDone, nextTotal = total, nextState = state) {
        if (control.cancelled || stale()) throw new JobCancelled();
        done = nextDone;
        total = nextTotal;
        state = nextState;
        persist();
      },
      async step() {
        if (stepDelayMs > 0) await sleep(stepDelayMs);
        else await new Promise((resolve) => setImmediate(resolve));
        if (control.cancelled || stale()) throw new JobCancelled();
      },
    };
    try {
      if (stale()) return;
      if (control.cancelled) throw new JobCancelled();
      persist();
      const result = await handler.run(context);
      if (stale()) return;
      if (control.cancelled) throw new JobCancelled();
      finish(row.id, 'succeeded', { result: result ?? null });
    } catch (error) {
      if (stale()) return;
      if (error instanceof JobCancelled || control.cancelled) {
        finish(row.id, 'cancelled');
      } else {
        log(`job ${row.id} (${row.type}) failed: ${error?.stack ?? error}`);
        const problem = error instanceof Problem ? error : new Problem(500, 'INTERNAL', String(error?.message ?? error));
        finish(row.id, 'failed', { error: problem.toJSON() });
      }
    } finally {
      if (running.get(row.id) === control) running.delete(row.id);
    }
  }

  function schedule(row) {
    const control = { cancelled: false, generation };
    running.set(row.id, control);
    setImmediate(() => execute(row, control));
  }

  return {
    /**
     * Adds a job type. Later issues call this from `src/jobs/index.mjs`.
     * @param {string} type e.g. `fans.import`
     * @param {JobHandler | JobHandler['run']} handler
     */
    registerJobType(type, handler) {
      handlers.set(type, typeof handler === 'function' ? { run: handler } : handler);
    },

    /**
     * Queues a job and starts it on the next tick.
     * @returns the `Job` as queued (answer `202 {jobId: job.id}`)
     */
    start({ type, appid = null, params = {}, createdBy }) {
      if (!handlers.has(type)) throw new Error(`Unknown job type: ${type}`);
      const db = database.handle;
      const id = `job_${randomUUID()}`;
      insertJob(db, { id, type, appid, params, createdBy, now: clock.iso() });
      const row = findJobRow(db, id);
      announce(row);
      schedule(row);
      return toJob(row);
    },

    /** Asks a job to stop at its next step; it ends `cancelled`. */
    cancel(id) {
      const control = running.get(id);
      if (control) control.cancelled = true;
      else {
        const row = findJobRow(database.handle, id);
        if (row && !TERMINAL.has(row.status)) finish(id, 'cancelled');
      }
    },

    cancelJobsOfAccount(appid) {
      for (const id of activeJobIdsOfAccount(database.handle, appid)) this.cancel(id);
    },

    /** Applies the restart policy to jobs a previous process left unfinished. */
    resumeInterrupted() {
      for (const row of unfinishedJobRows(database.handle)) {
        if (running.has(row.id)) continue;
        if (handlers.get(row.type)?.resumable) {
          log(`resuming job ${row.id} (${row.type}) at ${row.done}/${row.total}`);
          schedule(row);
        } else {
          const problem = new Problem(500, 'JOB_INTERRUPTED', 'The mock suite stopped while this job was running.');
          finish(row.id, 'failed', { error: problem.toJSON() });
        }
      }
    },

    /** Forgets every runner (reset or shutdown) without touching the database. */
    abandonAll() {
      generation++;
      running.clear();
      for (const emitter of emitters.values()) clearTimeout(emitter.timer);
      emitters.clear();
    },

    get runningCount() {
      return running.size;
    },
  };
}
