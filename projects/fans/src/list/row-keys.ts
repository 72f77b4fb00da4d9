/** Which row of the fan list a navigation key moves focus to (the list's roving row focus). */

/** The keys the list handles for moving between rows. */
export interface RowKey {
  readonly key: string;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly altKey?: boolean;
  readonly shiftKey?: boolean;
}

export interface RowPosition {
  /** The row that has focus now (0-based, over the whole filtered list). */
  readonly current: number;
  /** Rows in the whole filtered list (not only those rendered). */
  readonly count: number;
  /** Rows one viewport holds: what Page Up / Page Down move by. */
  readonly pageRows: number;
}

/**
 * The row to focus after `key`, or null when the key is not a row move (the browser keeps it).
 * Home / End go to the first / last fan of the whole list; with Ctrl (or ⌘) they do the same, as in
 * the APG treegrid's row mode, since there are no cells to move through in a row. A key with Alt or
 * Shift is left alone: those belong to the browser and screen readers.
 */
export function nextRowIndex(key: RowKey, { current, count, pageRows }: RowPosition): number | null {
  if (count <= 0 || key.altKey || key.shiftKey) return null;
  const last = count - 1;
  const page = Math.max(1, Math.floor(pageRows));
  const from = Math.min(Math.max(current, 0), last);
  switch (key.key) {
    case 'ArrowDown':
      return key.ctrlKey || key.metaKey ? null : Math.min(from + 1, last);
    case 'ArrowUp':
      return key.ctrlKey || key.metaKey ? null : Math.max(from - 1, 0);
    case 'PageDown':
      return key.ctrlKey || key.metaKey ? null : Math.min(from + page, last);
    case 'PageUp':
      return key.ctrlKey || key.metaKey ? null : Math.max(from - page, 0);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

/** Rows a viewport of `height` px shows whole: one Page Up / Page Down. */
export function rowsPerPage(height: number, rowHeight: number): number {
  return Math.max(1, Math.floor(height / rowHeight));
}
