import { sql } from '../lib/database.mjs';
import { revisionOf } from '../lib/preconditions.mjs';

/** Channel QR codes and their scans (tables qr_codes, qr_code_scans), plus the account's tags they add. */

/** Days of the statistics are China's calendar days, as the marketers who read them live there. */
export const STATS_UTC_OFFSET = '+8 hours';

/** A row as the API's `QrCode`. */
export function toQrCode(row, nowIso) {
  const expired = row.expires_at !== null && row.expires_at <= nowIso;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    sceneType: row.scene_type,
    scene: row.scene,
    ...(row.scene_type === 'number' ? { sceneId: Number(row.scene) } : { sceneStr: row.scene }),
    expireSeconds: row.expire_seconds,
    expiresAt: row.expires_at,
    expired,
    ticket: row.ticket,
    url: row.url,
    tagIds: JSON.parse(row.tag_ids),
    reply: row.reply === null ? null : JSON.parse(row.reply),
    enabled: row.enabled === 1,
    scans: row.scans,
    follows: row.follows,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: qrCodeRevision(row),
  };
}

/** What an editor may change (scan counters are not: a scan must not make an open editor stale). */
export const qrCodeRevision = (row) => revisionOf(row.name, row.tag_ids, row.reply, row.enabled, row.updated_at);

// Whitelisted ORDER BY columns: the query's `sort` never reaches SQL as text.
const SORT_COLUMNS = {
  createdAt: 'created_at',
  name: 'name',
  scans: 'scans',
  follows: 'follows',
  expiresAt: 'expires_at',
};

