import { TestBed } from '@angular/core/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { ProblemError } from '@wechat-mfe/suite-api';
import { MATERIALS_API_BASE } from '../data/materials-api';
import { MaterialUploader, wavSeconds } from './material-uploader';

/** Stands in for the browser's XMLHttpRequest: records what was sent and lets the test answer. */
class FakeXhr {
  static last: FakeXhr;
  readonly upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  response: unknown = null;
  responseType = '';
  withCredentials = false;
  method = '';
  url = '';
  body: FormData | null = null;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  send(body: FormData) {
    this.body = body;
  }
  abort() {
    this.onabort?.();
  }
  answer(status: number, response: unknown) {
    this.status = status;
    this.response = response;
    this.onload?.();
  }
}

describe('MaterialUploader', () => {
  const original = window.XMLHttpRequest;
  beforeEach(() => {
    (window as unknown as { XMLHttpRequest: unknown }).XMLHttpRequest = FakeXhr;
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection(), { provide: MATERIALS_API_BASE, useValue: '/suite/api' }] });
  });
  afterEach(() => ((window as unknown as { XMLHttpRequest: unknown }).XMLHttpRequest = original));

  const request = { appid: 'wx a', file: new Blob(['x']), fileName: '欢迎.amr', type: 'voice' as const, permanent: false, durationSeconds: 12 };

  it('posts the file and its fields as multipart, reports progress and resolves with the material', async () => {
    const progress: number[] = [];
    const done = TestBed.inject(MaterialUploader).upload(request, (f) => progress.push(f));
    const xhr = FakeXhr.last;
    expect([xhr.method, xhr.url, xhr.withCredentials, xhr.responseType]).toEqual(['POST', '/suite/api/wechat/accounts/wx%20a/materials', true, 'json']);
    expect([xhr.body!.get('type'), xhr.body!.get('permanent'), xhr.body!.get('durationSeconds')]).toEqual(['voice', 'false', '12']);
    expect((xhr.body!.get('media') as File).name).toBe('欢迎.amr');
    xhr.upload.onprogress!({ lengthComputable: true, loaded: 30, total: 120 } as ProgressEvent);
    xhr.answer(201, { mediaId: 'M1' });
    expect(await done).toEqual(jasmine.objectContaining({ mediaId: 'M1' }));
    expect(progress).toEqual([0.25, 1]);
  });

  it("turns the server's problem into a ProblemError, and a network failure into NETWORK", async () => {
    const uploader = TestBed.inject(MaterialUploader);
    const refused = uploader.upload(request, () => undefined);
    FakeXhr.last.answer(422, { code: 'WECHAT_45007', status: 422, errors: [{ field: 'durationSeconds', message: 'too long' }] });
    const error = await refused.catch((e: unknown) => e);
    expect(error).toEqual(jasmine.any(ProblemError));
    expect([(error as ProblemError).code, (error as ProblemError).fieldError('durationSeconds')]).toEqual(['WECHAT_45007', 'too long']);

    const offline = uploader.upload(request, () => undefined);
    FakeXhr.last.onerror!();
    expect(((await offline.catch((e: unknown) => e)) as ProblemError).code).toBe('NETWORK');
  });

  it('aborts with the signal', async () => {
    const abort = new AbortController();
    const pending = TestBed.inject(MaterialUploader).upload(request, () => undefined, abort.signal);
    abort.abort();
    expect(((await pending.catch((e: unknown) => e)) as DOMException).name).toBe('AbortError');
  });

  it('reads a WAV length from its header', () => {
    const wav = new Uint8Array(44);
    const view = new DataView(wav.buffer);
    [...'RIFF'].forEach((c, i) => (wav[i] = c.charCodeAt(0)));
    [...'WAVEfmt '].forEach((c, i) => (wav[8 + i] = c.charCodeAt(0)));
    view.setUint32(16, 16, true);
    view.setUint32(28, 8000, true);
    [...'data'].forEach((c, i) => (wav[36 + i] = c.charCodeAt(0)));
    view.setUint32(40, 24_000, true);
    expect(wavSeconds(wav)).toBe(3);
    expect(wavSeconds(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });
});
