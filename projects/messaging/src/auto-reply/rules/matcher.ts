/**
 * Which keyword rule answers a fan's text, in WeChat's order (the mock's
 * `mocks/src/rules/auto-reply.mjs` is the same algorithm and the server is the truth):
 * 1. disabled rules never match;
 * 2. a full match (the whole message equals a keyword) beats any partial one (the message
 *    contains a keyword), whatever the rules' ages;
 * 3. among rules matching the same way, the most recently created wins (ties: the higher id);
 *    editing a rule keeps its rank;
 * 4. Latin letters compare without case, the message's surrounding spaces are ignored.
 */

export type MatchKind = 'full' | 'partial';

export interface MatchableKeyword {
  readonly text: string;
  readonly match: MatchKind;
}

export interface MatchableRule {
  readonly id: number;
  readonly createdAt: string;
  readonly enabled: boolean;
  readonly keywords: readonly MatchableKeyword[];
}

export interface RuleMatch<R extends MatchableRule> {
  readonly rule: R;
  readonly keyword: MatchableKeyword;
}

/** Latin letters compare without case; other scripts have none. */
export const fold = (text: string): string => text.trim().toLowerCase();

/** Whether `keyword` matches the (already folded) message. */
export function keywordMatches(keyword: MatchableKeyword, folded: string): boolean {
  const k = fold(keyword.text);
  if (!k || !folded) return false;
  return keyword.match === 'full' ? k === folded : folded.includes(k);
}

/** Negative when `a` is newer, i.e. wins over `b` for the same kind of match. */
export function newerFirst(a: MatchableRule, b: MatchableRule): number {
  if (a.createdAt === b.createdAt) return b.id - a.id;
  return a.createdAt < b.createdAt ? 1 : -1;
}

/** The rule that answers `text`, with the keyword that matched, or null. */
export function matchRule<R extends MatchableRule>(rules: readonly R[], text: string): RuleMatch<R> | null {
  const message = fold(text);
  if (!message) return null;
  const candidates = rules.filter((r) => r.enabled).sort(newerFirst);
  for (const kind of ['full', 'partial'] as const) {
    for (const rule of candidates) {
      const keyword = rule.keywords.find((k) => k.match === kind && keywordMatches(k, message));
      if (keyword) return { rule, keyword };
    }
  }
  return null;
}
