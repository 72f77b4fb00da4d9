import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Prefetch } from './prefetch.directive';

@Component({
  imports: [Prefetch],
  template: `<button type="button" [wxPrefetch]="load">Open</button><ul [wxPrefetch]="load"><li tabindex="0">Row</li></ul>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  calls = 0;
  fail = false;
  readonly load = () => {
    this.calls++;
    return this.fail ? Promise.reject(new Error('offline')) : Promise.resolve();
  };
}

describe('wxPrefetch', () => {
  let attached: HTMLElement | null = null;
  afterEach(() => attached?.remove());

  async function setUp() {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    // In the document, so that focus() really focuses.
    attached = document.body.appendChild(fixture.nativeElement as HTMLElement);
    const button: HTMLButtonElement = fixture.nativeElement.querySelector('button');
    return { host: fixture.componentInstance, button };
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve));

  it('loads nothing until the pointer comes over the control, then once, whatever follows', async () => {
    const { host, button } = await setUp();
    expect(host.calls).toBe(0);
    button.dispatchEvent(new PointerEvent('pointerenter'));
    expect(host.calls).toBe(1);
    button.dispatchEvent(new PointerEvent('pointerenter'));
    button.focus();
    await settle();
    expect(host.calls).toBe(1);
  });

  it('loads when the control, or something inside it, gets keyboard focus', async () => {
    const { host, button } = await setUp();
    button.focus();
    expect(host.calls).toBe(1);
    button.parentElement!.querySelector<HTMLElement>('li')!.focus();
    expect(host.calls).toBe(2);
  });

  it('tries again at the next hover after a failed load, without an unhandled rejection', async () => {
    const { host, button } = await setUp();
    host.fail = true;
    button.dispatchEvent(new PointerEvent('pointerenter'));
    await settle();
    host.fail = false;
    button.dispatchEvent(new PointerEvent('pointerenter'));
    expect(host.calls).toBe(2);
    button.dispatchEvent(new PointerEvent('pointerenter'));
    await settle();
    expect(host.calls).toBe(2);
  });
});
