import { Injectable, inject } from '@angular/core';
import { SUITE_CLIENT, unwrap, type Schemas } from '@wechat-mfe/suite-api';
import type { SegmentDocument } from '../model';

export type EventCatalogue = Schemas['WidgetEventCatalogue'];

/** The segment editor's calls: the live count of a document, and what an account's events can name. */
@Injectable({ providedIn: 'root' })
export class SegmentApi {
  private readonly client = inject(SUITE_CLIENT);
  private readonly catalogues = new Map<string, Promise<EventCatalogue>>();

  async count(doc: SegmentDocument, signal?: AbortSignal): Promise<number> {
    const body = doc as unknown as Schemas['SegmentConditionDocument'];
    return (await unwrap(this.client.POST('/api/segments/evaluate', { body, signal }))).count;
  }

  /** QR codes and live menu buttons of an account, fetched once per widget instance. */
  catalogue(appid: string): Promise<EventCatalogue> {
    let pending = this.catalogues.get(appid);
    if (!pending) {
      pending = unwrap(this.client.GET('/api/widgets/accounts/{appid}/event-catalogue', { params: { path: { appid } } }));
      pending.catch(() => this.catalogues.delete(appid));
      this.catalogues.set(appid, pending);
    }
    return pending;
  }
}
