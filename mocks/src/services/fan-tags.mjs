import {
  deleteTag, fanCountOfTag, fanCountsByTag, findTagRow, insertTag, nextTagId, renameTag, setBlacklisted, setRemark, tagIdsByOpenid,
  tagRows, writeTagIds,
} from '../repositories/fan-tags.mjs';
import { findFanRow, toFan } from '../repositories/fans.mjs';
import {
  BLACKLIST_BATCH_LIMIT, FIRST_CUSTOM_TAG_ID, TAGGING_BATCH_LIMIT, checkBatchSize, checkKnownOpenids, checkRemark, checkTagDeletable,
  checkTagEditable, checkTagName, checkTagRoom, checkTagsPerFan, isReserved,
} from '../rules/fan-tags.mjs';
import { notFound } from '../lib/problems.mjs';
import { assertPrecondition, revisionOf } from '../lib/preconditions.mjs';

/**
 * Tag management, (un)tagging, remarks and the blacklist. Every rule is checked before the
 * first write, so a refused request changes nothing.
 */

/** What a rename replaces: the name (ADR 0024). */
export const tagRevision = (name) => revisionOf('tag', name);
/** What a remark save replaces: the remark alone (tags and the blacklist are saved as changes, not values). */
export const remarkRevision = (remark) => revisionOf('remark', remark);

const toTag = (row, fanCount) => ({ id: row.id, name: row.name, fanCount, reserved: isReserved(row.id), revision: tagRevision(row.name) });

export function listTagsWithCounts(db, appid) {
  const counts = fanCountsByTag(db, appid);
  return tagRows(db, appid).map((row) => toTag(row, counts.get(row.id) ?? 0));
}

function tagOf(db, appid, tagId) {
  const row = findTagRow(db, appid, tagId);
  if (!row) throw notFound(`Tag ${tagId}`);
  return row;
}

export function createTag(db, appid, name) {
  return db.transaction(() => {
    const tags = tagRows(db, appid);
    const trimmed = checkTagName(name, tags);
    checkTagRoom(tags.length);
    const id = nextTagId(db, appid, FIRST_CUSTOM_TAG_ID);
    insertTag(db, appid, id, trimmed);
    return toTag({ id, name: trimmed }, 0);
  })();
}

export function renameTagChecked(db, appid, tagId, name, headers = {}) {
  checkTagEditable(tagId);
  const current = tagOf(db, appid, tagId);
  // Renamed by someone else since the client listed it: refused unless the client names that name's revision.
  assertPrecondition(headers, tagRevision(current.name), { what: `The tag “${current.name}”` });
  const trimmed = checkTagName(name, tagRows(db, appid), tagId);
  renameTag(db, appid, tagId, trimmed);
  return toTag({ id: tagId, name: trimmed }, fanCountOfTag(db, appid, tagId));
}

export function deleteTagChecked(db, appid, tagId) {
  checkTagEditable(tagId);
  tagOf(db, appid, tagId);
  checkTagDeletable(fanCountOfTag(db, appid, tagId));
  deleteTag(db, appid, tagId);
}

/** Adds (`add`) or removes the tag for up to 50 fans. @returns {{ changed: number }} */
export function tagFans(db, appid, tagId, openids, add) {
  tagOf(db, appid, tagId);
  checkBatchSize(openids, TAGGING_BATCH_LIMIT);
  const tagIdsOf = tagIdsByOpenid(db, appid, openids);
  checkKnownOpenids(openids, tagIdsOf);
  if (add) checkTagsPerFan(openids, tagIdsOf, tagId);
  const next = new Map();
  for (const [openid, ids] of tagIdsOf) {
    if (add && !ids.includes(tagId)) next.set(openid, [...ids, tagId]);
    if (!add && ids.includes(tagId)) next.set(openid, ids.filter((id) => id !== tagId));
  }
  return { changed: writeTagIds(db, appid, next) };
}

/** Blacklists (or lifts it for) up to 20 fans. @returns {{ changed: number }} */
export function blacklistFans(db, appid, openids, blacklisted) {
  checkBatchSize(openids, BLACKLIST_BATCH_LIMIT);
  checkKnownOpenids(openids, tagIdsByOpenid(db, appid, openids));
  return { changed: setBlacklisted(db, appid, openids, blacklisted) };
}

/** @returns the fan as `FansFan` with its new remark and that remark's `remarkRevision` */
export function remarkFan(db, appid, openid, remark, headers = {}) {
  const trimmed = checkRemark(remark);
  const row = findFanRow(db, appid, openid);
  if (!row) throw notFound(`Fan ${openid}`);
  assertPrecondition(headers, remarkRevision(row.remark), { what: `The remark of fan ${openid}` });
  setRemark(db, appid, openid, trimmed);
  return { ...toFan(findFanRow(db, appid, openid)), remarkRevision: remarkRevision(trimmed) };
}
