import { keywordConflicts } from './conflicts';
import type { MatchableKeyword, MatchableRule } from './matcher';

interface Named extends MatchableRule {
  readonly name: string;
}

const full = (text: string): MatchableKeyword => ({ text, match: 'full' });
const partial = (text: string): MatchableKeyword => ({ text, match: 'partial' });
const rule = (id: number, keywords: MatchableKeyword[], patch: Partial<Named> = {}): Named => ({
  id,
  name: `rule ${id}`,
  createdAt: `2026-01-0${id}T00:00:00.000Z`,
  enabled: true,
  keywords,
  ...patch,
});
const newRule = (keywords: MatchableKeyword[]) => ({ id: null, createdAt: null, keywords });
const summary = (conflicts: ReturnType<typeof keywordConflicts<Named>>) =>
  conflicts.map((c) => [c.index, c.other.name, c.otherKeyword.text, c.message, c.winner]);

describe('keyword conflicts', () => {
  it('warns of the same full keyword (any Latin case): a new rule is the newest, so it wins', () => {
    expect(summary(keywordConflicts(newRule([full('Hello')]), [rule(1, [full('hello')])]))).toEqual([[0, 'rule 1', 'hello', 'Hello', 'this']]);
  });

  it('lets an older edited rule lose to a newer one of the same kind', () => {
    const edited = { id: 1, createdAt: '2026-01-01T00:00:00.000Z', keywords: [partial('价')] };
    expect(summary(keywordConflicts(edited, [rule(2, [partial('价格')])]))).toEqual([[0, 'rule 2', '价格', '价格', 'other']]);
  });

  it('lets a full keyword win over the newer partial keyword it contains', () => {
    // The edited rule is new (newest) but partial; the other's full keyword wins for its own message.
    expect(summary(keywordConflicts(newRule([partial('优惠')]), [rule(1, [full('优惠券')])]))).toEqual([
      [0, 'rule 1', '优惠券', '优惠券', 'other'],
    ]);
    expect(summary(keywordConflicts(newRule([full('优惠券')]), [rule(1, [partial('优惠')])]))).toEqual([
      [0, 'rule 1', '优惠', '优惠券', 'this'],
    ]);
  });

  it('finds nothing between different full keywords, unrelated partial ones, disabled rules or the rule itself', () => {
    expect(keywordConflicts(newRule([full('优惠')]), [rule(1, [full('优惠券')])])).toEqual([]);
    expect(keywordConflicts(newRule([partial('价格')]), [rule(1, [partial('地址')])])).toEqual([]);
    expect(keywordConflicts(newRule([full('hi')]), [rule(1, [full('hi')], { enabled: false })])).toEqual([]);
    const self = rule(1, [full('hi')]);
    expect(keywordConflicts({ id: 1, createdAt: self.createdAt, keywords: self.keywords }, [self])).toEqual([]);
  });

  it('names each conflicting keyword of the edited rule, one warning per other rule', () => {
    const others = [rule(1, [full('a'), full('A ')]), rule(2, [partial('b')])];
    expect(summary(keywordConflicts(newRule([full('a'), full('x'), partial('b')]), others))).toEqual([
      [0, 'rule 1', 'a', 'a', 'this'],
      [2, 'rule 2', 'b', 'b', 'this'],
    ]);
  });
});
