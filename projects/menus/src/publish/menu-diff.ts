import { WechatButton } from '../menu/menu.model';

/** One line of the summary shown before publishing. */
export interface MenuChange {
  readonly kind: 'added' | 'removed' | 'changed' | 'moved';
  /** The button's names from the top: ['会员服务', '会员中心']. */
  readonly path: readonly string[];
}

const actionOf = (b: WechatButton): string => JSON.stringify({ ...b, name: undefined, sub_button: undefined });

/**
 * What publishing `next` over `live` changes, button by button, matched by name within a level
 * (names are what marketers recognise; WeChat's buttons have no ids).
 */
export function menuDiff(live: readonly WechatButton[], next: readonly WechatButton[], parent: readonly string[] = []): MenuChange[] {
  const changes: MenuChange[] = [];
  const liveNames = live.map((b) => b.name ?? '');
  const nextNames = next.map((b) => b.name ?? '');
  for (const b of next) {
    const path = [...parent, b.name ?? ''];
    const before = live.find((l) => l.name === b.name);
    if (!before) {
      changes.push({ kind: 'added', path });
      continue;
    }
    const subsNow = b.sub_button ?? [];
    const subsBefore = before.sub_button ?? [];
    if ((subsNow.length === 0) !== (subsBefore.length === 0) || (subsNow.length === 0 && actionOf(b) !== actionOf(before))) {
      changes.push({ kind: 'changed', path });
    }
    if (subsNow.length || subsBefore.length) changes.push(...menuDiff(subsBefore, subsNow, path));
  }
  for (const b of live) if (!nextNames.includes(b.name ?? '')) changes.push({ kind: 'removed', path: [...parent, b.name ?? ''] });
  const kept = nextNames.filter((n) => liveNames.includes(n));
  const keptBefore = liveNames.filter((n) => nextNames.includes(n));
  if (kept.join('\u0000') !== keptBefore.join('\u0000')) changes.push({ kind: 'moved', path: parent });
  return changes;
}
