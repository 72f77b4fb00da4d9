/**
 * Where the active option of an open listbox moves for a key (WAI-ARIA APG select-only combobox):
 * arrows step and stop at the ends, Home/End jump, PageUp/PageDown step by 10, a printable
 * character jumps to the next option whose name starts with it. `null`: the key is not ours.
 */
export function nextActiveIndex(key: string, active: number, names: readonly string[]): number | null {
  const last = names.length - 1;
  if (last < 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(active + 1, last);
    case 'ArrowUp':
      return Math.max(active - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return Math.min(active + 10, last);
    case 'PageUp':
      return Math.max(active - 10, 0);
  }
  if (key.length !== 1 || key === ' ') return null;
  const typed = key.toLocaleLowerCase();
  for (let step = 1; step <= names.length; step++) {
    const index = (active + step) % names.length;
    if (names[index].toLocaleLowerCase().startsWith(typed)) return index;
  }
  return active;
}
