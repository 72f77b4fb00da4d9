import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { fakeContext, provideUiTesting } from '../../testing/ui-testing';
import { JobProgress, JobProgressView } from './job-progress.component';

@Component({
  imports: [JobProgress],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<wx-job-progress [job]="job()" />`,
})
class Host {
  readonly job = signal<JobProgressView>({ status: 'running', progress: { done: 1234, total: 2000 } });
}

describe('wx-job-progress', () => {
  async function render() {
    const { context } = fakeContext();
    TestBed.configureTestingModule({ providers: provideUiTesting(context) });
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    const bar = element.querySelector('[role="progressbar"], progress') as HTMLProgressElement;
    const set = async (job: JobProgressView) => {
      fixture.componentInstance.job.set(job);
      await fixture.whenStable();
    };
    return { context, fixture, element, bar, set };
  }

  it('shows "1,234 / 2,000" with a determinate bar and matching aria values', async () => {
    const { element, bar } = await render();
    expect(element.querySelector('.wx-job-count')?.textContent).toBe('1,234 / 2,000');
    expect(element.querySelector('[role="status"]')?.textContent).toBe('进行中');
    expect(bar.matches(':indeterminate')).toBeFalse();
    expect(bar.value).toBe(61);
    expect(bar.getAttribute('aria-valuetext')).toBe('1,234 / 2,000');
    expect(bar.getAttribute('aria-label')).toBe('任务进度');
  });

  it('is indeterminate while running towards an unknown total', async () => {
    const { element, bar, set } = await render();
    await set({ status: 'running', progress: { done: 300, total: null } });
    expect(bar.matches(':indeterminate')).toBeTrue();
    expect(bar.hasAttribute('value')).toBeFalse();
    expect(element.querySelector('.wx-job-count')?.textContent).toBe('已处理 300 项');
  });

  it("never shows an unfinished job as 100 %, and shows a failed job's reason", async () => {
    const { element, bar, set } = await render();
    await set({ status: 'running', progress: { done: 1999, total: 2000 } });
    expect(bar.value).toBe(99);
    await set({ status: 'failed', progress: { done: 10, total: 2000 }, error: { code: 'WECHAT_45009' } });
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('上限');
  });

  it('follows the language', async () => {
    const { context, fixture, element } = await render();
    context.setLocale('en');
    await fixture.whenStable();
    expect(element.querySelector('[role="status"]')?.textContent).toBe('In progress');
    expect(element.querySelector('.wx-job-count')?.textContent).toBe('1,234 / 2,000');
  });
});
