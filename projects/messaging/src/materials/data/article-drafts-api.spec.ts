import { TestBed } from '@angular/core/testing';
import { provideSuiteClient } from '@wechat-mfe/suite-api';
import { ArticleDraftsApi, KEEPALIVE_MAX_BYTES, type ArticleDraftDocument } from './article-drafts-api';

describe('ArticleDraftsApi.save', () => {
  let requests: Request[];

  beforeEach(() => {
    requests = [];
    spyOn(window, 'fetch').and.callFake(async (input: RequestInfo | URL) => {
      requests.push(input as Request);
      return new Response(JSON.stringify({ document: null, updatedAt: null }), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    TestBed.configureTestingModule({ providers: [provideSuiteClient('/api')] });
  });

  const draft = (content: string) =>
    ({ articles: [{ title: '春季新品', author: '', digest: '', content, thumbMediaId: null, showCoverPic: false, contentSourceUrl: '' }], index: 0, savedId: null }) as unknown as ArticleDraftDocument;

  it('asks a draft that fits the browser\'s budget to outlive the page (a save as the tab closes still arrives)', async () => {
    await TestBed.inject(ArticleDraftsApi).save('wx-service', 'new', draft('<p>正文</p>'));
    expect(requests.length).toBe(1);
    expect(requests[0].method).toBe('PUT');
    expect(requests[0].keepalive).toBeTrue();
  });

  it('sends a draft over the budget as a normal request, which the browser would otherwise refuse', async () => {
    // Chinese text: three bytes a character, so the byte count decides, not the length.
    await TestBed.inject(ArticleDraftsApi).save('wx-service', 'new', draft(`<p>${'正'.repeat(Math.ceil(KEEPALIVE_MAX_BYTES / 3))}</p>`));
    expect(requests[0].keepalive).toBeFalse();
  });
});
