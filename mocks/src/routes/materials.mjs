import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import multipart from '@fastify/multipart';
import {
  articleRevision, countsByTab, deleteMaterial, findMaterialRow, insertMaterial, listMaterials, permanentUsage, toMaterial, toMaterialDetail,
  updateArticles, usageMeters,
} from '../repositories/materials.mjs';
import {
  CONTENT_TYPES, LIMIT_OF, PERMANENT_LIMITS, UPLOAD_RULES, UPLOAD_TYPES, articleErrors, detectFormat, expiryOf, isExpired,
  permanentRoomLeft, uploadRefusal, voiceSeconds,
} from '../rules/materials.mjs';
import { articleTextLength, sanitizeArticleHtml } from '../rules/article-html.mjs';
import { deleteArticleDraft, deleteArticleDraftsOf } from '../repositories/article-drafts.mjs';
import { NEW_ARTICLE_DRAFT_KEY } from '../rules/article-drafts.mjs';
import { sampleBytes } from '../wechat/sample-media.mjs';
import { materialsDir } from '../lib/paths.mjs';
import { Problem, fieldError, notFound, validation } from '../lib/problems.mjs';
import { assertPrecondition } from '../lib/preconditions.mjs';

/** The largest file any type takes; a bigger one is cut off while streaming (45001, never buffered whole). */
const MAX_UPLOAD_BYTES = Math.max(...Object.values(UPLOAD_RULES).map((r) => r.maxBytes));

/** WeChat refused: `WECHAT_<errcode>` (422) naming the field. */
const refused = (errcode, field, message) =>
  new Problem(422, `WECHAT_${errcode}`, `WeChat error ${errcode}: ${field} ${message}`, { errors: [{ field, message }] });

const newMediaId = () => randomBytes(24).toString('base64url');

/**
 * /api/wechat/accounts/{appid}/materials: the library (list, get, delete), uploads (multipart,
 * checked by extension, magic bytes, size, voice length and permanent limits), articles (news)
 * with server-sanitized bodies, and the stored bytes. Available to every account type.
 */
