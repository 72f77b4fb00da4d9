import { deflateSync } from 'node:zlib';

/**
 * Small, real media files made in code for the demo materials (the seed stores only a key such as
 * `sample:png:07c160:10aeff`; the content route makes the bytes on demand, so reset stays a file copy).
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const rgb = (hex) => [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** A width × height PNG: a diagonal gradient between two colours with a light disc in the middle. */
export function gradientPng(from, to, width = 160, height = 120) {
  const [a, b] = [rgb(from), rgb(to)];
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    rows[row] = 0;
    for (let x = 0; x < width; x++) {
      const t = (x / width + y / height) / 2;
      const dx = x - width / 2;
      const dy = y - height / 2;
      const disc = dx * dx + dy * dy < (height / 5) ** 2;
      for (let c = 0; c < 3; c++) rows[row + 1 + x * 3 + c] = disc ? 255 : Math.round(a[c] + (b[c] - a[c]) * t);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A mono 8 kHz 8-bit WAV of `seconds` with a soft tone (a real, playable voice). */
export function toneWav(seconds, hz = 440) {
  const rate = 8000;
  const samples = Math.round(rate * seconds);
  const out = Buffer.alloc(44 + samples);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + samples, 4);
  out.write('WAVEfmt ', 8, 'ascii');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20); // PCM
  out.writeUInt16LE(1, 22); // mono
  out.writeUInt32LE(rate, 24);
  out.writeUInt32LE(rate, 28); // byte rate
  out.writeUInt16LE(1, 32);
  out.writeUInt16LE(8, 34);
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(samples, 40);
  for (let i = 0; i < samples; i++) out[44 + i] = 128 + Math.round(40 * Math.sin((2 * Math.PI * hz * i) / rate));
  return out;
}

/** An MP4 with a valid `ftyp` box and an empty `mdat`: right magic, nothing to play. */
export function placeholderMp4() {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftypisom', 4, 'ascii');
  ftyp.writeUInt32BE(0x200, 12);
  ftyp.write('isomiso2', 16, 'ascii');
  const mdat = Buffer.alloc(8);
  mdat.writeUInt32BE(8, 0);
  mdat.write('mdat', 4, 'ascii');
  return Buffer.concat([ftyp, mdat]);
}

/** A 64 × 64 JPEG (WeChat green to blue, white disc) encoded once by Chromium's canvas. */
export const SAMPLE_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCABAAEADASIAAhEBAxEB/8QAGgABAQADAQEAAAAAAAAAAAAAAAECBQYEB//EACUQAAIBAgMJAQAAAAAAAAAAAAABAwIEBhETBRIhIjFBUWGRsf/EABkBAAMBAQEAAAAAAAAAAAAAAAADBQQCBv/EABwRAAMAAwEBAQAAAAAAAAAAAAABAgMEERMSQf/aAAwDAQACEQMRAD8AhQBcyeOABR0yAAKOmQAAHTIGIBTHMgeiwspr+5pggXF8W30pXlnVW2GbGKha7rmr7tvdXxDCtvRFsvXS55qnm/SeSX6bsG/xF7S0saxq7XWzSXOGbGSh6Drhr7NPeXxnLX1lNYXLgnWTXFNdKl5R9ENLiq3ok2Zrtc8NSyfp8GvwZit/XGG7pY/N3C40caUA3TJBMQCmOZA7HCtzTLszQz54anmvTeaf6bs+d2N5NYXCmgqya4NPpUvDOqtsTWMtC11XDX3TW8vqObxV3qL2lu4/NRb40bo0mKrmmPZqgz55qlkvS45/hbnE1jHQ9BVzVdklur6zlr68mvrlzT1Zt8El0pXhHeHDTrrDd3cfm4h9bPOAUozJBMQAY5kAUAdMgACjpkAAUdMgf//Z',
  'base64',
);

/**
 * The bytes behind a seeded material's storage key: `sample:png:<from>:<to>`,
 * `sample:jpeg`, `sample:wav:<seconds>`, `sample:mp4`. Null for any other key.
 */
export function sampleBytes(key) {
  const [scheme, kind, ...args] = String(key).split(':');
  if (scheme !== 'sample') return null;
  if (kind === 'png') return gradientPng(args[0], args[1]);
  if (kind === 'jpeg') return SAMPLE_JPEG;
  if (kind === 'wav') return toneWav(Number(args[0]));
  if (kind === 'mp4') return placeholderMp4();
  return null;
}
