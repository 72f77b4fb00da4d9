import { pagesNear, pagesToFetch } from './page-window';

describe('pagesToFetch', () => {
  const none = new Set<number>();

  it('asks for the first page only while the count is unknown', () => {
    expect(pagesToFetch({ start: 0, end: 0, pageSize: 200, total: null, have: none })).toEqual([0]);
    expect(pagesToFetch({ start: 0, end: 0, pageSize: 200, total: null, have: new Set([0]) })).toEqual([]);
  });

  it('covers the viewport and the lookahead, skipping cached or pending pages', () => {
    const window = { start: 410, end: 430, pageSize: 200, total: 100_000, lookahead: 100 };
    expect(pagesToFetch({ ...window, have: none })).toEqual([2, 1]);
    expect(pagesToFetch({ ...window, have: new Set([2]) })).toEqual([1]);
    expect(pagesToFetch({ ...window, start: 500, end: 520, have: none })).toEqual([2, 3]);
  });

  it('stops at the last page and fetches the nearest pages first', () => {
    expect(pagesToFetch({ start: 99_985, end: 100_000, pageSize: 200, total: 100_000, lookahead: 100, have: none })).toEqual([499]);
    expect(pagesToFetch({ start: 1000, end: 1400, pageSize: 200, total: 100_000, lookahead: 200, have: none })).toEqual([5, 6, 4, 7]);
    expect(pagesToFetch({ start: 0, end: 10, pageSize: 200, total: 0, have: none })).toEqual([]);
  });
});

describe('pagesNear', () => {
  it('spans the pages of the viewport and its lookahead, within the list', () => {
    expect(pagesNear({ start: 410, end: 430, pageSize: 200, total: 100_000, lookahead: 100 })).toEqual({ first: 1, last: 2 });
    expect(pagesNear({ start: 0, end: 15, pageSize: 200, total: 100_000, lookahead: 100 })).toEqual({ first: 0, last: 0 });
    expect(pagesNear({ start: 99_985, end: 100_000, pageSize: 200, total: 100_000, lookahead: 100 })).toEqual({ first: 499, last: 499 });
  });

  it('is the first page while the count is unknown', () => {
    expect(pagesNear({ start: 0, end: 0, pageSize: 200, total: null })).toEqual({ first: 0, last: 0 });
  });
});
