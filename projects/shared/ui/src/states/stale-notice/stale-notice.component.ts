import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, afterNextRender, inject, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * Someone changed what this form edits after it was opened, and the server refused the save
 * (`STALE`, a 412 answer to `If-Match`): the user's edits are still in the form, and the user
 * chooses between saving them over that change and showing the latest version instead.
 * The message comes before the two actions (reading and focus order). It brings itself into view:
 * in a long form (a department's allocation, a rule) the save button that caused it may sit far below
 * where it appears, and `role="alert"` only tells screen readers.
 */
@Component({
  selector: 'wx-stale-notice',
  imports: [TranslocoPipe, DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'alert', class: 'wx-stale-notice' },
  template: `
    @if (changedAt(); as at) {
      <p class="text">{{ 'ui.stale.changedAt' | transloco: { at: at | date: 'yyyy-MM-dd HH:mm' } }}</p>
    } @else {
      <p class="text">{{ 'ui.stale.changed' | transloco }}</p>
    }
    <div class="actions">
      <button class="wx-button" type="button" (click)="takeTheirs.emit()">{{ 'ui.stale.takeTheirs' | transloco }}</button>
      <button class="wx-button filled" type="button" (click)="keepMine.emit()">{{ 'ui.stale.keepMine' | transloco }}</button>
    </div>
  `,
  styles: `
    :host {
      display: block;
      margin: 0.75rem 0;
      padding: 0.75rem 1rem;
      border-radius: 0.5rem;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .text {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-body-medium);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
  `,
})
export class StaleNotice {
  /** When the latest version was saved (ISO time), if known. */
  readonly changedAt = input<string | null>(null);
  /** Save the form's values over the latest version. */
  readonly keepMine = output<void>();
  /** Replace the form's values with the latest version. */
  readonly takeTheirs = output<void>();

  constructor() {
    const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    // `nearest` scrolls only when some of it is out of view, and no further than needed.
    afterNextRender(() => host.scrollIntoView({ block: 'nearest' }));
  }
}
