import { Injectable, inject } from '@angular/core';
import { ProblemError } from '@wechat-mfe/suite-api';
import { MATERIALS_API_BASE, type Material } from '../data/materials-api';
import type { UploadType } from './upload-rules';

/** One file to upload and how. */
export interface UploadRequest {
  readonly appid: string;
  readonly file: Blob;
  readonly fileName: string;
  readonly type: UploadType;
  readonly permanent: boolean;
  /** A voice's length when the browser could not measure it (the server measures WAV itself). */
  readonly durationSeconds?: number;
}

/**
 * Posts a material as multipart/form-data with XMLHttpRequest, reporting upload progress (fetch
 * cannot). Resolves with the new material; rejects with a `ProblemError` (the server's problem,
 * or `NETWORK`), or an `AbortError` when `signal` aborts.
 */
@Injectable({ providedIn: 'root' })
export class MaterialUploader {
  private readonly base = inject(MATERIALS_API_BASE);

  upload(request: UploadRequest, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<Material> {
    const form = new FormData();
    form.append('type', request.type);
    form.append('permanent', String(request.permanent));
    if (request.durationSeconds !== undefined) form.append('durationSeconds', String(request.durationSeconds));
    form.append('media', request.file, request.fileName);
    const xhr = new XMLHttpRequest();
    return new Promise<Material>((resolve, reject) => {
      xhr.open('POST', `${this.base}/wechat/accounts/${encodeURIComponent(request.appid)}/materials`);
      xhr.withCredentials = true;
      xhr.responseType = 'json';
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
      };
      xhr.onload = () => {
        if (xhr.status === 201) {
          onProgress(1);
          resolve(xhr.response as Material);
          return;
        }
        const body = (xhr.response ?? {}) as { code?: string };
        reject(new ProblemError({ ...body, status: xhr.status, code: body.code ?? `HTTP_${xhr.status}` }));
      };
      xhr.onerror = () => reject(new ProblemError({ status: 0, code: 'NETWORK' }));
      xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
      signal?.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send(form);
    });
  }
}

/** A WAV file's length from its header (byte rate and data size), or undefined. */
export function wavSeconds(head: Uint8Array): number | undefined {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const id = (at: number) => String.fromCharCode(...head.subarray(at, at + 4));
  if (head.length < 12 || id(0) !== 'RIFF' || id(8) !== 'WAVE') return undefined;
  let offset = 12;
  let byteRate = 0;
  while (offset + 8 <= head.length) {
    const size = view.getUint32(offset + 4, true);
    if (id(offset) === 'fmt ' && offset + 16 <= head.length) byteRate = view.getUint32(offset + 16, true);
    if (id(offset) === 'data') return byteRate > 0 ? size / byteRate : undefined;
    offset += 8 + size + (size % 2);
  }
  return undefined;
}
