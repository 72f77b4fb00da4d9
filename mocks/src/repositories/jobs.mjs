import { sql } from '../lib/database.mjs';

/** The job table of the one job engine. */

/** A row → the API's `Job`. */
export function toJob(row) {
  return {
    id: row.id,
    type: row.type,
    appid: row.appid,
    status: row.status,
    progress: { done: row.done, total: row.total },
    result: row.result ? JSON.parse(row.result) : null,
    error: row.error ? JSON.parse(row.error) : null,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const insertJob = (db, j) =>
  sql(db, `INSERT INTO jobs (id, type, appid, status, params, created_by, created_at, updated_at)
           VALUES (?, ?, ?, 'queued', ?, ?, ?, ?)`)
    .run(j.id, j.type, j.appid ?? null, JSON.stringify(j.params ?? {}), j.createdBy, j.now, j.now);

export const findJobRow = (db, id) => sql(db, 'SELECT * FROM jobs WHERE id = ?').get(id);

export const listJobRows = (db, userId, { active }) =>
  sql(db, `SELECT * FROM jobs WHERE created_by = ?
           AND (? = 0 OR status IN ('queued', 'running'))
           ORDER BY created_at DESC, rowid DESC LIMIT 100`).all(userId, active ? 1 : 0);

export const unfinishedJobRows = (db) =>
  sql(db, "SELECT * FROM jobs WHERE status IN ('queued', 'running') ORDER BY created_at").all();

export const activeJobIdsOfAccount = (db, appid) =>
  sql(db, "SELECT id FROM jobs WHERE appid = ? AND status IN ('queued', 'running')").all(appid).map((r) => r.id);

export const updateJobProgress = (db, { id, status, done, total, state, now }) =>
  sql(db, 'UPDATE jobs SET status = ?, done = ?, total = ?, state = ?, updated_at = ? WHERE id = ?')
    .run(status, done, total, JSON.stringify(state ?? {}), now, id);

export const finishJob = (db, { id, status, result, error, now }) =>
  sql(db, 'UPDATE jobs SET status = ?, result = ?, error = ?, updated_at = ? WHERE id = ?')
    .run(status, result === undefined ? null : JSON.stringify(result), error ? JSON.stringify(error) : null, now, id);
