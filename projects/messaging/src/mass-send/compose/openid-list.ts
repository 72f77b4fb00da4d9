/** WeChat's openids: 28 characters, "o" then URL-safe base64 (the mock checks the same). */
export const OPENID_PATTERN = /^o[A-Za-z0-9_-]{27}$/;
export const OPENID_LIST_MIN = 2;
export const OPENID_LIST_MAX = 10_000;

/** One entry that cannot be sent to, by its line in what the user pasted or uploaded (1-based). */
export interface OpenidListProblem {
  readonly line: number;
  readonly text: string;
  readonly kind: 'invalid' | 'duplicate';
  /** Duplicates: the line of the first occurrence. */
  readonly firstLine?: number;
}

export interface OpenidListReport {
  /** Distinct valid openids, in order. */
  readonly openids: readonly string[];
  readonly problems: readonly OpenidListProblem[];
  /** Whether the valid count is outside WeChat's 2–10,000. */
  readonly count: 'ok' | 'tooFew' | 'tooMany';
}

/**
 * Reads an openid list as pasted (one per line) or as a CSV file: cells are split on commas,
 * semicolons and tabs, quotes are dropped, empty cells ignored, and a first line with an "openid"
 * cell is a header and skipped. Every other cell is an entry, checked for format and repetition.
 */
export function parseOpenidList(text: string): OpenidListReport {
  const openids: string[] = [];
  const firstLine = new Map<string, number>();
  const problems: OpenidListProblem[] = [];
  text.split(/\r\n|\r|\n/).forEach((row, index) => {
    const line = index + 1;
    const cells = row.split(/[,;\t]/).map((raw) => raw.trim().replace(/^"(.*)"$/, '$1').trim());
    // A CSV header row ("openid,name,...") names columns: none of its cells is an entry.
    if (line === 1 && cells.some((cell) => cell.toLowerCase() === 'openid')) return;
    for (const cell of cells) {
      if (!cell) continue;
      if (!OPENID_PATTERN.test(cell)) problems.push({ line, text: cell, kind: 'invalid' });
      else if (firstLine.has(cell)) problems.push({ line, text: cell, kind: 'duplicate', firstLine: firstLine.get(cell) });
      else {
        firstLine.set(cell, line);
        openids.push(cell);
      }
    }
  });
  const count = openids.length < OPENID_LIST_MIN ? 'tooFew' : openids.length > OPENID_LIST_MAX ? 'tooMany' : 'ok';
  return { openids, problems, count };
}
