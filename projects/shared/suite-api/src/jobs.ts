import { Observable, filter, map, merge, switchMap, takeWhile, timer, from, distinctUntilChanged, share, startWith } from 'rxjs';
import type { SuiteEvent } from '@wechat-mfe/account-context';
import type { Job } from './models';
import { SuiteClient, unwrap } from './client';

/** Whether a job will change no more. */
export function isFinished(job: Pick<Job, 'status'>): boolean {
  return job.status === 'succeeded' || job.status === 'failed' || job.status === 'cancelled';
}

/**
 * Follows one job until it finishes: progress pushed on the event stream, plus polling every
 * `pollMs` as the fallback for when the stream drops. Emits each new snapshot, last one finished.
 */
export function watchJob(client: SuiteClient, events$: Observable<SuiteEvent>, jobId: string, pollMs = 2000): Observable<Job> {
  const pushed$ = events$.pipe(
    filter((event) => event.type === 'job'),
    map((event) => event.data as Job),
    filter((job) => job.id === jobId),
  );
  const polled$ = timer(0, pollMs).pipe(switchMap(() => from(unwrap(client.GET('/api/jobs/{jobId}', { params: { path: { jobId } } })))));
  return merge(pushed$, polled$).pipe(
    distinctUntilChanged((a, b) => a.status === b.status && a.progress.done === b.progress.done && a.progress.total === b.progress.total),
    takeWhile((job) => !isFinished(job), true),
    share(),
  );
}

/** The user's queued or running jobs, so a page can find its running job again after a reload. */
export function activeJobs(client: SuiteClient, type?: string): Observable<Job[]> {
  return from(unwrap(client.GET('/api/jobs', { params: { query: { active: true } } }))).pipe(
    map((list) => list.items.filter((job) => !type || job.type === type)),
    startWith([] as Job[]),
  );
}
