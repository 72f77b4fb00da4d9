import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { fakeContext, loadLanguage, provideUiTesting } from '../../testing/ui-testing';
import { StaleNotice } from './stale-notice.component';

@Component({
  selector: 'wx-stale-host',
  imports: [StaleNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div class="scroller" style="height: 120px; overflow: auto">
    <div style="height: 2000px">form</div>
    @if (stale()) {
      <wx-stale-notice [changedAt]="at" (keepMine)="chosen.set('mine')" (takeTheirs)="chosen.set('theirs')" />
    }
  </div>`,
})
class StaleHost {
  readonly stale = signal(false);
  readonly chosen = signal('');
  readonly at = '2026-11-26T08:05:00Z';
}

describe('wx-stale-notice', () => {
  async function render() {
    const { context } = fakeContext();
    TestBed.configureTestingModule({ providers: provideUiTesting(context) });
    await loadLanguage('zh-CN');
    const fixture = TestBed.createComponent(StaleHost);
    document.body.appendChild(fixture.nativeElement);
    await fixture.whenStable();
    return fixture;
  }

  it('says when the other save happened, offers both choices, and scrolls itself into view below a long form', async () => {
    const fixture = await render();
    const scroller: HTMLElement = fixture.nativeElement.querySelector('.scroller');
    expect(scroller.scrollTop).toBe(0);
    fixture.componentInstance.stale.set(true);
    await fixture.whenStable();
    const notice: HTMLElement = fixture.nativeElement.querySelector('wx-stale-notice');
    expect(notice.getAttribute('role')).toBe('alert');
    expect(notice.textContent).toContain('2026-11-26');
    const box = notice.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    expect(scroller.scrollTop).toBeGreaterThan(1000);
    expect(box.top).toBeGreaterThanOrEqual(view.top - 1);
    expect(box.bottom).toBeLessThanOrEqual(view.bottom + 1);
    const [theirs, mine] = notice.querySelectorAll('button');
    mine.click();
    expect(fixture.componentInstance.chosen()).toBe('mine');
    theirs.click();
    expect(fixture.componentInstance.chosen()).toBe('theirs');
    fixture.nativeElement.remove();
  });
});
