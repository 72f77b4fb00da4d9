import { detectFormat, formatBytes, guessUploadType, uploadIssue } from './upload-rules';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const MP4 = new Uint8Array([0, 0, 0, 24, ...[...'ftypisom'].map((c) => c.charCodeAt(0))]);
const WAV = new Uint8Array([...'RIFF\0\0\0\0WAVE'].map((c) => c.charCodeAt(0)));
const HTML = new Uint8Array([...'<html><script>'].map((c) => c.charCodeAt(0)));
const MB = 1024 * 1024;

describe('upload rules', () => {
  it('recognises formats by their magic bytes', () => {
    expect(detectFormat(PNG)).toBe('png');
    expect(detectFormat(JPEG)).toBe('jpeg');
    expect(detectFormat(MP4)).toBe('mp4');
    expect(detectFormat(WAV)).toBe('wav');
    expect(detectFormat(HTML)).toBeNull();
  });

  it('takes each type up to its size limit and refuses one byte more', () => {
    expect(uploadIssue('image', { name: 'a.png', size: 10 * MB }, PNG)).toBeNull();
    expect(uploadIssue('image', { name: 'a.png', size: 10 * MB + 1 }, PNG)).toEqual({ key: 'tooLarge', params: { max: '10 MB', size: '10 MB' } });
    expect(uploadIssue('thumb', { name: 'a.jpg', size: 64 * 1024 }, JPEG)).toBeNull();
    expect(uploadIssue('thumb', { name: 'a.jpg', size: 64 * 1024 + 1 }, JPEG)?.key).toBe('tooLarge');
    expect(uploadIssue('voice', { name: 'a.wav', size: 2 * MB + 1 }, WAV)?.key).toBe('tooLarge');
    expect(uploadIssue('video', { name: 'a.mp4', size: 10 * MB }, MP4)).toBeNull();
    expect(uploadIssue('image', { name: 'a.png', size: 0 }, PNG)?.key).toBe('empty');
  });

  it('refuses a wrong extension, and a right extension on the wrong content', () => {
    expect(uploadIssue('image', { name: 'a.svg', size: 10 }, PNG)).toEqual({
      key: 'wrongExtension',
      params: { allowed: 'bmp / png / jpeg / jpg / gif', ext: 'svg' },
    });
    expect(uploadIssue('thumb', { name: 'a.png', size: 10 }, PNG)?.key).toBe('wrongExtension');
    expect(uploadIssue('image', { name: 'evil.png', size: 14 }, HTML)?.key).toBe('wrongContent');
    expect(uploadIssue('video', { name: 'a.mp4', size: 12 }, PNG)?.key).toBe('wrongContent');
  });

  it('bounds a measured voice to 60 s and leaves an unmeasured one to the server', () => {
    expect(uploadIssue('voice', { name: 'a.wav', size: 100 }, WAV, 60)).toBeNull();
    expect(uploadIssue('voice', { name: 'a.wav', size: 100 }, WAV, 60.4)).toEqual({ key: 'tooLong', params: { max: 60, seconds: 61 } });
    expect(uploadIssue('voice', { name: 'a.wav', size: 100 }, WAV)).toBeNull();
  });

  it('guesses the type from the extension and formats sizes', () => {
    expect(guessUploadType('a.MP3', 'image')).toBe('voice');
    expect(guessUploadType('a.mp4', 'image')).toBe('video');
    expect(guessUploadType('a.jpg', 'thumb')).toBe('thumb');
    expect(guessUploadType('a.txt', 'image')).toBe('image');
    expect(formatBytes(64 * 1024)).toBe('64 KB');
    expect(formatBytes(1536 * 1024)).toBe('1.5 MB');
  });
});
