import { ChangeDetectionStrategy, Component, DestroyRef, Directive, booleanAttribute, computed, inject, input, signal } from '@angular/core';

let nextId = 0;

/**
 * A labelled native control with its hints and error, in the suite's look (the global `.wx-field`
 * styles, ADR 0005): a few hundred bytes instead of Material's form field. It gives the projected
 * `wxFieldControl` its id, `aria-describedby` (hints, then the error) and `aria-invalid`, so a
 * screen reader announces the label, the counter and the problem with the control.
 *
 * ```html
 * <wx-field [label]="'menus.form.name' | transloco" [error]="nameError">
 *   <input wxFieldControl [value]="name" (input)="..." />
 *   <span wxHint end [over]="bytes > 16">{{ bytes }} / 16</span>
 * </wx-field>
 * ```
 */
@Component({
  selector: 'wx-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'wx-field', '[class.invalid]': '!!error()' },
  template: `
    <label class="wx-field-label" [attr.for]="controlId">{{ label() }}</label>
    <ng-content />
    <div class="wx-field-subscript" aria-live="polite">
      @if (error(); as error) {
        <p class="wx-field-error" [id]="errorId">{{ error }}</p>
      }
      <ng-content select="[wxHint]" />
    </div>
  `,
})
export class Field {
  /** The translated label. */
  readonly label = input.required<string>();
  /** The translated problem of the control, or null; shown below it and marks it invalid. */
  readonly error = input<string | null | undefined>(null);

  readonly controlId = `wx-field-${nextId++}`;
  protected readonly errorId = `${this.controlId}-error`;
  private readonly hintIds = signal<readonly string[]>([]);

  /** Hints first, then the error, as a screen reader should read them after the label. */
  readonly describedBy = computed(() => [...this.hintIds(), ...(this.error() ? [this.errorId] : [])].join(' ') || null);

  addHint(id: string): void {
    this.hintIds.update((ids) => [...ids, id]);
  }

  removeHint(id: string): void {
    this.hintIds.update((ids) => ids.filter((i) => i !== id));
  }
}

/** The native input, select or textarea of a `wx-field`. */
@Directive({
  selector: '[wxFieldControl]',
  host: {
    '[id]': 'field.controlId',
    '[attr.aria-describedby]': 'field.describedBy()',
    '[attr.aria-invalid]': "field.error() ? 'true' : null",
  },
})
export class FieldControl {
  protected readonly field = inject(Field);
}

/** A hint or counter under a `wx-field`'s control; `end` aligns it right, `over` marks a limit passed. */
@Directive({
  selector: '[wxHint]',
  host: { class: 'wx-hint', '[id]': 'id', '[class.wx-hint-end]': 'end()', '[class.over]': 'over()' },
})
export class FieldHint {
  readonly end = input(false, { transform: booleanAttribute });
  readonly over = input(false);
  readonly id = `wx-hint-${nextId++}`;

  constructor() {
    const field = inject(Field);
    field.addHint(this.id);
    inject(DestroyRef).onDestroy(() => field.removeHint(this.id));
  }
}
