import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { SUITE_CLIENT, unwrap, watchJob, type Job } from '@wechat-mfe/suite-api';
import { ACCOUNT_CONTEXT } from '@wechat-mfe/ui';

/** The account binding calls of the suite API, kept out of the page component. */
@Injectable({ providedIn: 'root' })
export class BindingService {
  private readonly client = inject(SUITE_CLIENT);
  private readonly context = inject(ACCOUNT_CONTEXT);

  /** Starts WeChat's authorization (a new account, or re-authorizing `appid`) and returns its page URL. */
  async authorizeUrl(appid?: string): Promise<string> {
    const body = appid ? { appid } : {};
    const authorization = await unwrap(this.client.POST('/api/wechat/authorizations', { body }));
    return authorization.authorizeUrl;
  }

  /** Unbinds; WeChat must have cancelled the authorization first (else WECHAT_STILL_AUTHORIZED). */
  async unbind(appid: string): Promise<void> {
    await unwrap(this.client.DELETE('/api/wechat/accounts/{appid}', { params: { path: { appid } } }));
    await this.context.refresh();
  }

  /** Follows the initial fan import that binding started. */
  importProgress(jobId: string): Observable<Job> {
    return watchJob(this.client, this.context.events$, jobId);
  }
}
