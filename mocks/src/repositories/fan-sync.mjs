import { sql } from '../lib/database.mjs';
import { insertContact, insertFan } from './contacts.mjs';

/** "Sync WeChat fans": the run (cursor, counts) per account and the fans a run saw. */

/** The account's sync run row, `counts` parsed; undefined before the first sync. */
export function findSyncRun(db, appid) {
  const row = sql(db, 'SELECT * FROM fan_sync_runs WHERE appid = ?').get(appid);
  return row && { ...row, counts: JSON.parse(row.counts) };
}

/** Starts a fresh run (a finished one is replaced: its cursor is of no more use). */
export function startSyncRun(db, { appid, runId, now }) {
  sql(db, `INSERT INTO fan_sync_runs (appid, run_id, status, page_cursor, page_offset, pages, done, total, counts, started_at, updated_at)
           VALUES (?, ?, 'running', '', 0, 0, 0, 0, '{}', ?, ?)
           ON CONFLICT (appid) DO UPDATE SET run_id = excluded.run_id, status = 'running', page_cursor = '', page_offset = 0,
             pages = 0, done = 0, total = 0, counts = '{}', started_at = excluded.started_at, updated_at = excluded.updated_at`)
    .run(appid, runId, now, now);
  return findSyncRun(db, appid);
}

/** Persists the cursor and counts; called inside the transaction that wrote the fans. */
export const saveSyncRun = (db, run, now) =>
  sql(db, `UPDATE fan_sync_runs SET status = ?, page_cursor = ?, page_offset = ?, pages = ?, done = ?, total = ?, counts = ?,
           updated_at = ? WHERE appid = ?`)
    .run(run.status, run.page_cursor, run.page_offset, run.pages, run.done, run.total, JSON.stringify(run.counts), now, run.appid);

export const setSyncRunStatus = (db, appid, status, now) =>
  sql(db, 'UPDATE fan_sync_runs SET status = ?, updated_at = ? WHERE appid = ?').run(status, now, appid);

/** Marks the openids a run saw on WeChat's list, in one statement. */
const markSeen = (db, appid, openids, runId) =>
  sql(db, `INSERT INTO fan_sync_seen (appid, openid, run_id) SELECT ?, value, ? FROM json_each(?) WHERE true
           ON CONFLICT (appid, openid) DO UPDATE SET run_id = excluded.run_id`).run(appid, runId, JSON.stringify(openids));

/** The suite's facts of the batch's known fans, by openid (one query for the whole batch). */
const knownFacts = (db, appid, openids) =>
  new Map(
    sql(db, `SELECT openid, subscribed, unionid, subscribe_time, subscribe_scene, qr_scene, language FROM fans
             WHERE appid = ? AND openid IN (SELECT value FROM json_each(?))`)
      .all(appid, JSON.stringify(openids))
      .map((row) => [row.openid, row]),
  );

/** WeChat's user/info → the facts a sync takes from it. */
function factsOf(info) {
  return {
    unionid: info.unionid ?? null,
    subscribeTime: info.subscribe_time,
    scene: info.subscribe_scene ?? null,
    qrScene: info.qr_scene_str || (info.qr_scene ? String(info.qr_scene) : null),
    language: info.language ?? null,
  };
}

const sameFacts = (row, f) =>
  row.subscribed === 1 && row.unionid === f.unionid && row.subscribe_time === f.subscribeTime &&
  row.subscribe_scene === f.scene && row.qr_scene === f.qrScene && row.language === f.language;

/**
 * Writes followers as WeChat's user/info describes them (`subscribe: 1` only). A new openid
 * becomes a fan with its own contact (followers become contacts). A known fan takes WeChat's
 * subscription facts; its tags, remark and blacklist stay as the suite holds them (the suite
 * writes those to WeChat itself, and the simulated WeChat does not keep them).
 * Call inside a transaction.
 * @returns {{ created: number, updated: number, unchanged: number }}
 */
export function writeSyncedFollowers(db, appid, infos, runId, nowIso) {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const openids = infos.map((info) => info.openid);
  markSeen(db, appid, openids, runId);
  const known = knownFacts(db, appid, openids);
  const update = sql(db, `UPDATE fans SET subscribed = 1, unionid = ?, subscribe_time = ?, subscribe_scene = ?, qr_scene = ?, language = ?
                          WHERE appid = ? AND openid = ?`);
  for (const info of infos) {
    const facts = factsOf(info);
    const row = known.get(info.openid);
    if (!row) {
      insertFan(db, {
        appid, openid: info.openid, ...facts, subscribed: true, remark: info.remark ?? '', tagIds: info.tagid_list ?? [],
        contactId: insertContact(db, { createdAt: nowIso }),
      });
      counts.created++;
    } else if (sameFacts(row, facts)) {
      counts.unchanged++;
    } else {
      update.run(facts.unionid, facts.subscribeTime, facts.scene, facts.qrScene, facts.language, appid, info.openid);
      counts.updated++;
    }
  }
  return counts;
}

/** Fans the suite holds as subscribed that the run `runId` did not see on WeChat's list. */
export const subscribedFansNotSeen = (db, appid, runId) =>
  sql(db, `SELECT openid FROM fans f WHERE appid = ? AND subscribed = 1 AND NOT EXISTS
             (SELECT 1 FROM fan_sync_seen s WHERE s.appid = f.appid AND s.openid = f.openid AND s.run_id = ?)`)
    .all(appid, runId).map((r) => r.openid);

/** The queued or running job of `type` for the account, if any. */
export const activeJobOfAccount = (db, appid, type) =>
  sql(db, `SELECT id, created_by FROM jobs WHERE appid = ? AND type = ? AND status IN ('queued', 'running')
           ORDER BY created_at DESC LIMIT 1`).get(appid, type);
