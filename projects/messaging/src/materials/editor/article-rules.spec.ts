import { SecurityContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { DomSanitizer } from '@angular/platform-browser';
import { trustedTypesFactory } from '@wechat-mfe/ui';
import { parseArticleHtml, trustedArticleHtml } from './article-html';
import { draftIssues, moveItem, parseArticleField, textLength, type ArticleDraft } from './article-rules';

const draft = (patch: Partial<ArticleDraft> = {}): ArticleDraft => ({
  key: 1, title: '标题', author: '', digest: '', thumbMediaId: 'M1', thumbUrl: null, thumbName: '', content: '<p>正文</p>',
  contentSourceUrl: '', showCoverPic: true, ...patch,
});

describe('article rules', () => {
  let sanitizer: DomSanitizer;
  beforeEach(() => (sanitizer = TestBed.inject(DomSanitizer)));

  it('accepts a complete item and names each broken field', () => {
    expect(draftIssues(draft(), sanitizer)).toEqual({});
    const issues = draftIssues(draft({ title: ' ', author: '一二三四五六七八九', digest: 'd'.repeat(121), thumbMediaId: '', content: '<p> </p>', contentSourceUrl: 'ftp://x' }), sanitizer);
    expect(Object.keys(issues).sort()).toEqual(['author', 'content', 'contentSourceUrl', 'digest', 'thumbMediaId', 'title']);
    expect(draftIssues(draft({ title: '标'.repeat(64), author: '一二三四五六七八', digest: 'd'.repeat(120) }), sanitizer)).toEqual({});
    expect(draftIssues(draft({ title: '标'.repeat(65) }), sanitizer).title).toEqual({ key: 'tooLong', params: { max: 64 } });
  });

  it('counts body text without markup, fewer than 20,000 characters', () => {
    expect(textLength('<p><strong>ab</strong> c</p>', sanitizer)).toBe(4);
    // Entities, 4-byte emoji and line breaks count as the server counts them (characters, spaces collapsed).
    expect(textLength('<p>a &amp; b</p>\n<p>😀&nbsp;字</p>', sanitizer)).toBe(9);
    expect(draftIssues(draft({ content: `<p>${'字'.repeat(19_999)}</p>` }), sanitizer).content).toBeUndefined();
    expect(draftIssues(draft({ content: `<p>${'字'.repeat(20_000)}</p>` }), sanitizer).content?.key).toBe('bodyTooLong');
  });

  it('counts no script or style content as text (sanitized first, as the server does)', () => {
    expect(textLength('<p>ab</p><script>var x = 1;</script><style>p { color: red }</style>', sanitizer)).toBe(2);
  });

  it('reads server field names and moves items within bounds', () => {
    expect(parseArticleField('articles[1].thumbMediaId')).toEqual({ index: 1, field: 'thumbMediaId' });
    expect(parseArticleField('articles')).toBeNull();
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});

describe('parseArticleHtml (Trusted Types policy wechat-mfe#article)', () => {
  it("parses through Angular's sanitizer: handlers, scripts and javascript: URLs are gone, text and formatting stay", () => {
    const doc = parseArticleHtml(
      '<p onclick="alert(1)">正文 <strong>粗</strong><a href="javascript:alert(2)">链接</a></p><script>alert(3)</script><img src="x" onerror="alert(4)">',
      TestBed.inject(DomSanitizer),
    );
    const body = doc.body;
    expect(body.querySelector('p')?.hasAttribute('onclick')).toBeFalse();
    expect(body.querySelector('strong')?.textContent).toBe('粗');
    expect(body.querySelector('a')?.getAttribute('href')).not.toMatch(/^javascript:/i);
    expect(body.querySelector('script')).toBeNull();
    expect(body.querySelector('img')?.hasAttribute('onerror')).toBeFalse();
  });

  it('makes TrustedHTML only of sanitized markup, keeping the first sanitizer whoever asks later', () => {
    const sanitizer = TestBed.inject(DomSanitizer);
    const html = '<p title="t" onmouseover="alert(1)">ab</p>';
    const trusted = trustedArticleHtml(html, sanitizer);
    expect(trustedTypesFactory()?.isHTML(trusted)).withContext('a TrustedHTML, not a string').toBeTrue();
    expect(String(trusted)).toBe(`<body>${sanitizer.sanitize(SecurityContext.HTML, html)}</body>`);
    expect(String(trusted)).not.toContain('onmouseover');
    // A caller handing over a sanitizer that keeps everything still gets Angular's sanitizing.
    const keepsAll = { sanitize: (_: SecurityContext, value: string) => value } as unknown as DomSanitizer;
    expect(String(trustedArticleHtml(html, keepsAll))).not.toContain('onmouseover');
  });
});
