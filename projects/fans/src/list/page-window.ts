/** Which pages of a windowed list to fetch for what the viewport shows. */

export interface PageWindow {
  /** First and one-past-last row index the viewport renders. */
  readonly start: number;
  readonly end: number;
  readonly pageSize: number;
  /** Rows matching the filter; null before the first page answered. */
  readonly total: number | null;
  /** Pages already in the cache or on their way. */
  readonly have: ReadonlySet<number>;
  /** Rows fetched ahead of and behind the viewport, so scrolling rarely shows placeholders. */
  readonly lookahead?: number;
}

/** First and last page index of a window: the pages it covers with its lookahead. */
export interface PageSpan {
  readonly first: number;
  readonly last: number;
}

/** The pages covering the viewport plus the lookahead (page 0 while the count is unknown). */
export function pagesNear({ start, end, pageSize, total, lookahead = 0 }: Omit<PageWindow, 'have'>): PageSpan {
  if (total === null) return { first: 0, last: 0 };
  const lastPage = Math.max(0, Math.ceil(total / pageSize) - 1);
  const first = Math.min(lastPage, Math.max(0, Math.floor((start - lookahead) / pageSize)));
  const last = Math.min(lastPage, Math.floor((Math.max(end, start + 1) - 1 + lookahead) / pageSize));
  return { first, last };
}

/** The missing pages covering the viewport plus the lookahead, nearest first. */
export function pagesToFetch(window: PageWindow): number[] {
  const { start, end, pageSize, total, have } = window;
  if (total === null) return have.has(0) ? [] : [0];
  if (total === 0) return [];
  const { first, last } = pagesNear(window);
  const pages: number[] = [];
  for (let page = first; page <= last; page++) if (!have.has(page)) pages.push(page);
  // The pages the user looks at first, the lookahead after.
  const middle = (start + end) / 2 / pageSize;
  return pages.sort((a, b) => Math.abs(a + 0.5 - middle) - Math.abs(b + 0.5 - middle));
}
