import { WechatButton } from '../menu/menu.model';

/** One line of the summary shown before publishing. */
export interface MenuChange {
  readonly kind: 'added' | 'removed' | 'changed' | 'renamed' | 'relocated' | 'moved';
  /** The button's names from the top as it will be: ['会员服务', '会员中心']. */
  readonly path: readonly string[];
  /** Where it was, for renamed and relocated buttons. */
  readonly from?: readonly string[];
}

const actionOf = (b: WechatButton): string => JSON.stringify({ ...b, name: undefined, sub_button: undefined });
const subsOf = (b: WechatButton): readonly WechatButton[] => b.sub_button ?? [];
const isLeaf = (b: WechatButton): boolean => subsOf(b).length === 0;

/**
 * Pairs each button of `next` with the live button it continues, within one level. WeChat's buttons
 * have no ids, so identity is inferred the way a marketer would: the same name first; then, among
 * the rest, the same action (a renamed leaf keeps its key or URL) or, for parents, a shared
 * sub-button name (a renamed parent keeps its children).
 */
function pair(live: readonly WechatButton[], next: readonly WechatButton[]): Map<WechatButton, WechatButton> {
  const pairs = new Map<WechatButton, WechatButton>();
  const taken = new Set<WechatButton>();
  const claim = (b: WechatButton, match: (l: WechatButton) => boolean) => {
    const before = live.find((l) => !taken.has(l) && match(l));
    if (!before) return;
    pairs.set(b, before);
    taken.add(before);
  };
  for (const b of next) claim(b, (l) => l.name === b.name);
  for (const b of next) {
    if (pairs.has(b)) continue;
    if (isLeaf(b)) claim(b, (l) => isLeaf(l) && actionOf(l) === actionOf(b));
    else claim(b, (l) => subsOf(l).some((s) => subsOf(b).some((n) => n.name === s.name)));
  }
  return pairs;
}

/** The level's changes; `added` / `removed` leaves are reconciled across parents by the caller. */
function levelDiff(live: readonly WechatButton[], next: readonly WechatButton[], parent: readonly string[]): MenuChange[] {
  const changes: MenuChange[] = [];
  const pairs = pair(live, next);
  for (const b of next) {
    const path = [...parent, b.name ?? ''];
    const before = pairs.get(b);
    if (!before) {
      changes.push({ kind: 'added', path });
      if (!isLeaf(b)) changes.push(...levelDiff([], subsOf(b), path));
      continue;
    }
    if (before.name !== b.name) changes.push({ kind: 'renamed', path, from: [...parent, before.name ?? ''] });
    if (isLeaf(b) !== isLeaf(before) || (isLeaf(b) && actionOf(b) !== actionOf(before))) changes.push({ kind: 'changed', path });
    if (!isLeaf(b) || !isLeaf(before)) changes.push(...levelDiff(subsOf(before), subsOf(b), path));
  }
  const kept = new Set(pairs.values());
  for (const b of live) {
    if (kept.has(b)) continue;
    const path = [...parent, b.name ?? ''];
    changes.push({ kind: 'removed', path });
  }
  const order = next.filter((b) => pairs.has(b)).map((b) => live.indexOf(pairs.get(b)!));
  if (order.some((index, i) => i > 0 && index < order[i - 1])) changes.push({ kind: 'moved', path: parent });
  return changes;
}

/**
 * What publishing `next` over `live` changes, button by button: added, removed, changed (its
 * action), renamed, relocated (the same button moved under another parent or level) and moved
 * (a level's order changed).
 */
export function menuDiff(live: readonly WechatButton[], next: readonly WechatButton[]): MenuChange[] {
  const changes = levelDiff(live, next, []);
  // A leaf removed in one place and added with the same name and action elsewhere was relocated.
  const leafAt = (buttons: readonly WechatButton[], path: readonly string[]): WechatButton | undefined => {
    const [head, ...rest] = path;
    const b = buttons.find((x) => x.name === head);
    return b && rest.length ? leafAt(subsOf(b), rest) : b;
  };
  const result: MenuChange[] = [];
  const used = new Set<MenuChange>();
  for (const change of changes) {
    if (change.kind !== 'added' || used.has(change)) continue;
    const added = leafAt(next, change.path);
    if (!added || !isLeaf(added)) continue;
    const removed = changes.find((c) => {
      if (c.kind !== 'removed' || used.has(c)) return false;
      const before = leafAt(live, c.path);
      return !!before && isLeaf(before) && before.name === added.name && actionOf(before) === actionOf(added);
    });
    if (!removed) continue;
    used.add(change).add(removed);
    result.push({ kind: 'relocated', path: change.path, from: removed.path });
  }
  return [...changes.filter((c) => !used.has(c)), ...result];
}
