import { Injectable, inject } from '@angular/core';
import { Observable, last, map } from 'rxjs';
import { SUITE_CLIENT, activeJobs, unwrap, watchJob, type Job, type Schemas } from '@wechat-mfe/suite-api';
import { ACCOUNT_CONTEXT } from '@wechat-mfe/ui';

export type FanSyncState = Schemas['FanSyncState'];
export type FanSyncRun = NonNullable<FanSyncState['run']>;
export type FanSyncResult = Schemas['FanSyncResult'];

/** The job type of "Sync WeChat fans" on the suite's job engine. */
export const FANS_SYNC_JOB = 'fans.sync';

/** "Sync WeChat fans" calls of the suite API; failures throw `ProblemError`. */
@Injectable({ providedIn: 'root' })
export class FanSyncApi {
  private readonly client = inject(SUITE_CLIENT);
  private readonly context = inject(ACCOUNT_CONTEXT);

  /** Where the account's sync stands: its last run (resumable or not) and the running job. */
  state(appid: string): Promise<FanSyncState> {
    return unwrap(this.client.GET('/api/wechat/accounts/{appid}/fans/sync', { params: { path: { appid } } }));
  }

  /** Starts a sync; the server resumes an unfinished run, or answers the running job. */
  async start(appid: string): Promise<string> {
    return (await unwrap(this.client.POST('/api/wechat/accounts/{appid}/fans/sync', { params: { path: { appid } } }))).jobId;
  }

  /** The user's running sync of `appid`, if any (found again after a navigation or reload); emits once. */
  running(appid: string): Observable<Job | null> {
    // activeJobs starts with [] before the server answers: only its answer counts here.
    return activeJobs(this.client, FANS_SYNC_JOB).pipe(
      last(),
      map((jobs) => jobs.find((job) => job.appid === appid) ?? null),
    );
  }

  /** The user's newest sync job of `appid` whatever its status (its result or error after a reload). */
  async latest(appid: string): Promise<Job | null> {
    const list = await unwrap(this.client.GET('/api/jobs'));
    return list.items.find((job) => job.type === FANS_SYNC_JOB && job.appid === appid) ?? null;
  }

  /** Each snapshot of the job until it finishes (event stream, polling as the fallback). */
  watch(jobId: string): Observable<Job> {
    return watchJob(this.client, this.context.events$, jobId);
  }
}
