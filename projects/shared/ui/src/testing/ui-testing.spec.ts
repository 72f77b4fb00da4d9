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

  it('takes English singulars (`<key>_one`) beside a counted string, and no singular in Chinese', () => {
    expect(translationProblems({ n: '{{count}} 项' }, { n: '{{count}} items', n_one: 'One item' })).toEqual([]);
    expect(translationProblems({ t: '标题', t_one: '标题' }, { t: 'Title', t_one: 'A title', t2_one: 'x' })).toEqual([
      'a singular in zh-CN: t_one',
      'a singular without a counted string: t_one',
      'a singular without a counted string: t2_one',
    ]);
  });
});
