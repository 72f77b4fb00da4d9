import { MENU_LIMITS } from './menu-rules';
import { MenuButton } from './menu.model';

/**
 * Pure operations on the button tree (two levels). Each returns a new array and leaves the input
 * untouched, so the store can hand them straight to its reducer.
 */

/** Where a button sits: its index, and its parent's id for sub-buttons. */
export interface ButtonPlace {
  readonly button: MenuButton;
  readonly parent: MenuButton | null;
  readonly index: number;
}

export function findButton(buttons: readonly MenuButton[], id: string | null): ButtonPlace | null {
  if (!id) return null;
  for (const [index, button] of buttons.entries()) {
    if (button.id === id) return { button, parent: null, index };
    const subIndex = button.sub.findIndex((s) => s.id === id);
    if (subIndex >= 0) return { button: button.sub[subIndex], parent: button, index: subIndex };
  }
  return null;
}

export const canAddTop = (buttons: readonly MenuButton[]): boolean => buttons.length < MENU_LIMITS.topLevel;

export const canAddSub = (parent: MenuButton): boolean => parent.sub.length < MENU_LIMITS.subButtons;

const blank = (id: string, name: string): MenuButton => ({ id, name, type: '', fields: {}, sub: [] });

/** Adds a top-level button (or a sub-button under `parentId`) at the end; refuses past WeChat's limits. */
export function addButton(buttons: readonly MenuButton[], parentId: string | null, id: string, name: string): readonly MenuButton[] {
  if (parentId === null) return canAddTop(buttons) ? [...buttons, blank(id, name)] : buttons;
  return buttons.map((b) => (b.id === parentId && canAddSub(b) ? { ...b, sub: [...b.sub, blank(id, name)] } : b));
}

export function removeButton(buttons: readonly MenuButton[], id: string): readonly MenuButton[] {
  return buttons.filter((b) => b.id !== id).map((b) => (b.sub.some((s) => s.id === id) ? { ...b, sub: b.sub.filter((s) => s.id !== id) } : b));
}

/** Changes a button's fields (name, type, key…); `fields` are merged so switching types keeps what was typed. */
export function updateButton(
  buttons: readonly MenuButton[],
  id: string,
  patch: Partial<Pick<MenuButton, 'name' | 'type' | 'fields'>>,
): readonly MenuButton[] {
  const apply = (b: MenuButton): MenuButton =>
    b.id === id ? { ...b, ...patch, fields: patch.fields ? { ...b.fields, ...patch.fields } : b.fields } : b;
  return buttons.map((b) => {
    const updated = apply(b);
    return updated !== b ? updated : b.sub.some((s) => s.id === id) ? { ...b, sub: b.sub.map(apply) } : b;
  });
}

/** Moves an item of a list from one index to another (indexes are clamped, as the CDK does). */
export function moveItem<T>(list: readonly T[], from: number, to: number): readonly T[] {
  const clamp = (i: number) => Math.max(0, Math.min(list.length - 1, i));
  const [start, end] = [clamp(from), clamp(to)];
  if (start === end) return list;
  const copy = [...list];
  const [item] = copy.splice(start, 1);
  copy.splice(end, 0, item);
  return copy;
}

/** Reorders top-level buttons (`parentId` null) or the sub-buttons of one parent. */
export function moveButton(buttons: readonly MenuButton[], parentId: string | null, from: number, to: number): readonly MenuButton[] {
  if (parentId === null) return moveItem(buttons, from, to);
  return buttons.map((b) => (b.id === parentId ? { ...b, sub: moveItem(b.sub, from, to) } : b));
}
