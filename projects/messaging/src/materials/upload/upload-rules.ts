/**
 * WeChat's upload rules (PRODUCT §4), checked in the browser before a byte is sent so the user
 * learns at once; the mock checks the same again (mocks/src/rules/materials.mjs).
 */

export type UploadType = 'image' | 'thumb' | 'voice' | 'video';

export interface UploadRule {
  readonly maxBytes: number;
  readonly extensions: readonly string[];
  /** Formats by magic bytes. */
  readonly formats: readonly string[];
  readonly maxSeconds?: number;
}

const MB = 1024 * 1024;

export const UPLOAD_RULES: Readonly<Record<UploadType, UploadRule>> = {
  image: { maxBytes: 10 * MB, extensions: ['bmp', 'png', 'jpeg', 'jpg', 'gif'], formats: ['bmp', 'png', 'jpeg', 'gif'] },
  voice: { maxBytes: 2 * MB, extensions: ['mp3', 'wma', 'wav', 'amr'], formats: ['mp3', 'wma', 'wav', 'amr'], maxSeconds: 60 },
  video: { maxBytes: 10 * MB, extensions: ['mp4'], formats: ['mp4'] },
  thumb: { maxBytes: 64 * 1024, extensions: ['jpg', 'jpeg'], formats: ['jpeg'] },
};

/** What is wrong with a file, as a translation key under `materials.upload.issue.` and its parameters. */
export interface UploadIssue {
  readonly key: 'wrongExtension' | 'empty' | 'tooLarge' | 'wrongContent' | 'tooLong';
  readonly params: Readonly<Record<string, string | number>>;
}

export const extensionOf = (name: string): string => /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

/** "10 MB", "64 KB": limits as people read them. */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${Math.round((bytes / MB) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The real format of a file from its first 16 bytes (the same magic numbers the mock checks). */
export function detectFormat(head: Uint8Array): string | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'gif';
  if (startsWith(head, ascii('BM'))) return 'bmp';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WAVE'), 8)) return 'wav';
  if (startsWith(head, ascii('#!AMR'))) return 'amr';
  if (startsWith(head, [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11])) return 'wma';
  if (startsWith(head, ascii('ID3'))) return 'mp3';
  if (head.length >= 2 && head[0] === 0xff && (head[1] & 0xe6) === 0xe2) return 'mp3';
  if (startsWith(head, ascii('ftyp'), 4)) return 'mp4';
  return null;
}

/**
 * The first problem of a file for an upload type, or null. `head` is the file's first bytes;
 * `seconds` a voice's measured length (undefined when unknown: the server decides then).
 */
export function uploadIssue(type: UploadType, file: { name: string; size: number }, head: Uint8Array, seconds?: number): UploadIssue | null {
  const rule = UPLOAD_RULES[type];
  const ext = extensionOf(file.name);
  if (!rule.extensions.includes(ext)) return { key: 'wrongExtension', params: { allowed: rule.extensions.join(' / '), ext: ext || '—' } };
  if (file.size === 0) return { key: 'empty', params: {} };
  if (file.size > rule.maxBytes) return { key: 'tooLarge', params: { max: formatBytes(rule.maxBytes), size: formatBytes(file.size) } };
  const format = detectFormat(head);
  if (!format || !rule.formats.includes(format)) return { key: 'wrongContent', params: { allowed: rule.extensions.join(' / ') } };
  if (rule.maxSeconds !== undefined && seconds !== undefined && seconds > rule.maxSeconds) {
    return { key: 'tooLong', params: { max: rule.maxSeconds, seconds: Math.ceil(seconds) } };
  }
  return null;
}

/** The upload type a file most likely is, from its extension (the drop zone's default). */
export function guessUploadType(name: string, fallback: UploadType): UploadType {
  const ext = extensionOf(name);
  if (UPLOAD_RULES.voice.extensions.includes(ext)) return 'voice';
  if (ext === 'mp4') return 'video';
  if (UPLOAD_RULES.image.extensions.includes(ext)) return fallback === 'thumb' ? 'thumb' : 'image';
  return fallback;
}
