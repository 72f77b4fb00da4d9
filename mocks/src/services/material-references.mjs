import { findMaterialRow } from '../repositories/materials.mjs';
import { Problem } from '../lib/problems.mjs';

/**
 * Content that names a material (mass send, auto replies) must name one of the account's own,
 * of the same type, not expired: WeChat refuses anything else with 40007 (invalid media_id).
 * An image reference accepts an uploaded thumb too (both are images to WeChat).
 */
export function materialReferenceError(db, appid, { type, mediaId }, nowIso) {
  const row = findMaterialRow(db, appid, mediaId);
  if (!row) return 'is not a material of this account';
  const sameType = row.type === type || (type === 'image' && row.type === 'thumb');
  if (!sameType) return `is a ${row.type} material, not ${type}`;
  if (row.expires_at && row.expires_at <= nowIso) return 'has expired (temporary media lives 3 days)';
  return null;
}

/** Throws WECHAT_40007 naming every field whose material reference is wrong; nothing is written. */
export function assertMaterialReferences(db, appid, references, nowIso) {
  const errors = references
    .filter((r) => r.content.type !== 'text')
    .map((r) => ({ field: r.field, message: materialReferenceError(db, appid, r.content, nowIso) }))
    .filter((e) => e.message);
  if (errors.length) {
    throw new Problem(422, 'WECHAT_40007', `WeChat error 40007: invalid media_id (${errors.map((e) => `${e.field} ${e.message}`).join('; ')})`, { errors });
  }
}
