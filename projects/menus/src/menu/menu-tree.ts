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

/** Where a button may go in another level: `null` is the top level, else a top-level button's id. */
export interface MoveTarget {
  readonly parentId: string | null;
  readonly name: string;
}

/**
 * The levels a button can move to besides its own, within WeChat's limits: a sub-button may become
 * top-level (fewer than 3 top-level buttons) or go under another top-level button with room (fewer
 * than 5); a top-level button without sub-buttons may go under another top-level button. A button
 * that has sub-buttons stays top-level (menus are two levels deep).
 */
export function moveTargets(buttons: readonly MenuButton[], id: string): readonly MoveTarget[] {
  const place = findButton(buttons, id);
  if (!place || place.button.sub.length) return [];
  const currentParent = place.parent?.id ?? null;
  const targets: MoveTarget[] = [];
  if (currentParent !== null && canAddTop(buttons)) targets.push({ parentId: null, name: '' });
  for (const b of buttons) {
    if (b.id !== currentParent && b.id !== id && canAddSub(b)) targets.push({ parentId: b.id, name: b.name });
  }
  return targets;
}

/**
 * Moves a button to the end of another level (see `moveTargets`); refuses, returning the input, what
 * WeChat would not accept. A top-level button that gains its first sub-button keeps its own action
 * fields, unused while it has sub-buttons, so moving the sub-button back loses nothing.
 */
export function moveButtonTo(buttons: readonly MenuButton[], id: string, parentId: string | null): readonly MenuButton[] {
  const place = findButton(buttons, id);
  if (!place || !moveTargets(buttons, id).some((t) => t.parentId === parentId)) return buttons;
  const without = removeButton(buttons, id);
  if (parentId === null) return [...without, place.button];
  return without.map((b) => (b.id === parentId ? { ...b, sub: [...b.sub, place.button] } : b));
}
