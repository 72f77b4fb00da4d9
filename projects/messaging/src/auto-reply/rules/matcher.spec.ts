import { type MatchableKeyword, type MatchableRule, matchRule } from './matcher';

const full = (text: string): MatchableKeyword => ({ text, match: 'full' });
const partial = (text: string): MatchableKeyword => ({ text, match: 'partial' });
const rule = (id: number, keywords: MatchableKeyword[], patch: Partial<MatchableRule> = {}): MatchableRule => ({
  id,
  createdAt: `2026-01-0${id}T00:00:00.000Z`,
  enabled: true,
  keywords,
  ...patch,
});

describe('auto-reply matcher (WeChat order)', () => {
  it('lets a full match beat a partial one, even of a newer rule', () => {
    const rules = [rule(1, [full('优惠券')]), rule(2, [partial('优惠')])];
    expect(matchRule(rules, '优惠券')?.rule.id).toBe(1);
    expect(matchRule(rules, '优惠券')?.keyword).toEqual(full('优惠券'));
    expect(matchRule(rules, '有优惠券吗')?.rule.id).toBe(2);
  });

  it('lets the most recently created rule win among matches of the same kind, ties by id', () => {
    expect(matchRule([rule(1, [partial('价格')]), rule(2, [partial('价')])], '请问价格')?.rule.id).toBe(2);
    expect(matchRule([rule(3, [full('hi')]), rule(2, [full('HI')])], 'hi')?.rule.id).toBe(3);
    const same = [rule(1, [full('a')], { createdAt: 'x' }), rule(5, [full('a')], { createdAt: 'x' })];
    expect(matchRule(same, 'a')?.rule.id).toBe(5);
  });

  it('ignores Latin case and surrounding spaces; a full keyword needs the whole message', () => {
    expect(matchRule([rule(1, [full('Hello')])], '  hELLO ')?.rule.id).toBe(1);
    expect(matchRule([rule(1, [partial('VIP')])], 'i am a vip member')?.keyword.text).toBe('VIP');
    expect(matchRule([rule(1, [full('hello')])], 'hello there')).toBeNull();
  });

  it('never matches a disabled rule, nor an empty message', () => {
    expect(matchRule([rule(1, [full('hello')], { enabled: false })], 'hello')).toBeNull();
    expect(matchRule([rule(2, [partial('a')])], '   ')).toBeNull();
  });
});
