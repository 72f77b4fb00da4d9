/**
 * WeChat's rules for channel QR codes (PRODUCT §4), as plain functions the routes and tests call.
 * openapi.yaml checks the shapes; these check what depends on other fields or on the account.
 */

/** A temporary code lives at most 30 days; WeChat's default is 60 s. */
export const TEMPORARY_MIN_SECONDS = 60;
export const TEMPORARY_MAX_SECONDS = 2_592_000;
/** Temporary scene_id: 32-bit, non-zero. */
export const TEMPORARY_SCENE_ID_MAX = 4_294_967_295;
/** Permanent scene_id: 1–100000; at most 100,000 permanent codes per account, never deleted. */
export const PERMANENT_SCENE_ID_MAX = 100_000;
export const PERMANENT_LIMIT = 100_000;
export const SCENE_STR_MAX = 64;
export const NAME_MAX = 64;
/** WeChat keeps at most 20 tags on a fan. */
export const TAGS_PER_FAN_MAX = 20;
export const REPLY_TEXT_MAX = 600;

const chars = (text) => [...text].length;

/**
 * Field errors of a code to create (`mode: 'create'`) or of the editable part of an existing one.
 * @param {object} input the request body
 * @param {{ mode: 'create' | 'update', tagIds: number[] }} context the account's tag ids
 * @returns {{ field: string, message: string }[]}
 */
export function qrCodeInputErrors(input, { mode, tagIds }) {
  const errors = [];
  const add = (field, message) => errors.push({ field, message });

  if (input.name !== undefined) {
    const name = input.name.trim();
    if (!name) add('name', 'must not be blank');
    else if (chars(name) > NAME_MAX) add('name', `must be at most ${NAME_MAX} characters`);
  }

  if (mode === 'create') {
    const temporary = input.kind === 'temporary';
    if (temporary) {
      const seconds = input.expireSeconds;
      if (seconds === undefined) add('expireSeconds', 'is required for a temporary code');
      else if (seconds < TEMPORARY_MIN_SECONDS || seconds > TEMPORARY_MAX_SECONDS) {
        add('expireSeconds', `must be between ${TEMPORARY_MIN_SECONDS} and ${TEMPORARY_MAX_SECONDS} seconds (30 days)`);
      }
    } else if (input.expireSeconds !== undefined) {
      add('expireSeconds', 'is not allowed for a permanent code');
    }
    const hasId = input.sceneId !== undefined;
    const hasStr = input.sceneStr !== undefined;
    if (hasId === hasStr) add('sceneId', 'give either sceneId or sceneStr');
    else if (hasId) {
      const max = temporary ? TEMPORARY_SCENE_ID_MAX : PERMANENT_SCENE_ID_MAX;
      if (!Number.isInteger(input.sceneId) || input.sceneId < 1 || input.sceneId > max) {
        add('sceneId', `must be an integer between 1 and ${max} for a ${input.kind} code`);
      }
    } else {
      const length = chars(input.sceneStr);
      if (length < 1 || length > SCENE_STR_MAX) add('sceneStr', `must be 1 to ${SCENE_STR_MAX} characters`);
    }
  }

  if (input.tagIds !== undefined) {
    if (input.tagIds.length > TAGS_PER_FAN_MAX) add('tagIds', `must have at most ${TAGS_PER_FAN_MAX} tags`);
    const unknown = input.tagIds.find((id) => !tagIds.includes(id));
    if (unknown !== undefined) add('tagIds', `tag ${unknown} does not exist in this account`);
  }

  const reply = input.reply;
  if (reply?.type === 'text') {
    const length = chars(reply.content.trim());
    if (length === 0) add('reply.content', 'must not be blank');
    else if (length > REPLY_TEXT_MAX) add('reply.content', `must be at most ${REPLY_TEXT_MAX} characters`);
  }
  return errors;
}

/** The scene as WeChat's EventKey carries it: scene_id or scene_str as text. */
export const sceneKey = (input) => (input.sceneId !== undefined ? String(input.sceneId) : input.sceneStr);

/** Whether the code no longer counts scans (temporary codes only). */
export const isExpired = (code, nowIso) => Boolean(code.expires_at ?? code.expiresAt) && (code.expires_at ?? code.expiresAt) <= nowIso;

/** When a temporary code created at `createdAtMs` expires. */
export const expiryOf = (createdAtMs, expireSeconds) => new Date(createdAtMs + expireSeconds * 1000).toISOString();

/** Whether one more permanent code fits the account's quota. */
export const permanentQuotaLeft = (used) => used < PERMANENT_LIMIT;

/**
 * The scan a WeChat push stands for, if any: a follow through a parametric code
 * (`subscribe`, `EventKey: "qrscene_<scene>"`, a new follow) or a follower's `SCAN`
 * (`EventKey: "<scene>"`).
 * @returns {{ scene: string, newFollow: boolean } | null}
 */
export function scanOf(push) {
  if (push.MsgType !== 'event') return null;
  const event = String(push.Event ?? '').toLowerCase();
  const key = push.EventKey ?? '';
  if (event === 'subscribe') {
    const qr = /^qrscene_(.+)$/.exec(key);
    return qr ? { scene: qr[1], newFollow: true } : null;
  }
  if (event === 'scan' && key) return { scene: key, newFollow: false };
  return null;
}

/** The fan's tags after a scan of a code that adds `codeTagIds` (kept order, no duplicates, ≤ 20). */
export function tagsAfterScan(fanTagIds, codeTagIds) {
  const merged = [...fanTagIds];
  for (const id of codeTagIds) if (!merged.includes(id) && merged.length < TAGS_PER_FAN_MAX) merged.push(id);
  return merged;
}

/** The passive reply WeChat receives for a scan, from the code's on-scan reply. */
export function replyMessage(reply, { toUser, fromUser, createTime, materialType = 'image' }) {
  if (!reply) return null;
  const base = { ToUserName: toUser, FromUserName: fromUser, CreateTime: createTime };
  if (reply.type === 'text') return { ...base, MsgType: 'text', Content: reply.content };
  // A material: WeChat's passive reply carries the media id under its type's MsgType (the editor
  // offers images, voice and video only; a thumb is an image to WeChat).
  if (materialType === 'voice') return { ...base, MsgType: 'voice', Voice: { MediaId: reply.mediaId } };
  if (materialType === 'video') return { ...base, MsgType: 'video', Video: { MediaId: reply.mediaId } };
  return { ...base, MsgType: 'image', Image: { MediaId: reply.mediaId } };
}
