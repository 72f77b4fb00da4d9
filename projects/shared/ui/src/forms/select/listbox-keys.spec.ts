import { nextActiveIndex } from './listbox-keys';

describe('nextActiveIndex', () => {
  const names = ['Dmartech智慧营销', 'Dmartech订阅号', 'DM Demo Service', 'demo two'];

  it('steps with the arrows and stops at the ends', () => {
    expect(nextActiveIndex('ArrowDown', 0, names)).toBe(1);
    expect(nextActiveIndex('ArrowDown', 3, names)).toBe(3);
    expect(nextActiveIndex('ArrowUp', 0, names)).toBe(0);
    expect(nextActiveIndex('ArrowUp', 2, names)).toBe(1);
  });

  it('jumps with Home, End and by ten with the page keys', () => {
    expect(nextActiveIndex('Home', 2, names)).toBe(0);
    expect(nextActiveIndex('End', 0, names)).toBe(3);
    expect(nextActiveIndex('PageDown', 0, names)).toBe(3);
    expect(nextActiveIndex('PageUp', 3, names)).toBe(0);
  });

  it('type-ahead finds the next name starting with the character, case-insensitively, wrapping', () => {
    expect(nextActiveIndex('d', 0, names)).toBe(1);
    expect(nextActiveIndex('D', 3, names)).toBe(0);
    expect(nextActiveIndex('x', 2, names)).toBe(2);
  });

  it('leaves other keys and an empty list alone', () => {
    expect(nextActiveIndex('Shift', 1, names)).toBeNull();
    expect(nextActiveIndex(' ', 1, names)).toBeNull();
    expect(nextActiveIndex('ArrowDown', 0, [])).toBeNull();
  });
});
