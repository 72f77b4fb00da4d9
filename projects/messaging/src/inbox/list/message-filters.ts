import { ChangeDetectionStrategy, Component, input, linkedSignal, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Field, FieldControl } from '@wechat-mfe/ui';
import type { InboxFilters, InboxMessageType } from '../data/inbox-api';
import { NO_FILTERS } from '../inbox.store';

const TYPES: readonly InboxMessageType[] = ['text', 'image', 'voice', 'video', 'location', 'link', 'event'];

/** Type, starred, needs reply apply at once; the search text on Enter or the button. */
@Component({
  selector: 'wx-inbox-filters',
  imports: [TranslocoPipe, Field, FieldControl],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form role="search" [attr.aria-label]="'inbox.filters.label' | transloco" (submit)="$event.preventDefault(); apply({ q: q() })">
      <wx-field [label]="'inbox.filters.type' | transloco">
        <select wxFieldControl (change)="apply({ type: $any($event.target).value || null })">
          <option value="" [selected]="!filters().type">{{ 'inbox.filters.allTypes' | transloco }}</option>
          @for (type of types; track type) {
            <option [value]="type" [selected]="filters().type === type">{{ 'inbox.type.' + type | transloco }}</option>
          }
        </select>
      </wx-field>
      <label class="check">
        <input type="checkbox" [checked]="filters().starred" (change)="apply({ starred: $any($event.target).checked })" />
        {{ 'inbox.filters.starred' | transloco }}
      </label>
      <label class="check">
        <input type="checkbox" [checked]="filters().needsReply" (change)="apply({ needsReply: $any($event.target).checked })" />
        {{ 'inbox.filters.needsReply' | transloco }}
      </label>
      <wx-field class="grow" [label]="'inbox.filters.search' | transloco">
        <input wxFieldControl type="search" maxlength="100" autocomplete="off" [value]="q()" (input)="q.set($any($event.target).value)" />
      </wx-field>
      <button class="wx-button outlined" type="submit">{{ 'inbox.filters.searchButton' | transloco }}</button>
      @if (active()) {
        <button class="wx-button" type="button" (click)="q.set(''); changed.emit(none)">{{ 'inbox.filters.clear' | transloco }}</button>
      }
    </form>
  `,
  styles: `
    form { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: flex-end; }
    .grow { flex: 1 1 200px; }
    .check { display: inline-flex; gap: 6px; align-items: center; min-height: 40px; margin-bottom: 20px; }
    .wx-button { margin-bottom: 20px; }
  `,
})
export class MessageFilters {
  readonly filters = input.required<InboxFilters>();
  readonly changed = output<InboxFilters>();

  protected readonly types = TYPES;
  protected readonly none = NO_FILTERS;
  /** The search text as typed; follows the applied filters when they change from outside. */
  protected readonly q = linkedSignal(() => this.filters().q);

  protected active(): boolean {
    const f = this.filters();
    return f.type !== null || f.starred || f.needsReply || f.q !== '';
  }

  protected apply(patch: Partial<InboxFilters>): void {
    this.changed.emit({ ...this.filters(), q: this.q(), ...patch });
  }
}
