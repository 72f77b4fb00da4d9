import { type MatchableKeyword, type MatchableRule, fold, keywordMatches, matchRule } from './matcher';

/**
 * A keyword of the rule being edited that another rule also answers: for `message` (the
 * keyword of one of them, as a fan would type it) both rules match, and `winner` is the one
 * WeChat's order picks (see `matcher.ts`).
 */
export interface KeywordConflict<R extends MatchableRule> {
  /** Index of the edited rule's keyword. */
  readonly index: number;
  readonly keyword: MatchableKeyword;
  readonly other: R;
  readonly otherKeyword: MatchableKeyword;
  readonly message: string;
  readonly winner: 'this' | 'other';
}

/** A rule being created has no id nor creation time yet: it will be the newest. */
export const NEW_RULE_ID = Number.MAX_SAFE_INTEGER;
const NEWEST = '\uffff';

/**
 * The conflicts of `edited` (a new rule: `id` null) with the enabled `others`. Two keywords
 * conflict when one message matches both: the same full keyword, or a partial keyword contained
 * in the other's keyword (full or partial). The sample message is the longer keyword, which both
 * match; the winner is computed by the same matcher the tester uses. One warning per pair of rule
 * and keyword of the edited rule (the first conflicting keyword of the other rule).
 */
export function keywordConflicts<R extends MatchableRule>(
  edited: { readonly id: number | null; readonly createdAt: string | null; readonly keywords: readonly MatchableKeyword[] },
  others: readonly R[],
): KeywordConflict<R>[] {
  const self: MatchableRule = {
    id: edited.id ?? NEW_RULE_ID,
    createdAt: edited.createdAt ?? NEWEST,
    enabled: true,
    keywords: edited.keywords,
  };
  const conflicts: KeywordConflict<R>[] = [];
  edited.keywords.forEach((keyword, index) => {
    if (!fold(keyword.text)) return;
    for (const other of others) {
      if (!other.enabled || other.id === edited.id) continue;
      for (const otherKeyword of other.keywords) {
        const message = sharedMessage(keyword, otherKeyword);
        if (message === null) continue;
        // Only these two keywords compete: the edited rule's other keywords must not decide.
        const match = matchRule<MatchableRule>([{ ...self, keywords: [keyword] }, { ...other, keywords: [otherKeyword] }], message);
        conflicts.push({ index, keyword, other, otherKeyword, message, winner: match?.rule.id === self.id ? 'this' : 'other' });
        break;
      }
    }
  });
  return conflicts;
}

/** A message both keywords match, or null: the longer keyword's text is the one to try. */
function sharedMessage(a: MatchableKeyword, b: MatchableKeyword): string | null {
  for (const candidate of [a.text, b.text]) {
    const folded = fold(candidate);
    if (keywordMatches(a, folded) && keywordMatches(b, folded)) return candidate.trim();
  }
  return null;
}
