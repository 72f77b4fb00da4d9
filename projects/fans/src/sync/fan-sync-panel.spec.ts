import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideStore } from '@ngrx/store';
import { provideEffects } from '@ngrx/effects';
import { Subject, of } from 'rxjs';
import type { Job } from '@wechat-mfe/suite-api';
import { fakeContext, loadLanguage, provideUiTesting, WxButtonHarness } from '@wechat-mfe/ui/testing';
import { FanSyncApi, type FanSyncResult, type FanSyncState } from './fan-sync-api';
import { FanSyncEffects } from './fan-sync.effects';
import { fanSyncFeature } from './fan-sync.store';
import { FanSyncPanel } from './fan-sync-panel';
import zh from '../i18n/zh-CN.json';
import en from '../i18n/en.json';

@Component({
  imports: [FanSyncPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<wx-fan-sync-panel [appid]="appid()" (synced)="synced.push($event)" />`,
})
class Host {
  readonly appid = signal('wx-service');
  readonly synced: FanSyncResult[] = [];
}

const job = (patch: Partial<Job>): Job => ({
  id: 'job-1',
  type: 'fans.sync',
  appid: 'wx-service',
  status: 'running',
  progress: { done: 0, total: 1900 },
  result: null,
  error: null,
  createdBy: 'marketer',
  createdAt: '2026-11-25T00:00:00.000Z',
  updatedAt: '2026-11-25T00:00:00.000Z',
  ...patch,
});

const failedRun: NonNullable<FanSyncState['run']> = {
  status: 'failed',
  resumable: true,
  done: 1000,
  total: 1900,
  pages: 0,
  counts: { created: 0, updated: 0, unchanged: 1000, unsubscribed: 0 },
  startedAt: '2026-11-25T00:00:00.000Z',
  updatedAt: '2026-11-25T00:01:00.000Z',
};

describe('wx-fan-sync-panel (sync job state and resume)', () => {
  let api: jasmine.SpyObj<FanSyncApi>;
  let updates: Subject<Job>;

  async function render(state: FanSyncState = { run: null, activeJobId: null }, running: Job | null = null, latest: Job | null = null) {
    const { context } = fakeContext();
    await context.refresh();
    updates = new Subject<Job>();
    api = jasmine.createSpyObj<FanSyncApi>('FanSyncApi', ['state', 'start', 'running', 'latest', 'watch']);
    api.state.and.resolveTo(state);
    api.latest.and.resolveTo(latest);
    api.running.and.returnValue(of(running));
    api.start.and.resolveTo('job-1');
    api.watch.and.returnValue(updates);
    TestBed.configureTestingModule({
      providers: [
        ...provideUiTesting(context, { 'zh-CN': async () => zh, en: async () => en }),
        provideStore({ [fanSyncFeature.name]: fanSyncFeature.reducer }),
        provideEffects(FanSyncEffects),
        { provide: FanSyncApi, useValue: api },
      ],
    });
    await loadLanguage('zh-CN');
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const button = () => loader.getHarness(WxButtonHarness);
    const push = async (snapshot: Job) => {
      updates.next(snapshot);
      await fixture.whenStable();
    };
    const text = (selector: string) => element.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
    return { fixture, element, button, push, text, context };
  }

  it('starts, shows progress, maps a 45009 failure, offers "Resume", and shows the finished result', async () => {
    const { button, push, text, fixture, context } = await render();
    expect(await (await button()).getText()).toBe('同步微信粉丝');
    await (await button()).click();
    await fixture.whenStable();
    expect(api.start).toHaveBeenCalledOnceWith('wx-service');
    expect(api.watch).toHaveBeenCalledWith('job-1');
    await push(job({ progress: { done: 500, total: 1900 } }));
    expect(text('.wx-job-count')).toBe('500 / 1,900');
    expect(await (await button()).isDisabled()).toBeTrue();

    await push(job({ status: 'failed', progress: { done: 1000, total: 1900 }, error: { code: 'WECHAT_45009', status: 422 } as Job['error'] }));
    expect(text('[role="alert"]')).toContain('上限');
    expect(await (await button()).getText()).toBe('继续同步');
    expect(await (await button()).isDisabled()).toBeFalse();

    updates = new Subject<Job>();
    api.watch.and.returnValue(updates);
    api.start.and.resolveTo('job-2');
    await (await button()).click();
    await fixture.whenStable();
    expect(api.start).toHaveBeenCalledTimes(2);
    expect(api.watch).toHaveBeenCalledWith('job-2');
    await push(job({ id: 'job-2', progress: { done: 1000, total: 1900 } }));
    expect(text('.wx-job-count')).toBe('1,000 / 1,900');
    expect(text('[role="alert"]')).toBeNull();

    const result: FanSyncResult = { total: 1900, created: 12, updated: 3, unchanged: 1884, unsubscribed: 1, pages: 1, resumedFrom: 1000 };
    await push(job({ id: 'job-2', status: 'succeeded', progress: { done: 1900, total: 1900 }, result }));
    expect(text('[data-testid="fan-sync-result"] .result-title')).toBe('同步完成：微信共列出 1,900 位关注者。 （从第 1,000 位继续）');
    const counts = [...fixture.nativeElement.querySelectorAll('.counts div')].map((d: Element) => d.textContent?.trim());
    expect(counts).toEqual(['新增12', '更新3', '已取消关注1', '无变化1,884']);
    expect(fixture.componentInstance.synced).toEqual([result]);
    expect(await (await button()).getText()).toBe('同步微信粉丝');

    context.setLocale('en');
    await fixture.whenStable();
    expect(await (await button()).getText()).toBe('Sync WeChat fans');
    expect(text('[data-testid="fan-sync-result"] .result-title')).toContain('Sync finished: WeChat lists 1,900 followers.');
  });

  it('after a reload, offers to resume an unfinished run and says where it stopped', async () => {
    const { button, text } = await render({ run: failedRun, activeJobId: null });
    expect(await (await button()).getText()).toBe('继续同步');
    expect(text('.hint')).toBe('上次同步在 1,000 / 1,900 处中断，将从中断的那一页继续。');
    expect(api.watch).not.toHaveBeenCalled();
  });

  it('after a reload, shows the last sync\'s mapped failure with "Resume", or its result', async () => {
    const failed = job({ status: 'failed', progress: { done: 1000, total: 1900 }, error: { code: 'WECHAT_45009', status: 422 } as Job['error'] });
    const { button, text } = await render({ run: failedRun, activeJobId: null }, null, failed);
    expect(await (await button()).getText()).toBe('继续同步');
    expect(text('[role="alert"]')).toContain('上限');
    expect(text('.wx-job-count')).toBe('1,000 / 1,900');
    expect(api.watch).not.toHaveBeenCalled();
    TestBed.resetTestingModule();

    const result: FanSyncResult = { total: 1900, created: 1, updated: 0, unchanged: 1899, unsubscribed: 0, pages: 1, resumedFrom: null };
    const done = job({ status: 'succeeded', progress: { done: 1900, total: 1900 }, result });
    const again = await render({ run: { ...failedRun, status: 'succeeded', resumable: false }, activeJobId: null }, null, done);
    expect(await (await again.button()).getText()).toBe('同步微信粉丝');
    expect(again.text('[data-testid="fan-sync-result"] .result-title')).toBe('同步完成：微信共列出 1,900 位关注者。');
  });

  it('finds a sync still running after a navigation and follows it', async () => {
    const running = job({ id: 'job-7', progress: { done: 4000, total: 9500 } });
    const { button, push, text } = await render({ run: { ...failedRun, status: 'running' }, activeJobId: 'job-7' }, running);
    expect(api.watch).toHaveBeenCalledWith('job-7');
    expect(text('.wx-job-count')).toBe('4,000 / 9,500');
    expect(await (await button()).isDisabled()).toBeTrue();
    await push(job({ id: 'job-7', progress: { done: 5000, total: 9500 } }));
    expect(text('.wx-job-count')).toBe('5,000 / 9,500');
    expect(api.start).not.toHaveBeenCalled();
  });

  it('keeps the button usable and explains when the start itself is refused', async () => {
    const { button, text, fixture } = await render();
    api.start.and.rejectWith({ status: 409, code: 'CONFLICT', detail: 'running' });
    await (await button()).click();
    await fixture.whenStable();
    expect(text('[role="alert"]')).toBeTruthy();
    expect(await (await button()).isDisabled()).toBeFalse();
    expect(api.watch).not.toHaveBeenCalled();
  });
});

describe('fan sync store', () => {
  it('answers no progress before a job, and only an unfinished run is resumable', () => {
    const { reducer } = fanSyncFeature;
    const opened = reducer(undefined, { type: '[Fan Sync Panel] Opened', appid: 'a' } as never);
    const idle = reducer(opened, { type: '[Fan Sync API] State Loaded', appid: 'a', run: { ...failedRun, status: 'succeeded', resumable: false }, job: null } as never);
    expect(fanSyncFeature.selectResumable.projector(idle.job, idle.run, idle.phase)).toBeFalse();
    expect(fanSyncFeature.selectProgress.projector(idle.job, idle.run, idle.phase)).toBeNull();
    const stopped = reducer(opened, { type: '[Fan Sync API] State Loaded', appid: 'a', run: failedRun, job: null } as never);
    expect(stopped.phase).toBe('failed');
    expect(fanSyncFeature.selectResumable.projector(stopped.job, stopped.run, stopped.phase)).toBeTrue();
    // An answer about another account changes nothing.
    expect(reducer(stopped, { type: '[Fan Sync API] Job Updated', appid: 'b', job: job({}) } as never)).toBe(stopped);
    // Starting a resumable run shows where it will continue from, before the job answers.
    const starting = reducer(stopped, { type: '[Fan Sync Panel] Sync Clicked' } as never);
    expect(fanSyncFeature.selectProgress.projector(starting.job, starting.run, starting.phase)).toEqual({
      status: 'queued',
      progress: { done: 1000, total: 1900 },
    });
  });
});
