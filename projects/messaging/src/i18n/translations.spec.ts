import { translationProblems } from '@wechat-mfe/ui/testing';
import { PAGE_STRINGS } from '../testing/messaging-strings';

describe('messaging translations', () => {
  it('has the same keys and parameters in zh-CN and English, none empty, on every page', () => {
    expect(translationProblems(PAGE_STRINGS['zh-CN'], PAGE_STRINGS.en)).toEqual([]);
    expect(Object.keys(PAGE_STRINGS['zh-CN']).sort()).toEqual(['autoReply', 'inbox', 'massSend', 'materials', 'templates', 'title']);
  });
});
