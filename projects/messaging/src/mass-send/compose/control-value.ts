import { Directive, ElementRef, effect, inject, input } from '@angular/core';

/**
 * Shows a value in a text-like control (input, textarea, datetime-local) without fighting the
 * user: the element is written only when it shows something else. A plain `[value]` binding
 * would rewrite it whenever the bound value changes, and a `datetime-local` whose segment is
 * being retyped reports "" while it still shows the others: writing "" back would wipe them.
 */
@Directive({ selector: 'input[wxControlValue], textarea[wxControlValue]' })
export class ControlValue {
  readonly wxControlValue = input.required<string>();

  constructor() {
    const element: HTMLInputElement | HTMLTextAreaElement = inject(ElementRef).nativeElement;
    effect(() => {
      const value = this.wxControlValue();
      if (element.value !== value) element.value = value;
    });
  }
}
