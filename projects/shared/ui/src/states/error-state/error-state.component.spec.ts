import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Problem } from '../../problems/problem';
import { fakeContext, provideUiTesting } from '../../testing/ui-testing';
import { ErrorState } from './error-state.component';

@Component({
  imports: [ErrorState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<wx-error-state [problem]="problem()" [retryable]="retryable()" (retry)="retries = retries + 1" />`,
})
class Host {
  readonly problem = signal<Problem | null>(null);
  readonly retryable = signal(true);
  retries = 0;
}

describe('wx-error-state', () => {
  async function render(problem: Problem | null) {
    const { context } = fakeContext();
    TestBed.configureTestingModule({ providers: provideUiTesting(context) });
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.problem.set(problem);
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement.querySelector('wx-error-state');
    return { context, fixture, element, buttons: () => [...element.querySelectorAll('button')] };
  }

  it('is an alert with a heading, the mapped message and the server detail as text', async () => {
    const { element } = await render({ code: 'WECHAT_45015', detail: '<b>out of window</b>' });
    expect(element.getAttribute('role')).toBe('alert');
    expect(element.querySelector('h2')?.textContent).toBe('出错了');
    expect(element.querySelector('.wx-error-message')?.textContent).toContain('48 小时');
    expect(element.querySelector('.wx-error-detail')?.textContent).toBe('<b>out of window</b>');
    expect(element.querySelector('b')).toBeNull();
    // The detail is one click away, behind a translated disclosure.
    const more = element.querySelector('details');
    expect(more?.open).toBeFalse();
    expect(more?.querySelector('summary')?.textContent).toBe('技术详情');
    expect(more?.contains(element.querySelector('.wx-error-detail'))).toBeTrue();
  });

  it('lists field errors of a validation problem', async () => {
    const { element } = await render({ code: 'VALIDATION', errors: [{ field: 'name', message: 'required' }] });
    expect(element.querySelector('li')?.textContent).toBe('name: required');
  });

  it('emits retry from a real button, and hides it when retrying cannot help', async () => {
    const { fixture, buttons } = await render({ code: 'NETWORK' });
    const button = buttons().find((b) => b.textContent?.trim() === '重试');
    expect(button?.type).toBe('button');
    button?.click();
    expect(fixture.componentInstance.retries).toBe(1);
    fixture.componentInstance.retryable.set(false);
    await fixture.whenStable();
    expect(buttons()).toEqual([]);
  });

  it('switches language with the context', async () => {
    const { context, fixture, element, buttons } = await render({ code: 'WECHAT_99999' });
    context.setLocale('en');
    await fixture.whenStable();
    expect(element.querySelector('.wx-error-message')?.textContent).toBe('WeChat refused the request (errcode 99999).');
    expect(buttons().map((b) => b.textContent?.trim())).toEqual(['Try again']);
  });
});
