import { Injectable, inject } from '@angular/core';
import { SUITE_CLIENT, unwrap, type Schemas } from '@wechat-mfe/suite-api';

export type Contact = Schemas['Contact'];
export type ContactAccount = Schemas['ContactAccount'];
export type ContactPage = Schemas['ContactPage'];

/** What the contact list asks the server for. */
export interface ContactQuery {
  /** Empty: every account the user may use, plus those shared with their department. */
  readonly appids: readonly string[];
  /** Part of a name, phone or email; empty for none. */
  readonly q: string;
  readonly offset: number;
  readonly limit: number;
}

/** The host contact endpoints of the suite API; failures throw `ProblemError`. */
@Injectable({ providedIn: 'root' })
export class ContactsApi {
  private readonly client = inject(SUITE_CLIENT);

  list({ appids, q, offset, limit }: ContactQuery, signal?: AbortSignal): Promise<ContactPage> {
    const query = {
      ...(appids.length ? { appids: [...appids] } : {}),
      ...(q.trim() ? { q: q.trim() } : {}),
      offset,
      limit,
    };
    return unwrap(this.client.GET('/api/contacts', { params: { query }, signal }));
  }
}
