import { Injectable, inject } from '@angular/core';
import { SUITE_CLIENT, unwrap, type Schemas } from '@wechat-mfe/suite-api';

/** A material as the suite API lists it. */
export type Material = Schemas['Material'];
/** The library's tabs: `image` (with thumbs), `voice`, `video`, `news` (articles). */
export type MaterialTab = Schemas['MaterialTab'];
export type MaterialPage = Schemas['MaterialPage'];

/** What the picker asks the server for. */
export interface MaterialPickerQuery {
  readonly type: MaterialTab;
  readonly q: string;
  readonly offset: number;
  readonly limit: number;
  /** Permanent materials only. */
  readonly permanentOnly?: boolean;
}

/** The picker's one call: live (`usable`) materials of one type, searched and paged on the server. */
@Injectable({ providedIn: 'root' })
export class MaterialPickerApi {
  private readonly client = inject(SUITE_CLIENT);

  list(appid: string, query: MaterialPickerQuery, signal?: AbortSignal): Promise<MaterialPage> {
    const { q, permanentOnly, ...rest } = query;
    return unwrap(
      this.client.GET('/api/wechat/accounts/{appid}/materials', {
        params: { path: { appid }, query: { ...rest, usable: true, ...(q ? { q } : {}), ...(permanentOnly ? { permanent: true } : {}) } },
        signal,
      }),
    );
  }
}
