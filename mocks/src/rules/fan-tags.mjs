import { Problem, fieldError, wechatRefused } from '../lib/problems.mjs';

/** WeChat's rules for fan tags, tagging, remarks and the blacklist (PRODUCT §4), as plain functions. */

export const TAG_LIMIT = 100;
export const TAG_NAME_MAX = 30;
/** Ids WeChat keeps for itself (未分组, 黑名单, 星标组): never renamed or deleted. */
export const RESERVED_TAG_IDS = Object.freeze([0, 1, 2]);
/** WeChat refuses to delete a tag carried by more fans than this. */
export const DELETABLE_FAN_LIMIT = 100_000;
export const TAGGING_BATCH_LIMIT = 50;
export const TAGS_PER_FAN_LIMIT = 20;
export const BLACKLIST_BATCH_LIMIT = 20;
export const REMARK_MAX = 30;
/** User-created tags are numbered from here, as WeChat does. */
export const FIRST_CUSTOM_TAG_ID = 100;

/** Characters as a person counts them (a CJK character or an emoji is one). */
export const charCount = (text) => [...text].length;

export const isReserved = (tagId) => RESERVED_TAG_IDS.includes(tagId);

/**
 * The tag name as stored (trimmed), or a problem: empty is `VALIDATION`, too long 45158,
 * taken by another tag of the account 45157.
 * @param {string} name
 * @param {{id: number, name: string}[]} tags the account's tags
 * @param {number} [selfId] the tag being renamed
 */
export function checkTagName(name, tags, selfId) {
  const trimmed = name.trim();
  if (!trimmed) throw fieldError('name', 'must not be empty');
  if (charCount(trimmed) > TAG_NAME_MAX) {
    throw wechatRefused(45158, `tag name too long: ${charCount(trimmed)} characters, at most ${TAG_NAME_MAX}`);
  }
  if (tags.some((t) => t.id !== selfId && t.name === trimmed)) throw wechatRefused(45157, `tag name "${trimmed}" is already used`);
  return trimmed;
}

/** 45056 once the account has `TAG_LIMIT` tags. */
export function checkTagRoom(tagCount) {
  if (tagCount >= TAG_LIMIT) throw wechatRefused(45056, `too many tags: an account has at most ${TAG_LIMIT}`);
}

/** 45058 for WeChat's reserved tags. */
export function checkTagEditable(tagId) {
  if (isReserved(tagId)) throw wechatRefused(45058, `tag ${tagId} is reserved by WeChat and cannot be changed or deleted`);
}

/** 45057 for a tag with more than `DELETABLE_FAN_LIMIT` fans. */
export function checkTagDeletable(fanCount) {
  if (fanCount > DELETABLE_FAN_LIMIT) {
    throw wechatRefused(45057, `the tag has ${fanCount} fans: WeChat deletes only tags with at most ${DELETABLE_FAN_LIMIT}`);
  }
}

/** 40032 when one call carries more openids than WeChat takes. */
export function checkBatchSize(openids, limit) {
  if (openids.length > limit) throw wechatRefused(40032, `${openids.length} openids in one call: at most ${limit}`);
}

/** A WeChat refusal that names the openids concerned, each as `openids[i]` of the request. */
function refusedFor(errcode, message, openids, indexes, why) {
  const named = indexes.map((i) => openids[i]);
  return new Problem(422, `WECHAT_${errcode}`, `WeChat error ${errcode}: ${message}: ${named.join(', ')}`, {
    errors: indexes.map((i) => ({ field: `openids[${i}]`, message: why(openids[i]) })),
  });
}

/** 40003 naming every openid that is not a fan of the account. */
export function checkKnownOpenids(openids, known) {
  const unknown = openids.flatMap((openid, i) => (known.has(openid) ? [] : [i]));
  if (unknown.length) throw refusedFor(40003, 'invalid openid', openids, unknown, (o) => `${o} is not a fan of this account`);
}

/**
 * 45059 naming every fan that would carry more than `TAGS_PER_FAN_LIMIT` tags once `tagId` is added.
 * @param {string[]} openids
 * @param {Map<string, number[]>} tagIdsOf each fan's current tag ids
 */
export function checkTagsPerFan(openids, tagIdsOf, tagId) {
  const full = openids.flatMap((openid, i) => {
    const ids = tagIdsOf.get(openid) ?? [];
    return !ids.includes(tagId) && ids.length >= TAGS_PER_FAN_LIMIT ? [i] : [];
  });
  if (full.length) {
    throw refusedFor(45059, `a fan has at most ${TAGS_PER_FAN_LIMIT} tags`, openids, full,
      (o) => `${o} already has ${TAGS_PER_FAN_LIMIT} tags`);
  }
}

/** The remark as stored (trimmed), or `VALIDATION` naming `remark` past `REMARK_MAX` characters. */
export function checkRemark(remark) {
  const trimmed = remark.trim();
  if (charCount(trimmed) > REMARK_MAX) throw fieldError('remark', `at most ${REMARK_MAX} characters (has ${charCount(trimmed)})`);
  return trimmed;
}
