import {
  ChangeDetectionStrategy,
  Component,
  Directive,
  ElementRef,
  TemplateRef,
  computed,
  contentChild,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { nextActiveIndex } from './listbox-keys';

/** How an option is drawn: `<ng-template wxSelectOption let-option>…</ng-template>`. */
@Directive({ selector: 'ng-template[wxSelectOption]' })
export class SelectOption {
  readonly template = inject<TemplateRef<{ $implicit: unknown }>>(TemplateRef);
}

/** How the closed field shows the selection: `<ng-template wxSelectValue let-selected>…</ng-template>`. */
@Directive({ selector: 'ng-template[wxSelectValue]' })
export class SelectValue {
  readonly template = inject<TemplateRef<{ $implicit: readonly unknown[] }>>(TemplateRef);
}

/** One choice: its key (what `selected` holds), the text type-ahead matches, and the data templates get. */
export interface SelectItem<T = unknown> {
  readonly key: string;
  readonly text: string;
  readonly data: T;
}

/**
 * A select-only combobox (WAI-ARIA APG pattern), single or multiple, in the outlined field look of
 * the theme: focus stays on the combobox, `aria-activedescendant` names the active option; arrows,
 * Home/End, PageUp/PageDown and type-ahead move; Enter/Space choose (in multiple mode they toggle and
 * the list stays open); Escape, Tab and a click outside close. It replaces `mat-select` where the
 * overlay, a11y and @angular/forms code (~45 KiB gzip) would land on a first load (ADR 0008).
 */
@Component({
  selector: 'wx-select',
  imports: [NgTemplateOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './select.html',
  styleUrl: './select.scss',
  host: { '(document:pointerdown)': 'closeOnOutside($event)', '(focusout)': 'closeOnBlur($event)', '[class.open]': 'open()' },
})
export class Select {
  /** The visible label (already translated); it names the combobox and the listbox. */
  readonly label = input.required<string>();
  readonly items = input.required<readonly SelectItem[]>();
  /** Keys of the chosen items (at most one unless `multiple`). */
  readonly selected = input<readonly string[]>([]);
  readonly multiple = input(false);
  readonly disabled = input(false);
  /** Shown when nothing is chosen (already translated). */
  readonly placeholder = input('');
  /** Already translated hint under the field. */
  readonly hint = input<string>();
  readonly selectedChange = output<string[]>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly combobox = viewChild<ElementRef<HTMLElement>>('combobox');
  protected readonly optionTemplate = contentChild(SelectOption);
  protected readonly valueTemplate = contentChild(SelectValue);
  /** Ids unique across bundles on one page (two Angular apps may both count from 1). */
  protected readonly id = `wx-select-${Math.random().toString(36).slice(2, 10)}`;
  protected readonly open = signal(false);
  protected readonly active = signal(0);
  protected readonly chosen = computed(() => new Set(this.selected()));
  protected readonly chosenItems = computed(() => this.items().filter((item) => this.chosen().has(item.key)));

  protected optionId(index: number): string {
    return `${this.id}-option-${index}`;
  }

  protected toggleOpen(): void {
    if (this.disabled()) return;
    if (this.open()) this.close();
    else this.show();
  }

  protected onKeydown(event: KeyboardEvent): void {
    if (this.disabled()) return;
    const count = this.items().length;
    if (!this.open()) {
      if (['Enter', ' ', 'ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) {
        event.preventDefault();
        this.show(event.key === 'ArrowUp' || event.key === 'End' ? count - 1 : undefined);
      }
      return;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      this.close();
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.choose(this.active());
    } else if (event.key === 'Tab') {
      // APG: Tab commits the active option of a single select and moves on; a multiple one just closes.
      if (!this.multiple()) this.choose(this.active(), false);
      this.open.set(false);
    } else {
      const next = nextActiveIndex(event.key, this.active(), this.items().map((item) => item.text));
      if (next !== null) {
        event.preventDefault();
        this.active.set(next);
        this.scrollActiveIntoView();
      }
    }
  }

  protected choose(index: number, refocus = true): void {
    const item = this.items()[index];
    if (!item) return;
    this.active.set(index);
    if (this.multiple()) {
      const next = this.chosen().has(item.key) ? this.selected().filter((k) => k !== item.key) : [...this.selected(), item.key];
      // Keep the items' order, whatever order they were clicked in.
      const set = new Set(next);
      this.selectedChange.emit(this.items().filter((i) => set.has(i.key)).map((i) => i.key));
      return;
    }
    if (refocus) this.close();
    if (!this.chosen().has(item.key) || this.selected().length !== 1) this.selectedChange.emit([item.key]);
  }

  protected closeOnOutside(event: PointerEvent): void {
    if (this.open() && !this.host.nativeElement.contains(event.target as Node)) this.open.set(false);
  }

  /** Focus leaving the field (Tab, a click elsewhere, script) closes the list, as APG asks. */
  protected closeOnBlur(event: FocusEvent): void {
    if (this.open() && !this.host.nativeElement.contains(event.relatedTarget as Node | null)) this.open.set(false);
  }

  private show(at?: number): void {
    const first = this.items().findIndex((item) => this.chosen().has(item.key));
    this.active.set(at ?? Math.max(first, 0));
    this.open.set(true);
    this.scrollActiveIntoView();
  }

  private close(): void {
    this.open.set(false);
    this.combobox()?.nativeElement.focus();
  }

  private scrollActiveIntoView(): void {
    queueMicrotask(() => document.getElementById(this.optionId(this.active()))?.scrollIntoView?.({ block: 'nearest' }));
  }
}
