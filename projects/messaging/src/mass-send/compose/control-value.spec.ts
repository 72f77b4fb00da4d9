import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ControlValue } from './control-value';

@Component({
  imports: [ControlValue],
  template: `<input aria-label="probe" [wxControlValue]="value()" (input)="value.set($any($event.target).value)" />`,
})
class Probe {
  readonly value = signal('first');
}

describe('ControlValue', () => {
  async function render() {
    const fixture = TestBed.createComponent(Probe);
    await fixture.whenStable();
    const input: HTMLInputElement = fixture.nativeElement.querySelector('input');
    // Count the writes to the element's value (the prototype's accessor does the work).
    const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
    const writes: string[] = [];
    Object.defineProperty(input, 'value', {
      configurable: true,
      get: () => native.get!.call(input),
      set: (value: string) => {
        writes.push(value);
        native.set!.call(input, value);
      },
    });
    return { fixture, input, writes };
  }

  it('shows the bound value, and a value set from outside later', async () => {
    const { fixture, input } = await render();
    expect(input.value).toBe('first');
    fixture.componentInstance.value.set('reset');
    await fixture.whenStable();
    expect(input.value).toBe('reset');
  });

  it('does not write back what the user typed (a half-typed datetime-local reports "" and would be wiped)', async () => {
    const { fixture, input, writes } = await render();
    input.value = 'typed';
    writes.length = 0;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(fixture.componentInstance.value()).toBe('typed');
    expect(writes).toEqual([]);
    fixture.componentInstance.value.set('');
    await fixture.whenStable();
    expect(writes).toEqual(['']);
  });
});
