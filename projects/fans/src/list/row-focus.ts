import { computed, signal } from '@angular/core';
import type { CdkVirtualScrollViewport } from '@angular/cdk/scrolling';

/** A row of the list as the DOM shows it: its element and its index over the whole filtered list. */
export interface RowAt {
  readonly element: HTMLElement;
  readonly index: number;
}

/** The rows' selector; their aria-rowindex is the index + 2 (the header row is 1). */
const ROW = '.fan-row.body[aria-rowindex]';

/**
 * Roving focus over the rows of a virtual scroll: one row holds the list's tab stop (the last
 * focused, else the first), and focus moves by index, not by element, because the row a key asks
 * for may not be rendered yet (the viewport scrolls to it first) or may still be a placeholder
 * whose page is loading (its element is replaced when the data arrives). A wanted row is kept
 * until its loaded element has focus; `settle()` runs after every render and is a no-op otherwise,
 * so scrolling pays nothing for it.
 */
export class RowFocus {
  private readonly active = signal(0);
  /** The row to focus once it is rendered and loaded, and whether the viewport was scrolled to it. */
  private wanted: { index: number; revealed: boolean } | null = null;

  constructor(
    private readonly viewport: () => CdkVirtualScrollViewport | undefined,
    private readonly count: () => number,
    private readonly rowHeight: number,
  ) {}

  /** The row with tabindex 0, kept inside a list that shrank. */
  readonly tabStop = computed(() => Math.max(0, Math.min(this.active(), this.count() - 1)));

  /** The row an event happened in (the row itself or its checkbox), if any. */
  rowOf(target: EventTarget | null): RowAt | null {
    const element = target instanceof Element ? target.closest<HTMLElement>(ROW) : null;
    if (!element || !this.host()?.contains(element)) return null;
    return { element, index: Number(element.getAttribute('aria-rowindex')) - 2 };
  }

  /**
   * Something in a row got focus (a key, a click, a test): that row holds the tab stop now. The
   * rows' tabindex attributes follow at once, not at the next change detection: a Tab pressed
   * before that render (input outranks timers in the browser's scheduler) would otherwise leave
   * through the row that held the stop before. The template's binding then writes the same values.
   */
  focused(row: RowAt): void {
    this.active.set(row.index);
    for (const other of this.host()?.querySelectorAll<HTMLElement>(`${ROW}[tabindex="0"]`) ?? []) {
      if (other !== row.element) other.tabIndex = -1;
    }
    row.element.tabIndex = 0;
  }

  /** Moves the tab stop and focus to a row, scrolling it into view first when needed. */
  focus(index: number): void {
    // While the list reloads (after an edit in the drawer) its count is unknown: keep the index,
    // the tab stop is kept inside the list once the count is back.
    const count = this.count();
    const target = Math.max(0, count > 0 ? Math.min(index, count - 1) : index);
    this.active.set(target);
    this.wanted = { index: target, revealed: this.reveal(target) };
    this.settle();
  }

  /** Gives focus back to the tab stop's row (the viewport held the tab stop while it was off screen). */
  focusTabStop(): void {
    this.focus(this.tabStop());
  }

  /**
   * The rows are other fans now (another filter or account): the tab stop goes back to the first
   * row, and focus with it if the list had focus.
   */
  reset(): void {
    const had = this.wanted !== null || this.hasFocus();
    this.active.set(0);
    this.wanted = had ? { index: 0, revealed: false } : null;
  }

  /** Whether the tab stop's row is among the rendered ones (else the viewport takes the tab stop). */
  isRendered(range: { start: number; end: number }): boolean {
    const stop = this.tabStop();
    return stop >= range.start && stop < range.end;
  }

  /** After a render: focuses the wanted row if it is there now; done once a loaded row has it. */
  settle(): void {
    const wanted = this.wanted;
    if (!wanted) return;
    const host = this.host();
    const current = document.activeElement;
    // Focus went somewhere else meanwhile (another control, the drawer): never take it back.
    if (current && current !== document.body && !host?.contains(current)) {
      this.wanted = null;
      return;
    }
    const count = this.count();
    if (count > 0 && wanted.index >= count) wanted.index = count - 1; // the list came back shorter
    const row = host?.querySelector<HTMLElement>(`${ROW}[aria-rowindex="${wanted.index + 2}"]`);
    if (!row) {
      // The list was not there yet when asked (reloading): scroll once it is.
      if (!wanted.revealed) wanted.revealed = this.reveal(wanted.index);
      return;
    }
    if (row !== current) {
      row.focus({ preventScroll: true });
      // The viewport shows the row already (reveal); the page may still need to scroll to it, to
      // the nearest edge rather than the browser's centring of a focused element.
      row.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
    // A placeholder keeps the wish: its element goes when the page arrives, and the real row takes focus.
    if (row.hasAttribute('data-openid')) this.wanted = null;
  }

  /**
   * The rows' visible height now: read live, since the viewport's cached size is taken before a
   * horizontal scrollbar (narrow windows) takes its share.
   */
  viewHeight(): number {
    return this.host()?.clientHeight ?? 0;
  }

  private hasFocus(): boolean {
    const current = document.activeElement;
    return !!current && !!this.host()?.contains(current);
  }

  /** Scrolls just enough to show the row whole (the nearest edge); false without a viewport. */
  private reveal(index: number): boolean {
    const viewport = this.viewport();
    if (!viewport) return false;
    const top = index * this.rowHeight;
    const bottom = top + this.rowHeight;
    const offset = viewport.measureScrollOffset('top');
    const size = this.viewHeight();
    if (top < offset) viewport.scrollToIndex(index);
    else if (bottom > offset + size) viewport.scrollToOffset(Math.max(0, bottom - size));
    return true;
  }

  private host(): HTMLElement | undefined {
    return this.viewport()?.elementRef.nativeElement;
  }
}
