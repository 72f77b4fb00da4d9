import { translationProblems } from '@wechat-mfe/ui/testing';
import zhCN from './zh-CN.json';
import en from './en.json';

describe('widgets translations', () => {
  it('has the same keys and parameters in zh-CN and English, none empty', () => {
    expect(translationProblems(zhCN, en)).toEqual([]);
  });
});
