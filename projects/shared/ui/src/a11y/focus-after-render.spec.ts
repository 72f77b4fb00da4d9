import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { focusAfterRender } from './focus-after-render';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<button id="first">First</button>@if (shown()) {<input id="later" />}`,
})
class Host {
  readonly shown = signal(false);
  readonly host: HTMLElement = inject(ElementRef).nativeElement;
  readonly injector = inject(Injector);
  constructor() {
    focusAfterRender(this.host, '#first');
  }
  showLater(): void {
    this.shown.set(true);
    focusAfterRender(this.host, '#later', this.injector);
  }
}

describe('focusAfterRender', () => {
  it('focuses the match after the next render, in the constructor and with an injector for an element not rendered yet', async () => {
    const fixture = TestBed.createComponent(Host);
    document.body.appendChild(fixture.nativeElement);
    await fixture.whenStable();
    expect(document.activeElement?.id).toBe('first');

    fixture.componentInstance.showLater();
    // Not there before the render: focusing synchronously would have found nothing.
    expect(fixture.nativeElement.querySelector('#later')).toBeNull();
    await fixture.whenStable();
    expect(document.activeElement?.id).toBe('later');
    fixture.nativeElement.remove();
  });

  it('does nothing when nothing matches', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const before = document.activeElement;
    focusAfterRender(fixture.nativeElement, '#missing', fixture.componentInstance.injector);
    await fixture.whenStable();
    expect(document.activeElement).toBe(before);
  });
});
