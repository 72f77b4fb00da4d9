import { nextRowIndex, rowsPerPage } from './row-keys';

describe('nextRowIndex', () => {
  const at = (current: number, count = 100_000, pageRows = 14) => ({ current, count, pageRows });

  it('moves one row with the arrows and stops at either end', () => {
    expect(nextRowIndex({ key: 'ArrowDown' }, at(0))).toBe(1);
    expect(nextRowIndex({ key: 'ArrowDown' }, at(41))).toBe(42);
    expect(nextRowIndex({ key: 'ArrowUp' }, at(42))).toBe(41);
    expect(nextRowIndex({ key: 'ArrowUp' }, at(0))).toBe(0);
    expect(nextRowIndex({ key: 'ArrowDown' }, at(99_999))).toBe(99_999);
  });

  it('moves one viewport of rows with Page Down / Page Up, clamped to the list', () => {
    expect(nextRowIndex({ key: 'PageDown' }, at(3))).toBe(17);
    expect(nextRowIndex({ key: 'PageUp' }, at(17))).toBe(3);
    expect(nextRowIndex({ key: 'PageUp' }, at(5))).toBe(0);
    expect(nextRowIndex({ key: 'PageDown' }, at(99_990))).toBe(99_999);
    // A viewport shorter than a row still moves one row, not zero.
    expect(nextRowIndex({ key: 'PageDown' }, at(3, 100, 0))).toBe(4);
  });

  it('goes to the first and the last fan of the whole list with Home / End, with or without Ctrl', () => {
    expect(nextRowIndex({ key: 'End' }, at(3))).toBe(99_999);
    expect(nextRowIndex({ key: 'Home' }, at(99_999))).toBe(0);
    expect(nextRowIndex({ key: 'End', ctrlKey: true }, at(3, 250))).toBe(249);
    expect(nextRowIndex({ key: 'Home', ctrlKey: true }, at(200, 250))).toBe(0);
  });

  it('leaves other keys and modified arrows to the browser', () => {
    expect(nextRowIndex({ key: 'Enter' }, at(3))).toBeNull();
    expect(nextRowIndex({ key: ' ' }, at(3))).toBeNull();
    expect(nextRowIndex({ key: 'ArrowLeft' }, at(3))).toBeNull();
    expect(nextRowIndex({ key: 'Tab' }, at(3))).toBeNull();
    expect(nextRowIndex({ key: 'ArrowDown', altKey: true }, at(3))).toBeNull();
    expect(nextRowIndex({ key: 'End', shiftKey: true }, at(3))).toBeNull();
    // Ctrl+Page Down switches browser tabs.
    expect(nextRowIndex({ key: 'PageDown', ctrlKey: true }, at(3))).toBeNull();
    expect(nextRowIndex({ key: 'ArrowUp', metaKey: true }, at(3))).toBeNull();
  });

  it('has nowhere to go in an empty list, and pulls a stale position back into a list that shrank', () => {
    expect(nextRowIndex({ key: 'ArrowDown' }, at(0, 0))).toBeNull();
    expect(nextRowIndex({ key: 'Home' }, at(0, 0))).toBeNull();
    expect(nextRowIndex({ key: 'ArrowDown' }, at(500, 20))).toBe(19);
    expect(nextRowIndex({ key: 'ArrowUp' }, at(500, 20))).toBe(18);
    expect(nextRowIndex({ key: 'ArrowUp' }, at(-4, 20))).toBe(0);
  });
});

describe('rowsPerPage', () => {
  it('counts the whole rows a viewport shows, at least one', () => {
    expect(rowsPerPage(640, 44)).toBe(14);
    expect(rowsPerPage(264, 44)).toBe(6);
    expect(rowsPerPage(20, 44)).toBe(1);
  });
});
