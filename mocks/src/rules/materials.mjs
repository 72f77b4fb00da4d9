/**
 * WeChat's material rules (PRODUCT §4), as plain functions the routes and tests call:
 * what each upload type accepts (extension, real content by magic bytes, size, voice length),
 * the permanent-material limits, temporary expiry and the article (news) fields.
 */

export const MB = 1024 * 1024;

/** What each upload type takes. `thumb` is the small JPEG WeChat uses as a video or music cover. */
export const UPLOAD_RULES = {
  image: { maxBytes: 10 * MB, extensions: ['bmp', 'png', 'jpeg', 'jpg', 'gif'], formats: ['bmp', 'png', 'jpeg', 'gif'] },
  voice: { maxBytes: 2 * MB, extensions: ['mp3', 'wma', 'wav', 'amr'], formats: ['mp3', 'wma', 'wav', 'amr'], maxSeconds: 60 },
  video: { maxBytes: 10 * MB, extensions: ['mp4'], formats: ['mp4'] },
  thumb: { maxBytes: 64 * 1024, extensions: ['jpg', 'jpeg'], formats: ['jpeg'] },
};
export const UPLOAD_TYPES = Object.keys(UPLOAD_RULES);
/** The library's tabs; thumbs are listed with the images. */
export const MATERIAL_TYPES = ['image', 'voice', 'video', 'news'];

/** Permanent materials per account: articles and images share 100,000; voice and video 1,000 each. */
export const PERMANENT_LIMITS = { imagesAndNews: 100_000, voice: 1_000, video: 1_000 };
/** Which limit a material type counts against. */
export const LIMIT_OF = { image: 'imagesAndNews', thumb: 'imagesAndNews', news: 'imagesAndNews', voice: 'voice', video: 'video' };

/** Temporary media lives 3 days (WeChat's media/upload). */
export const TEMPORARY_LIFETIME_MS = 3 * 86_400_000;

export const CONTENT_TYPES = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  bmp: 'image/bmp',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  amr: 'audio/amr',
  wma: 'audio/x-ms-wma',
  mp4: 'video/mp4',
};

const startsWith = (bytes, signature, offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
const ascii = (text) => [...text].map((c) => c.charCodeAt(0));

/**
 * The real format of a file from its first bytes (magic numbers), whatever its name says.
 * @param {Uint8Array} bytes
 * @returns {'png'|'jpeg'|'gif'|'bmp'|'mp3'|'wav'|'amr'|'wma'|'mp4'|null}
 */
export function detectFormat(bytes) {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, ascii('BM')) && bytes.length >= 26) return 'bmp';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WAVE'), 8)) return 'wav';
  if (startsWith(bytes, ascii('#!AMR'))) return 'amr';
  // ASF header GUID (WMA).
  if (startsWith(bytes, [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11])) return 'wma';
  if (startsWith(bytes, ascii('ID3'))) return 'mp3';
  // An MPEG audio frame sync without an ID3 tag (layer III).
  if (bytes.length >= 2 && bytes[0] === 0xff && (bytes[1] & 0xe6) === 0xe2) return 'mp3';
  if (startsWith(bytes, ascii('ftyp'), 4)) return 'mp4';
  return null;
}

/** The extension of a file name, lower case, without the dot ('' when none). */
export const extensionOf = (name) => {
  const match = /\.([^./\\]+)$/.exec(String(name ?? ''));
  return match ? match[1].toLowerCase() : '';
};

/**
 * A WAV file's length in seconds from its header (fmt byte rate and data size); null when the
 * header cannot tell (other formats need a decoder the mock does not have: the client declares them).
 */
export function wavDurationSeconds(bytes) {
  if (detectFormat(bytes) !== 'wav') return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 12;
  let byteRate = 0;
  while (offset + 8 <= bytes.length) {
    const id = String.fromCharCode(...bytes.subarray(offset, offset + 4));
    const size = view.getUint32(offset + 4, true);
    if (id === 'fmt ' && offset + 16 <= bytes.length) byteRate = view.getUint32(offset + 16, true);
    if (id === 'data') return byteRate > 0 ? size / byteRate : null;
    offset += 8 + size + (size % 2);
  }
  return null;
}

/**
 * Why WeChat would refuse an upload, as `{ errcode, field, message }`, or null when it is fine.
 * Order: type → extension → empty → size → real content → voice length, so the first problem a user
 * can fix is the one reported.
 * @param {{ type: string, fileName: string, bytes: Uint8Array, size: number, declaredSeconds?: number }} upload
 */
