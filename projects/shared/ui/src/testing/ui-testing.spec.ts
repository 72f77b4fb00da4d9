import { translationProblems } from './ui-testing';

describe('translationProblems', () => {
  it('is empty when both languages agree', () => {
    expect(translationProblems({ a: { b: '你好 {{name}}' } }, { a: { b: 'Hello {{ name }}' } })).toEqual([]);
  });

  it('names missing, empty and parameter-mismatched messages', () => {
    expect(translationProblems({ only: '仅中文', empty: '', p: '{{n}} 条' }, { extra: 'x', empty: 'e', p: '{{count}} items' })).toEqual([
      'missing in en: only',
      'missing in zh-CN: extra',
      'empty in zh-CN: empty',
      'parameters differ: p',
    ]);
  });
});
