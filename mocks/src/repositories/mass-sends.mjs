import { sql } from '../lib/database.mjs';

/** Mass sends, the per-fan monthly counts, drafts and the agreement flag. */

/** A row → the API's `MassSend` (the list leaves an openid list's entries out: `openidCount` tells). */
export function toMassSend(row, { names = {}, progress = null } = {}) {
  const audience = JSON.parse(row.audience);
  const shownAudience = audience.type === 'openids' ? { type: 'openids', openidCount: audience.openids.length } : audience;
  if (audience.type === 'tag') shownAudience.tagName = names.tags?.get(audience.tagId) ?? null;
  if (audience.type === 'segment') shownAudience.segmentName = names.segments?.get(audience.segmentId) ?? null;
  return {
    id: row.id,
    msgId: row.msg_id,
    clientMsgId: row.client_msg_id,
    audience: shownAudience,
    content: JSON.parse(row.content),
    status: row.status,
    sendAt: row.send_at,
    jobId: row.job_id,
    progress,
    startedAt: row.started_at,
    result: row.result_at ? { total: row.total, sent: row.sent, filtered: row.filtered, errors: row.errors, arrivedAt: row.result_at } : null,
    error: row.error ? JSON.parse(row.error) : null,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const insertMassSend = (db, s) =>
  sql(db, `INSERT INTO mass_sends (appid, msg_id, client_msg_id, audience, content, status, send_at, quota_at, created_by, created_at, updated_at)
           VALUES (@appid, @msgId, @clientMsgId, @audience, @content, @status, @sendAt, @quotaAt, @createdBy, @now, @now)`)
    .run({ ...s, audience: JSON.stringify(s.audience), content: JSON.stringify(s.content) }).lastInsertRowid;

export const findMassSendRow = (db, appid, id) => sql(db, 'SELECT * FROM mass_sends WHERE appid = ? AND id = ?').get(appid, id);
export const findMassSendById = (db, id) => sql(db, 'SELECT * FROM mass_sends WHERE id = ?').get(id);

export function listMassSendRows(db, appid, { status, limit = 20, offset = 0 }) {
  const filter = status ? 'AND status = @status' : '';
  const params = { appid, status: status ?? null, limit, offset };
  return {
    rows: sql(db, `SELECT * FROM mass_sends WHERE appid = @appid ${filter} ORDER BY created_at DESC, id DESC LIMIT @limit OFFSET @offset`).all(params),
    total: sql(db, `SELECT count(*) AS n FROM mass_sends WHERE appid = @appid ${filter}`).get(params).n,
  };
}

/** Sends that hold a slot of the quota period [from, to): scheduled, sending or finished. */
export const countQuotaUse = (db, appid, fromIso, toIso) =>
  sql(db, `SELECT count(*) AS n FROM mass_sends WHERE appid = ? AND status IN ('scheduled', 'sending', 'finished')
           AND quota_at >= ? AND quota_at < ?`).get(appid, fromIso, toIso).n;

export const clientMsgIdUsedSince = (db, appid, clientMsgId, sinceIso) =>
  sql(db, `SELECT 1 FROM mass_sends WHERE appid = ? AND client_msg_id = ? AND status <> 'cancelled' AND created_at >= ? LIMIT 1`)
    .get(appid, clientMsgId, sinceIso) !== undefined;

export const dueScheduledRows = (db, nowIso) =>
  sql(db, "SELECT * FROM mass_sends WHERE status = 'scheduled' AND send_at <= ? ORDER BY send_at, id").all(nowIso);

export const dueResultRows = (db, nowIso) =>
  sql(db, "SELECT * FROM mass_sends WHERE status = 'sending' AND result_at IS NULL AND result_due_at IS NOT NULL AND result_due_at <= ?").all(nowIso);

/** Sending rows whose job ended without a result (failed, cancelled, interrupted). */
export const orphanedSendingRows = (db) =>
  sql(db, `SELECT m.*, j.status AS job_status, j.error AS job_error FROM mass_sends m JOIN jobs j ON j.id = m.job_id
           WHERE m.status = 'sending' AND m.result_due_at IS NULL AND j.status IN ('failed', 'cancelled')`).all();

export const markStarted = (db, id, { jobId, now }) =>
  sql(db, "UPDATE mass_sends SET status = 'sending', job_id = ?, started_at = ?, updated_at = ? WHERE id = ?").run(jobId, now, now, id);

export const recordTotals = (db, id, { total, sent, filtered, errors, dueAt, now }) =>
  sql(db, 'UPDATE mass_sends SET total = ?, sent = ?, filtered = ?, errors = ?, result_due_at = ?, updated_at = ? WHERE id = ?')
    .run(total, sent, filtered, errors, dueAt, now, id);

export const markFinished = (db, id, now) =>
  sql(db, "UPDATE mass_sends SET status = 'finished', result_at = ?, updated_at = ? WHERE id = ?").run(now, now, id);

export const markFailed = (db, id, error, now) =>
  sql(db, "UPDATE mass_sends SET status = 'failed', error = ?, updated_at = ? WHERE id = ?").run(JSON.stringify(error), now, id);

/** Cancels only a send that is still scheduled; returns whether it was. */
export const cancelScheduled = (db, appid, id, now) =>
  sql(db, "UPDATE mass_sends SET status = 'cancelled', updated_at = ? WHERE appid = ? AND id = ? AND status = 'scheduled'").run(now, appid, id).changes === 1;

// --- per-fan monthly counts -------------------------------------------------------------------

export const fanCountsOfMonth = (db, appid, month) =>
  new Map(sql(db, 'SELECT openid, count FROM mass_send_fan_counts WHERE appid = ? AND month = ?').all(appid, month).map((r) => [r.openid, r.count]));

export const fanMonthCount = (db, appid, month, openid) =>
  sql(db, 'SELECT count FROM mass_send_fan_counts WHERE appid = ? AND month = ? AND openid = ?').get(appid, month, openid)?.count ?? 0;

export const countFansOverLimit = (db, appid, month, limit) =>
  sql(db, 'SELECT count(*) AS n FROM mass_send_fan_counts WHERE appid = ? AND month = ? AND count >= ?').get(appid, month, limit).n;

export const incrementFanCount = (db, appid, month, openid) =>
  sql(db, `INSERT INTO mass_send_fan_counts (appid, month, openid, count) VALUES (?, ?, ?, 1)
           ON CONFLICT (appid, month, openid) DO UPDATE SET count = count + 1`).run(appid, month, openid);

// --- drafts -------------------------------------------------------------------------------------

export const findDraft = (db, appid, userId) => sql(db, 'SELECT * FROM mass_send_drafts WHERE appid = ? AND user_id = ?').get(appid, userId);

export const saveDraft = (db, appid, userId, document, now) =>
  sql(db, `INSERT INTO mass_send_drafts (appid, user_id, document, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (appid, user_id) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at`)
    .run(appid, userId, JSON.stringify(document), now);

export const deleteDraft = (db, appid, userId) => sql(db, 'DELETE FROM mass_send_drafts WHERE appid = ? AND user_id = ?').run(appid, userId);

// --- agreement ----------------------------------------------------------------------------------

export const agreementSigned = (db, appid) => sql(db, 'SELECT 1 FROM mass_send_agreement_missing WHERE appid = ?').get(appid) === undefined;

export const setAgreementSigned = (db, appid, signed) =>
  signed
    ? sql(db, 'DELETE FROM mass_send_agreement_missing WHERE appid = ?').run(appid)
    : sql(db, 'INSERT OR IGNORE INTO mass_send_agreement_missing (appid) VALUES (?)').run(appid);

// --- audiences ----------------------------------------------------------------------------------

/** Subscribed fans of the account (the audience "all"), with their tags for the tag audience. */
export const subscribedFanRows = (db, appid) =>
  sql(db, 'SELECT openid, tag_ids, blacklisted FROM fans WHERE appid = ? AND subscribed = 1 ORDER BY id').all(appid);

/** The tag's subscribed fans by fan_tags (kept from fans.tag_ids by triggers, schema.sql), in fan order. */
export const subscribedFansWithTag = (db, appid, tagId) =>
  sql(db, `SELECT openid, blacklisted FROM fans
           WHERE id IN (SELECT fan_id FROM fan_tags WHERE appid = ? AND tag_id = ? AND subscribed = 1) ORDER BY id`).all(appid, tagId);

export const findSegment = (db, id) => sql(db, 'SELECT id, name, size FROM segments WHERE id = ?').get(id);
export const segmentNames = (db) => new Map(sql(db, 'SELECT id, name FROM segments').all().map((r) => [r.id, r.name]));
export const tagNames = (db, appid) => new Map(sql(db, 'SELECT id, name FROM tags WHERE appid = ?').all(appid).map((r) => [r.id, r.name]));
export const tagExists = (db, appid, tagId) => sql(db, 'SELECT 1 FROM tags WHERE appid = ? AND id = ?').get(appid, tagId) !== undefined;

export const findSubscribedFan = (db, appid, openid) =>
  sql(db, 'SELECT openid, blacklisted FROM fans WHERE appid = ? AND openid = ? AND subscribed = 1').get(appid, openid);
