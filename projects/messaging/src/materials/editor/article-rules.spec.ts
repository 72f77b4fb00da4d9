import { draftIssues, moveItem, parseArticleField, textLength, type ArticleDraft } from './article-rules';

const draft = (patch: Partial<ArticleDraft> = {}): ArticleDraft => ({
  key: 1, title: '标题', author: '', digest: '', thumbMediaId: 'M1', thumbUrl: null, thumbName: '', content: '<p>正文</p>',
  contentSourceUrl: '', showCoverPic: true, ...patch,
});

describe('article rules', () => {
  it('accepts a complete item and names each broken field', () => {
    expect(draftIssues(draft())).toEqual({});
    const issues = draftIssues(draft({ title: ' ', author: '一二三四五六七八九', digest: 'd'.repeat(121), thumbMediaId: '', content: '<p> </p>', contentSourceUrl: 'ftp://x' }));
    expect(Object.keys(issues).sort()).toEqual(['author', 'content', 'contentSourceUrl', 'digest', 'thumbMediaId', 'title']);
    expect(draftIssues(draft({ title: '标'.repeat(64), author: '一二三四五六七八', digest: 'd'.repeat(120) }))).toEqual({});
    expect(draftIssues(draft({ title: '标'.repeat(65) })).title).toEqual({ key: 'tooLong', params: { max: 64 } });
  });

  it('counts body text without markup, fewer than 20,000 characters', () => {
    expect(textLength('<p><strong>ab</strong> c</p>')).toBe(4);
    expect(draftIssues(draft({ content: `<p>${'字'.repeat(19_999)}</p>` })).content).toBeUndefined();
    expect(draftIssues(draft({ content: `<p>${'字'.repeat(20_000)}</p>` })).content?.key).toBe('bodyTooLong');
  });

  it('reads server field names and moves items within bounds', () => {
    expect(parseArticleField('articles[1].thumbMediaId')).toEqual({ index: 1, field: 'thumbMediaId' });
    expect(parseArticleField('articles')).toBeNull();
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});
