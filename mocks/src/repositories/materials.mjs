import { LIMIT_OF, PERMANENT_LIMITS } from '../rules/materials.mjs';
import { revisionOf } from '../lib/preconditions.mjs';

/** SQL of the materials table (see schema.sql). Rows become API objects in `toMaterial`. */

const contentUrl = (appid, mediaId) => `/api/wechat/accounts/${appid}/materials/${mediaId}/content`;

/** The API's Material (list item) from a row, as of `nowIso`. */
export function toMaterial(row, nowIso) {
  const articles = row.articles ? JSON.parse(row.articles) : null;
  const hasBytes = row.type !== 'news';
  const thumb = row.type === 'image' || row.type === 'thumb' ? contentUrl(row.appid, row.media_id) : articles ? contentUrl(row.appid, articles[0].thumbMediaId) : null;
  return {
    mediaId: row.media_id,
    type: row.type,
    name: row.name,
    permanent: row.permanent === 1,
    expiresAt: row.expires_at,
    expired: Boolean(row.expires_at) && row.expires_at <= nowIso,
    size: row.size,
    contentType: row.content_type,
    durationSeconds: row.duration_seconds,
    description: row.description,
    contentUrl: hasBytes ? contentUrl(row.appid, row.media_id) : null,
    thumbUrl: thumb,
    itemCount: articles ? articles.length : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** An article's revision (ADR 0024): every save stamps a strictly later `updated_at`. */
export const articleRevision = (row) => revisionOf('article', row.media_id, row.updated_at);

/** One material with its article items (news only), each with its cover's content URL, and an article's revision. */
export function toMaterialDetail(row, nowIso) {
  const articles = row.articles ? JSON.parse(row.articles) : null;
  return {
    ...toMaterial(row, nowIso),
    articles: articles ? articles.map((item) => ({ ...item, thumbUrl: contentUrl(row.appid, item.thumbMediaId) })) : null,
    revision: row.type === 'news' ? articleRevision(row) : null,
  };
}

const TYPES_OF_TAB = { image: ['image', 'thumb'], voice: ['voice'], video: ['video'], news: ['news'] };

/**
 * One page of the account's materials of a tab (`image` includes thumbs), newest first.
 * `q` matches the name (and article titles); `permanent` filters; expired temporary media is
 * included unless `usable` (the picker offers only what can still be sent).
 */
export function listMaterials(db, appid, { type, q, permanent, usable, offset = 0, limit = 20, nowIso }) {
  const where = ['appid = @appid', `type IN (${TYPES_OF_TAB[type].map((t) => `'${t}'`).join(', ')})`];
  const params = { appid, offset, limit, nowIso };
  if (q) {
    // Names, and for articles every item's title (not the bodies: their markup would match).
    where.push(`(name LIKE @q ESCAPE '\\' OR (articles IS NOT NULL AND EXISTS (
      SELECT 1 FROM json_each(materials.articles) AS item WHERE json_extract(item.value, '$.title') LIKE @q ESCAPE '\\')))`);
    params.q = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  if (permanent !== undefined) {
    where.push('permanent = @permanent');
    params.permanent = permanent ? 1 : 0;
  }
  if (usable) where.push('(expires_at IS NULL OR expires_at > @nowIso)');
  const clause = where.join(' AND ');
  const total = db.prepare(`SELECT COUNT(*) AS n FROM materials WHERE ${clause}`).get(params).n;
  const rows = db.prepare(`SELECT * FROM materials WHERE ${clause} ORDER BY created_at DESC, media_id LIMIT @limit OFFSET @offset`).all(params);
  return { items: rows.map((row) => toMaterial(row, nowIso)), total };
}

/** Live (not expired) materials per tab, for the tab badges. */
export function countsByTab(db, appid, nowIso) {
  const rows = db
    .prepare('SELECT type, COUNT(*) AS n FROM materials WHERE appid = ? AND (expires_at IS NULL OR expires_at > ?) GROUP BY type')
    .all(appid, nowIso);
  const by = Object.fromEntries(rows.map((r) => [r.type, r.n]));
  return { image: (by.image ?? 0) + (by.thumb ?? 0), voice: by.voice ?? 0, video: by.video ?? 0, news: by.news ?? 0 };
}

/** Permanent materials per WeChat limit: `{ imagesAndNews, voice, video }`. */
export function permanentUsage(db, appid) {
  const usage = { imagesAndNews: 0, voice: 0, video: 0 };
  for (const r of db.prepare('SELECT type, COUNT(*) AS n FROM materials WHERE appid = ? AND permanent = 1 GROUP BY type').all(appid)) {
    usage[LIMIT_OF[r.type]] += r.n;
  }
  return usage;
}

/** The usage meters: `[{ limit: 'imagesAndNews', used, max }]`. */
export const usageMeters = (usage) => Object.entries(PERMANENT_LIMITS).map(([limit, max]) => ({ limit, used: usage[limit], max }));

export const findMaterialRow = (db, appid, mediaId) =>
  db.prepare('SELECT * FROM materials WHERE appid = ? AND media_id = ?').get(appid, mediaId);

export function insertMaterial(db, m) {
  db.prepare(`INSERT INTO materials
    (media_id, appid, type, name, permanent, file, content_type, size, duration_seconds, description, articles, created_at, updated_at, expires_at)
    VALUES (@mediaId, @appid, @type, @name, @permanent, @file, @contentType, @size, @durationSeconds, @description, @articles, @createdAt, @createdAt, @expiresAt)`).run({
    file: null, contentType: null, size: null, durationSeconds: null, description: null, articles: null, expiresAt: null, ...m,
    permanent: m.permanent ? 1 : 0,
  });
  return findMaterialRow(db, m.appid, m.mediaId);
}

export function updateArticles(db, appid, mediaId, articles, nowIso) {
  db.prepare('UPDATE materials SET articles = ?, name = ?, updated_at = ? WHERE appid = ? AND media_id = ?').run(
    JSON.stringify(articles), articles[0].title, nowIso, appid, mediaId,
  );
  return findMaterialRow(db, appid, mediaId);
}

export const deleteMaterial = (db, appid, mediaId) => db.prepare('DELETE FROM materials WHERE appid = ? AND media_id = ?').run(appid, mediaId);
