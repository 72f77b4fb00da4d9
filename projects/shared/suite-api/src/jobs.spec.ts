import { Subject, lastValueFrom, toArray } from 'rxjs';
import type { SuiteEvent } from '@wechat-mfe/account-context';
import type { Job } from './models';
import type { SuiteClient } from './client';
import { isFinished, watchJob } from './jobs';

function job(status: Job['status'], done: number, id = 'job_1'): Job {
  return { id, type: 'fans.import', appid: 'wxa', status, progress: { done, total: 10 }, result: null, error: null, createdBy: 'usr_admin', createdAt: '', updatedAt: '' } as unknown as Job;
}

/** A client whose GET /api/jobs/{id} answers the given snapshots in turn (the last one repeats). */
function pollingClient(answers: Job[]): SuiteClient & { calls: number } {
  const client = {
    calls: 0,
    GET: () => {
      const answer = answers[Math.min(client.calls++, answers.length - 1)];
      return Promise.resolve({ data: answer, response: new Response('{}', { status: 200 }) });
    },
  };
  return client as unknown as SuiteClient & { calls: number };
}

describe('watchJob', () => {
  it('follows pushed progress of its own job until it finishes', async () => {
    const events = new Subject<SuiteEvent>();
    const client = pollingClient([job('running', 0)]);
    const seen = lastValueFrom(watchJob(client, events, 'job_1', 60_000).pipe(toArray()));
    await new Promise((r) => setTimeout(r));
    events.next({ type: 'job', data: job('running', 5) });
    events.next({ type: 'job', data: job('running', 5, 'job_other') });
    events.next({ type: 'allocation', data: {} });
    events.next({ type: 'job', data: job('succeeded', 10) });
    events.next({ type: 'job', data: job('succeeded', 10) });
    const snapshots = await seen;
    expect(snapshots.map((j) => `${j.status}:${j.progress.done}`)).toEqual(['running:0', 'running:5', 'succeeded:10']);
  });

  it('falls back to polling when no event arrives', async () => {
    const client = pollingClient([job('running', 1), job('running', 7), job('failed', 7)]);
    const snapshots = await lastValueFrom(watchJob(client, new Subject<SuiteEvent>(), 'job_1', 5).pipe(toArray()));
    expect(snapshots.map((j) => j.status)).toEqual(['running', 'running', 'failed']);
    expect(isFinished(snapshots[snapshots.length - 1])).toBeTrue();
  });
});
