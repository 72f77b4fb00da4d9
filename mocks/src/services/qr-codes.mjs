import { randomBytes } from 'node:crypto';
import {
  fanTagIds, findAnyByScene, findLiveByScene, findQrCodeRow, insertQrCode, insertScan, listTags, permanentCount, setFanTagIds,
} from '../repositories/qr-codes.mjs';
import { insertEvent } from '../repositories/events.mjs';
import { findMaterialRow } from '../repositories/materials.mjs';
import {
  expiryOf, isExpired, permanentQuotaLeft, PERMANENT_LIMIT, qrCodeInputErrors, replyMessage, sceneKey, scanOf, tagsAfterScan,
} from '../rules/qr-codes.mjs';
import { Problem, accountTypeUnsupported, validation } from '../lib/problems.mjs';

/** Channel QR codes: creating them as WeChat would, and what a scan does to the suite's data. */

/** QR codes are a service-account feature: every QR endpoint refuses subscription accounts. */
export function assertQrCodesAvailable(account) {
  if (account.type !== 'service') throw accountTypeUnsupported(account, 'Channel QR codes');
}

/** WeChat's `https://weixin.qq.com/q/<ticket>` style: the URL the QR image encodes. */
export function newTicket(random = randomBytes) {
  const ticket = random(16).toString('base64url').slice(0, 22);
  return { ticket, url: `https://weixin.qq.com/q/${ticket}` };
}

const duplicateScene = (field, scene) =>
  new Problem(409, 'CONFLICT', `Scene value ${scene} is already used by another code of this account.`, {
    errors: [{ field, message: 'is already used by another code of this account' }],
  });

/** Validates and writes a new code; throws VALIDATION (400) or CONFLICT (409) naming the field. */
export function createQrCode(db, appid, input, nowMs) {
  const nowIso = new Date(nowMs).toISOString();
  const tagIds = listTags(db, appid).map((t) => t.id);
  const errors = qrCodeInputErrors(input, { mode: 'create', tagIds });
  if (errors.length) throw validation(errors);
  const scene = sceneKey(input);
  const sceneField = input.sceneId !== undefined ? 'sceneId' : 'sceneStr';
  return db.transaction(() => {
    if (findLiveByScene(db, appid, scene, nowIso)) throw duplicateScene(sceneField, scene);
    if (input.kind === 'permanent' && !permanentQuotaLeft(permanentCount(db, appid))) {
      throw new Problem(409, 'CONFLICT', `This account already has ${PERMANENT_LIMIT} permanent codes, WeChat's limit.`, {
        errors: [{ field: 'kind', message: `at most ${PERMANENT_LIMIT} permanent codes per account` }],
      });
    }
    const temporary = input.kind === 'temporary';
    const id = insertQrCode(db, {
      appid,
      name: input.name.trim(),
      kind: input.kind,
      sceneType: input.sceneId !== undefined ? 'number' : 'string',
      scene,
      expireSeconds: temporary ? input.expireSeconds : null,
      expiresAt: temporary ? expiryOf(nowMs, input.expireSeconds) : null,
      ...newTicket(),
      tagIds: input.tagIds ?? [],
      reply: input.reply ?? null,
      enabled: input.enabled ?? true,
      createdAt: nowIso,
    });
    return findQrCodeRow(db, appid, id);
  })();
}

/** Validates the editable fields of a code (name, tags, reply, enabled). */
export function assertQrCodeUpdate(db, appid, patch) {
  const errors = qrCodeInputErrors(patch, { mode: 'update', tagIds: listTags(db, appid).map((t) => t.id) });
  if (errors.length) throw validation(errors);
}

/**
 * What a WeChat push does to QR codes: a scan of a live code counts (scans, and new follows for
 * a subscribe), adds the code's tags to the fan and sends its on-scan reply (recorded as a sent
 * message). Expired codes do not count; disabled codes count but neither tag nor reply.
 * Runs after the fans service recorded the push, so a new follower exists already.
 * @returns {{ qrCodeId: number, counted: boolean, reply: object | null } | null} null: not a scan of a known code
 */
export function applyQrScan(db, account, push, nowSeconds) {
  const scan = scanOf(push);
  if (!scan || account.type !== 'service') return null;
  const createdAt = push.CreateTime ?? nowSeconds;
  const scannedAt = new Date(createdAt * 1000).toISOString();
  const code = findAnyByScene(db, account.appid, scan.scene);
  if (!code) return null;
  if (isExpired(code, scannedAt)) return { qrCodeId: code.id, counted: false, reply: null };
  return db.transaction(() => {
    insertScan(db, { qrCodeId: code.id, appid: account.appid, openid: push.FromUserName, newFollow: scan.newFollow, scannedAt });
    if (!code.enabled) return { qrCodeId: code.id, counted: true, reply: null };
    const tags = fanTagIds(db, account.appid, push.FromUserName);
    if (tags) setFanTagIds(db, account.appid, push.FromUserName, tagsAfterScan(tags, JSON.parse(code.tag_ids)));
    const stored = code.reply ? JSON.parse(code.reply) : null;
    const material = stored?.type === 'material' ? findMaterialRow(db, account.appid, stored.mediaId) : null;
    const reply = replyMessage(stored, {
      materialType: material?.type,
      toUser: push.FromUserName,
      fromUser: account.original_id,
      createTime: createdAt,
    });
    if (reply) {
      insertEvent(db, {
        appid: account.appid,
        openid: push.FromUserName,
        type: 'message.sent',
        payload: { source: 'qr-code', qrCodeId: code.id, ...reply },
        createdAt: scannedAt,
      });
    }
    return { qrCodeId: code.id, counted: true, reply };
  })();
}
