import { Injectable, inject } from '@angular/core';
import { SUITE_CLIENT, ifMatch, unwrap, type Schemas } from '@wechat-mfe/suite-api';

/** A channel QR code as the suite API describes it. */
export type QrCode = Schemas['QrCode'];
export type QrCodeCreate = Schemas['QrCodeCreate'];
export type QrCodeUpdate = Schemas['QrCodeUpdate'];
export type QrCodeKind = Schemas['QrCodeKind'];
/**
 * The reply sent on scan: `{type: 'text', content}` now; `{type: 'material', mediaId}` once the
 * shared material picker exists (the API takes both already).
 */
export type QrCodeReply = Schemas['QrCodeReply'];
export type QrCodePage = Schemas['QrCodePage'];
export type QrCodeStats = Schemas['QrCodeStats'];
export type QrCodeScanPage = Schemas['QrCodeScanPage'];
export type Tag = Schemas['Tag'];

/** What the list asks the server for: search, filter, sort and page all happen there. */
export interface QrCodeQuery {
  readonly q: string;
  readonly kind: QrCodeKind | null;
  readonly sort: 'createdAt' | 'name' | 'scans' | 'follows' | 'expiresAt';
  readonly order: 'asc' | 'desc';
  readonly offset: number;
  readonly limit: number;
}

/** The QR code endpoints of the suite API, one method per call; failures throw `ProblemError`. */
@Injectable({ providedIn: 'root' })
export class QrCodesApi {
  private readonly client = inject(SUITE_CLIENT);

  list(appid: string, query: QrCodeQuery, signal?: AbortSignal): Promise<QrCodePage> {
    const { q, kind, ...rest } = query;
    return unwrap(
      this.client.GET('/api/wechat/accounts/{appid}/qrcodes', {
        params: { path: { appid }, query: { ...rest, ...(q ? { q } : {}), ...(kind ? { kind } : {}) } },
        signal,
      }),
    );
  }

  get(appid: string, qrCodeId: number, signal?: AbortSignal): Promise<QrCode> {
    return unwrap(this.client.GET('/api/wechat/accounts/{appid}/qrcodes/{qrCodeId}', { params: { path: { appid, qrCodeId } }, signal }));
  }

  create(appid: string, body: QrCodeCreate): Promise<QrCode> {
    return unwrap(this.client.POST('/api/wechat/accounts/{appid}/qrcodes', { params: { path: { appid } }, body }));
  }

  /** Over `revision` (the code as the editor opened it): someone else's change meanwhile is refused (`STALE`). */
  update(appid: string, qrCodeId: number, body: QrCodeUpdate, revision: string): Promise<QrCode> {
    return unwrap(
      this.client.PATCH('/api/wechat/accounts/{appid}/qrcodes/{qrCodeId}', { params: { path: { appid, qrCodeId }, header: ifMatch(revision) }, body }),
    );
  }

  /** Deletes a temporary code (permanent ones cannot be deleted: the server answers CONFLICT). */
  remove(appid: string, qrCodeId: number): Promise<unknown> {
    return unwrap(this.client.DELETE('/api/wechat/accounts/{appid}/qrcodes/{qrCodeId}', { params: { path: { appid, qrCodeId } } }));
  }

  stats(appid: string, qrCodeId: number, days = 30, signal?: AbortSignal): Promise<QrCodeStats> {
    return unwrap(
      this.client.GET('/api/wechat/accounts/{appid}/qrcodes/{qrCodeId}/stats', {
        params: { path: { appid, qrCodeId }, query: { days } },
        signal,
      }),
    );
  }

  scans(appid: string, qrCodeId: number, limit = 20, signal?: AbortSignal): Promise<QrCodeScanPage> {
    return unwrap(
      this.client.GET('/api/wechat/accounts/{appid}/qrcodes/{qrCodeId}/scans', {
        params: { path: { appid, qrCodeId }, query: { limit } },
        signal,
      }),
    );
  }

  async tags(appid: string, signal?: AbortSignal): Promise<Tag[]> {
    return (await unwrap(this.client.GET('/api/wechat/accounts/{appid}/tags', { params: { path: { appid } }, signal }))).items;
  }
}