/** One page of an account's codes, searched by name or scene. */
export function listQrCodes(db, appid, { q, kind, sort = 'createdAt', order = 'desc', limit = 20, offset = 0, nowIso }) {
  const where = ['appid = @appid'];
  const params = { appid };
  if (q) {
    where.push("(name LIKE @q ESCAPE '\\' OR scene LIKE @q ESCAPE '\\')");
    params.q = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  if (kind) {
    where.push('kind = @kind');
    params.kind = kind;
  }
  const filter = where.join(' AND ');
  const direction = order === 'asc' ? 'ASC' : 'DESC';
  // Permanent codes have no expiry: they sort after every temporary one whatever the order.
  const column = SORT_COLUMNS[sort] ?? 'created_at';
  const nulls = sort === 'expiresAt' ? 'expires_at IS NULL, ' : '';
  const rows = sql(db, `SELECT * FROM qr_codes WHERE ${filter} ORDER BY ${nulls}${column} ${direction}, id ${direction} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit, offset });
  const total = sql(db, `SELECT count(*) AS n FROM qr_codes WHERE ${filter}`).get(params).n;
  return { items: rows.map((row) => toQrCode(row, nowIso)), total };
}

export const permanentCount = (db, appid) =>
  sql(db, "SELECT count(*) AS n FROM qr_codes WHERE appid = ? AND kind = 'permanent'").get(appid).n;

export const findQrCodeRow = (db, appid, id) => sql(db, 'SELECT * FROM qr_codes WHERE appid = ? AND id = ?').get(appid, id);

/** The code that owns a scene now: expired temporary codes free their scene. */
export const findLiveByScene = (db, appid, scene, nowIso) =>
  sql(db, `SELECT * FROM qr_codes WHERE appid = ? AND scene = ? AND (expires_at IS NULL OR expires_at > ?)
           ORDER BY id DESC LIMIT 1`).get(appid, scene, nowIso);

/** The newest code with a scene, expired or not (a scan of an expired code must find it to refuse it). */
export const findAnyByScene = (db, appid, scene) =>
  sql(db, 'SELECT * FROM qr_codes WHERE appid = ? AND scene = ? ORDER BY id DESC LIMIT 1').get(appid, scene);

export function insertQrCode(db, c) {
  return Number(
    sql(db, `INSERT INTO qr_codes (appid, name, kind, scene_type, scene, expire_seconds, expires_at, ticket, url, tag_ids,
               reply, enabled, scans, follows, created_at, updated_at)
             VALUES (@appid, @name, @kind, @sceneType, @scene, @expireSeconds, @expiresAt, @ticket, @url, @tagIds, @reply,
               @enabled, @scans, @follows, @createdAt, @createdAt)`)
      .run({
        ...c,
        expireSeconds: c.expireSeconds ?? null,
        expiresAt: c.expiresAt ?? null,
        tagIds: JSON.stringify(c.tagIds ?? []),
        reply: c.reply ? JSON.stringify(c.reply) : null,
        enabled: c.enabled === false ? 0 : 1,
        scans: c.scans ?? 0,
        follows: c.follows ?? 0,
      }).lastInsertRowid,
  );
}

/** Changes the editable fields (name, tags, reply, enabled); scene, kind and expiry are in the code itself. */
export function updateQrCode(db, appid, id, patch, nowIso) {
  const row = findQrCodeRow(db, appid, id);
  const next = {
    name: patch.name ?? row.name,
    tagIds: patch.tagIds !== undefined ? JSON.stringify(patch.tagIds) : row.tag_ids,
    reply: patch.reply !== undefined ? (patch.reply ? JSON.stringify(patch.reply) : null) : row.reply,
    enabled: patch.enabled !== undefined ? (patch.enabled ? 1 : 0) : row.enabled,
  };
  sql(db, 'UPDATE qr_codes SET name = ?, tag_ids = ?, reply = ?, enabled = ?, updated_at = ? WHERE appid = ? AND id = ?')
    .run(next.name, next.tagIds, next.reply, next.enabled, nowIso, appid, id);
  return findQrCodeRow(db, appid, id);
}

export const deleteQrCode = (db, appid, id) => sql(db, 'DELETE FROM qr_codes WHERE appid = ? AND id = ?').run(appid, id);

export function insertScan(db, { qrCodeId, appid, openid, newFollow, scannedAt }) {
  sql(db, 'INSERT INTO qr_code_scans (qr_code_id, appid, openid, new_follow, scanned_at) VALUES (?, ?, ?, ?, ?)')
    .run(qrCodeId, appid, openid, newFollow ? 1 : 0, scannedAt);
  sql(db, 'UPDATE qr_codes SET scans = scans + 1, follows = follows + ? WHERE id = ?').run(newFollow ? 1 : 0, qrCodeId);
}

/** Scans and new follows per China day from `fromIso` on; days without scans are absent. */
export const dailyCounts = (db, qrCodeId, fromIso) =>
  sql(db, `SELECT date(scanned_at, '${STATS_UTC_OFFSET}') AS day, count(*) AS scans, sum(new_follow) AS follows
           FROM qr_code_scans WHERE qr_code_id = ? AND scanned_at >= ? GROUP BY day ORDER BY day`).all(qrCodeId, fromIso);

/** The latest scans with the fan's contact name when the suite knows it (WeChat no longer gives nicknames). */
export function recentScans(db, qrCodeId, { limit, offset }) {
  const items = sql(db, `SELECT s.id, s.openid, s.new_follow, s.scanned_at, c.name AS contact_name
           FROM qr_code_scans s
           LEFT JOIN fans f ON f.appid = s.appid AND f.openid = s.openid
           LEFT JOIN contacts c ON c.id = f.contact_id
           WHERE s.qr_code_id = ? ORDER BY s.scanned_at DESC, s.id DESC LIMIT ? OFFSET ?`).all(qrCodeId, limit, offset);
  const total = sql(db, 'SELECT count(*) AS n FROM qr_code_scans WHERE qr_code_id = ?').get(qrCodeId).n;
  return {
    items: items.map((r) => ({
      id: r.id,
      openid: r.openid,
      name: r.contact_name ?? null,
      scannedAt: r.scanned_at,
      newFollow: r.new_follow === 1,
    })),
    total,
  };
}

export const listTags = (db, appid) => sql(db, 'SELECT id, name FROM tags WHERE appid = ? ORDER BY id').all(appid);

export const fanTagIds = (db, appid, openid) => {
  const row = sql(db, 'SELECT tag_ids FROM fans WHERE appid = ? AND openid = ?').get(appid, openid);
  return row ? JSON.parse(row.tag_ids) : null;
};

export const setFanTagIds = (db, appid, openid, tagIds) =>
  sql(db, 'UPDATE fans SET tag_ids = ? WHERE appid = ? AND openid = ?').run(JSON.stringify(tagIds), appid, openid);