export default async function materialRoutes(fastify, { suite }) {
  // Scoped to this plugin: only these routes parse multipart bodies.
  await fastify.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 1024 } });

  const base = '/api/wechat/accounts/:appid/materials';
  const filesDir = () => materialsDir(suite.dataDir);
  const rowOf = (request) => {
    const row = findMaterialRow(suite.db, request.params.appid, request.params.mediaId);
    if (!row) throw notFound(`Material ${request.params.mediaId}`);
    return row;
  };

  fastify.get(base, async (request) => {
    const { appid } = request.params;
    const nowIso = suite.clock.iso();
    const page = listMaterials(suite.db, appid, { ...request.query, type: request.query.type ?? 'image', nowIso });
    return { ...page, counts: countsByTab(suite.db, appid, nowIso), usage: usageMeters(permanentUsage(suite.db, appid)) };
  });

  fastify.post(base, async (request, reply) => {
    const { appid } = request.params;
    const upload = await readUpload(request);
    const type = upload.fields.type;
    if (!UPLOAD_TYPES.includes(type)) throw fieldError('type', `must be one of: ${UPLOAD_TYPES.join(', ')}`);
    const permanentField = upload.fields.permanent ?? 'true';
    if (!['true', 'false'].includes(permanentField)) throw fieldError('permanent', 'must be true or false');
    const permanent = permanentField === 'true';
    let declaredSeconds;
    if (upload.fields.durationSeconds !== undefined) {
      declaredSeconds = Number(upload.fields.durationSeconds);
      if (!Number.isFinite(declaredSeconds) || declaredSeconds <= 0) throw fieldError('durationSeconds', 'must be a number of seconds above 0');
    }
    if (!upload.file) throw fieldError('media', 'is required (the file)');
    if (upload.file.truncated) {
      throw refused(45001, 'media', `a ${type} must be at most ${UPLOAD_RULES[type].maxBytes} bytes`);
    }
    const { fileName, bytes } = upload.file;
    const refusal = uploadRefusal({ type, fileName, bytes, size: bytes.length, declaredSeconds });
    if (refusal) throw refused(refusal.errcode, refusal.field, refusal.message);
    const seconds = type === 'voice' ? voiceSeconds(bytes, declaredSeconds) : null;
    if (type === 'voice' && seconds === undefined) {
      throw fieldError('durationSeconds', 'is required for a voice that is not WAV (the mock cannot measure it)');
    }
    if (permanent && !permanentRoomLeft(type, permanentUsage(suite.db, appid))) {
      const limit = LIMIT_OF[type];
      throw refused(45009, 'permanent', `the account already has ${PERMANENT_LIMITS[limit]} permanent ${limit}: delete some first`);
    }
    const description = type === 'video' ? String(upload.fields.description ?? '').slice(0, 120) || null : null;
    const mediaId = newMediaId();
    mkdirSync(filesDir(), { recursive: true });
    writeFileSync(join(filesDir(), mediaId), bytes);
    const now = suite.clock.now();
    const row = insertMaterial(suite.db, {
      mediaId, appid, type, name: fileName.slice(0, 200), permanent, file: mediaId, contentType: CONTENT_TYPES[detectFormat(bytes)],
      size: bytes.length, durationSeconds: seconds, description, createdAt: new Date(now).toISOString(), expiresAt: permanent ? null : expiryOf(now),
    });
    return reply.code(201).send(toMaterial(row, suite.clock.iso()));
  });

  fastify.post(`${base}/news`, async (request, reply) => {
    const { appid } = request.params;
    const items = checkedArticles(request.body.articles, appid);
    if (!permanentRoomLeft('news', permanentUsage(suite.db, appid))) {
      throw refused(45009, 'articles', `the account already has ${PERMANENT_LIMITS.imagesAndNews} permanent images and articles`);
    }
    // The saver's draft of a new article is what was just saved: both change together or neither.
    const row = suite.db.transaction(() => {
      deleteArticleDraft(suite.db, appid, NEW_ARTICLE_DRAFT_KEY, request.user.id);
      return insertMaterial(suite.db, {
        mediaId: newMediaId(), appid, type: 'news', name: items[0].title, permanent: true, articles: JSON.stringify(items),
        createdAt: suite.clock.iso(),
      });
    })();
    return reply.code(201).send(toMaterialDetail(row, suite.clock.iso()));
  });

  fastify.get(`${base}/:mediaId`, async (request) => toMaterialDetail(rowOf(request), suite.clock.iso()));

  fastify.put(`${base}/:mediaId/news`, async (request) => {
    const row = rowOf(request);
    if (row.type !== 'news') throw notFound(`Article ${request.params.mediaId}`);
    const items = checkedArticles(request.body.articles, request.params.appid);
    // Two people editing one article: the later save must not silently replace the earlier one.
    assertPrecondition(request.headers, articleRevision(row), { what: `The article “${row.name}”`, at: row.updated_at });
    const updated = suite.db.transaction(() => {
      deleteArticleDraft(suite.db, row.appid, row.media_id, request.user.id);
      // Strictly later than the version it replaces, even within one millisecond: the article's
      // revision is made of it.
      const now = suite.clock.iso();
      const stamp = now > row.updated_at ? now : new Date(Date.parse(row.updated_at) + 1).toISOString();
      return updateArticles(suite.db, row.appid, row.media_id, items, stamp);
    })();
    return toMaterialDetail(updated, suite.clock.iso());
  });

  fastify.delete(`${base}/:mediaId`, async (request, reply) => {
    const row = rowOf(request);
    suite.db.transaction(() => {
      deleteMaterial(suite.db, row.appid, row.media_id);
      if (row.type === 'news') deleteArticleDraftsOf(suite.db, row.appid, row.media_id);
    })();
    if (row.file && !row.file.startsWith('sample:')) rmSync(join(filesDir(), row.file), { force: true });
    return reply.code(204).send();
  });

  fastify.get(`${base}/:mediaId/content`, async (request, reply) => {
    const row = rowOf(request);
    if (!row.file) throw notFound(`Content of ${request.params.mediaId}`);
    if (isExpired(row.expires_at, suite.clock.iso())) throw refused(40007, 'mediaId', 'has expired (temporary media lives 3 days)');
    let bytes = sampleBytes(row.file);
    if (!bytes) {
      try {
        bytes = readFileSync(join(filesDir(), row.file));
      } catch {
        throw notFound(`Content of ${request.params.mediaId}`);
      }
    }
    return reply
      .header('content-type', row.content_type ?? 'application/octet-stream')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, max-age=3600')
      .send(bytes);
  });

  /**
   * Sanitizes each item's body, then checks the rules and the covers (a permanent, live image or
   * thumb of this account). Throws the first kind of problem found; returns the items to store.
   */
  function checkedArticles(input, appid) {
    const items = input.map((item) => ({
      title: String(item.title).trim(),
      author: String(item.author ?? '').trim(),
      digest: String(item.digest ?? '').trim(),
      thumbMediaId: String(item.thumbMediaId).trim(),
      content: sanitizeArticleHtml(item.content, appid),
      contentSourceUrl: String(item.contentSourceUrl ?? '').trim(),
      showCoverPic: item.showCoverPic ?? true,
    }));
    const errors = articleErrors(items, { textLength: articleTextLength });
    if (errors.length) throw validation(errors);
    items.forEach((item, i) => {
      const cover = findMaterialRow(suite.db, appid, item.thumbMediaId);
      if (!cover || !['image', 'thumb'].includes(cover.type) || !cover.permanent) {
        throw refused(40007, `articles[${i}].thumbMediaId`, 'is not a permanent image material of this account');
      }
    });
    return items;
  }
}

/**
 * Reads a multipart upload: its text fields and its one file (`media`), buffered up to the largest
 * allowed size; a longer file comes back `truncated` rather than failing mid-stream.
 */
async function readUpload(request) {
  if (!request.isMultipart()) throw fieldError('media', 'send the file as multipart/form-data');
  const fields = {};
  let file = null;
  for await (const part of request.parts({ throwFileSizeLimit: false })) {
    if (part.type === 'file') {
      if (part.fieldname !== 'media') {
        part.file.resume();
        continue;
      }
      const bytes = await part.toBuffer();
      file = { fileName: part.filename ?? '', bytes, truncated: part.file.truncated };
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  return { fields, file };
}