export function uploadRefusal({ type, fileName, bytes, size, declaredSeconds }) {
  const rule = UPLOAD_RULES[type];
  const ext = extensionOf(fileName);
  if (!rule.extensions.includes(ext)) {
    return { errcode: 40005, field: 'media', message: `a ${type} must be ${rule.extensions.join('/')}, not "${ext || 'no extension'}"` };
  }
  if (size === 0) return { errcode: 40006, field: 'media', message: 'the file is empty' };
  if (size > rule.maxBytes) {
    return { errcode: 45001, field: 'media', message: `a ${type} must be at most ${rule.maxBytes} bytes, this one has ${size}` };
  }
  const format = detectFormat(bytes);
  if (!format || !rule.formats.includes(format)) {
    return { errcode: 40005, field: 'media', message: `the file's content is ${format ?? 'not a known format'}, not a ${type} (${rule.formats.join('/')})` };
  }
  if (type === 'voice') {
    const seconds = voiceSeconds(bytes, declaredSeconds);
    if (seconds > rule.maxSeconds) {
      return { errcode: 45007, field: 'durationSeconds', message: `a voice must be at most ${rule.maxSeconds} s, this one lasts ${Math.ceil(seconds)} s` };
    }
  }
  return null;
}

/** A voice's length: measured for WAV, else what the client declared (undefined when neither). */
export const voiceSeconds = (bytes, declaredSeconds) => wavDurationSeconds(bytes) ?? declaredSeconds;

/** Whether one more permanent material of `type` fits, given the counts per limit. */
export function permanentRoomLeft(type, usage) {
  const key = LIMIT_OF[type];
  return usage[key] < PERMANENT_LIMITS[key];
}

/** When a temporary material uploaded at `createdAtMs` expires. */
export const expiryOf = (createdAtMs) => new Date(createdAtMs + TEMPORARY_LIFETIME_MS).toISOString();
export const isExpired = (expiresAt, nowIso) => Boolean(expiresAt) && expiresAt <= nowIso;

// --- articles (news) ---------------------------------------------------------------------------

export const ARTICLE_RULES = {
  itemsMin: 1,
  itemsMax: 8,
  titleMax: 64,
  authorMax: 8,
  digestMax: 120,
  /** Characters of text (tags not counted) in the sanitized body: fewer than 20,000. */
  contentTextMax: 19_999,
  sourceUrlMax: 1024,
};

const chars = (text) => [...String(text ?? '')].length;

/**
 * Field errors of an article's items (after the body was sanitized): `[{field, message}]`, field
 * named like `articles[1].title`. `coverOk(mediaId)` says whether a cover id is an image material.
 * @param {object[]} items
 * @param {{ textLength: (html: string) => number }} helpers
 */
export function articleErrors(items, { textLength }) {
  const errors = [];
  const add = (field, message) => errors.push({ field, message });
  if (items.length < ARTICLE_RULES.itemsMin || items.length > ARTICLE_RULES.itemsMax) {
    add('articles', `must have ${ARTICLE_RULES.itemsMin} to ${ARTICLE_RULES.itemsMax} items`);
    return errors;
  }
  items.forEach((item, i) => {
    const at = `articles[${i}]`;
    const title = String(item.title ?? '').trim();
    if (!title) add(`${at}.title`, 'is required');
    else if (chars(title) > ARTICLE_RULES.titleMax) add(`${at}.title`, `must be at most ${ARTICLE_RULES.titleMax} characters`);
    if (chars(item.author) > ARTICLE_RULES.authorMax) add(`${at}.author`, `must be at most ${ARTICLE_RULES.authorMax} characters`);
    if (chars(item.digest) > ARTICLE_RULES.digestMax) add(`${at}.digest`, `must be at most ${ARTICLE_RULES.digestMax} characters`);
    if (!String(item.thumbMediaId ?? '').trim()) add(`${at}.thumbMediaId`, 'is required (an image material as the cover)');
    const length = textLength(item.content ?? '');
    if (length === 0) add(`${at}.content`, 'must not be empty');
    else if (length > ARTICLE_RULES.contentTextMax) {
      add(`${at}.content`, `must have fewer than ${ARTICLE_RULES.contentTextMax + 1} characters of text, this one has ${length}`);
    }
    const url = String(item.contentSourceUrl ?? '');
    if (url && !isHttpUrl(url)) add(`${at}.contentSourceUrl`, 'must be an http:// or https:// URL');
  });
  return errors;
}

export function isHttpUrl(value) {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
