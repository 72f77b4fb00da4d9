import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatDialog } from '@angular/material/dialog';
import { ProblemError } from '@wechat-mfe/suite-api';
import { fakeContext, loadLanguage, provideUiTesting, wxUser, WxButtonHarness } from '@wechat-mfe/ui/testing';
import { of } from 'rxjs';
import { ArticleDraftsApi, type ArticleDraftDocument } from '../data/article-drafts-api';
import { MaterialsApi, type MaterialDetail } from '../data/materials-api';
import { ArticleEditor } from './article-editor';
import { ARTICLE_DRAFT_DEBOUNCE_MS, ARTICLE_DRAFT_RETRY_MS, UNSENT_ARTICLE_DRAFTS, UnsentArticleDrafts } from './article-draft-autosave';
import { MESSAGING_STRINGS } from '../../testing/messaging-strings';

/** The suite's draft endpoints as an in-memory store (`appid|key` → document, last saved at `savedAt`), spied on. */
function fakeDraftServer(initial: Record<string, ArticleDraftDocument> = {}, savedAt = '2026-11-20T08:00:00.000Z') {
  const stored = new Map(Object.entries(initial));
  const api = jasmine.createSpyObj<ArticleDraftsApi>('ArticleDraftsApi', ['get', 'save', 'discard']);
  api.get.and.callFake(async (appid, key) => {
    const document = stored.get(`${appid}|${key}`);
    return document ? { document, updatedAt: savedAt } : null;
  });
  api.save.and.callFake(async (appid, key, document) => stored.set(`${appid}|${key}`, document));
  api.discard.and.callFake(async (appid, key) => stored.delete(`${appid}|${key}`));
  return { api, stored };
}

/** A draft item as the editor sends it. */
const draftItem = (patch: Partial<ArticleDraftDocument['articles'][number]> = {}): ArticleDraftDocument['articles'][number] => ({
  title: '', author: '', digest: '', thumbMediaId: '', thumbUrl: null, thumbName: '', content: '', contentSourceUrl: '', showCoverPic: true,
  ...patch,
});

/** Lets promise callbacks run while jasmine's clock holds the timers. */
async function microtasks(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('ArticleEditor', () => {
  async function render({
    server = fakeDraftServer(),
    unsent = new UnsentArticleDrafts(),
    appid = 'wx-service',
    mediaId = null as string | null,
    article = null as MaterialDetail | null,
    user = 'marketer',
  } = {}) {
    const { context } = fakeContext({ user: wxUser(user) });
    await context.refresh();
    const api = jasmine.createSpyObj<MaterialsApi>('MaterialsApi', ['get', 'createArticle', 'updateArticle']);
    if (article) api.get.and.resolveTo(article);
    // The material picker answers with a cover image, as a user choosing one would.
    const dialog = { open: jasmine.createSpy('open').and.returnValue({ afterClosed: () => of({ type: 'image', mediaId: 'IMG1', name: '封面.png', thumbUrl: '/c/IMG1' }) }) };
    TestBed.configureTestingModule({
      providers: [
        ...provideUiTesting(context, MESSAGING_STRINGS),
        provideRouter([]),
        { provide: MaterialsApi, useValue: api },
        { provide: ArticleDraftsApi, useValue: server.api },
        { provide: MatDialog, useValue: dialog },
        { provide: UNSENT_ARTICLE_DRAFTS, useValue: unsent },
      ],
    });
    await loadLanguage('zh-CN');
    const fixture = TestBed.createComponent(ArticleEditor);
    fixture.componentRef.setInput('appid', appid);
    fixture.componentRef.setInput('mediaId', mediaId);
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    const settle = async () => {
      for (let i = 0; i < 3; i++) {
        await new Promise((resolve) => setTimeout(resolve));
        await fixture.whenStable();
      }
    };
    await settle();
    /** Types into a field as the user would; `now` skips waiting on timers (jasmine's clock installed). */
    const type = async (selector: string, value: string, { now = false } = {}) => {
      const input = element.querySelector<HTMLInputElement>(selector)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      if (now) fixture.detectChanges();
      else await settle();
    };
    const writeBody = async (html: string) => {
      const region = element.querySelector<HTMLElement>('[role="textbox"][contenteditable]')!;
      region.replaceChildren(...Array.from(new DOMParser().parseFromString(html, 'text/html').body.childNodes));
      region.dispatchEvent(new Event('input'));
      await settle();
    };
    const help = (field: string) => element.querySelector(`#art-${field}-help`)?.textContent?.trim();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const click = async (text: string | RegExp) => {
      await (await loader.getHarness(WxButtonHarness.with({ text }))).click();
      await settle();
    };
    /** The draft's status line (role="status", next to the buttons). */
    const draftState = () => element.querySelector('.draft-state[role="status"]')?.textContent?.trim() ?? null;
    return { fixture, api, element, type, writeBody, help, click, settle, draftState };
  }

  it('counts as the user types and saves nothing while a rule is broken', async () => {
    const { api, type, help, click } = await render();
    await type('#art-title', '双十一');
    expect(help('title')).toBe('3 / 64');
    await type('#art-author', '一二三四五六七八九');
    expect(help('author')).toBe('最多 8 个字');
    await click('保存图文');
    expect(help('thumbMediaId')).toBe('请选择封面图片');
    expect(help('content')).toBe('正文不能为空');
    expect(api.createArticle).not.toHaveBeenCalled();
  });

  it('takes focus to the first problem of the first item in error when a save is refused', async () => {
    const { element, type, writeBody, click } = await render();
    await type('#art-title', '第一篇');
    await writeBody('<p>正文</p>');
    await click(/添加一篇/);
    await type('#art-title', '第二篇');
    await click('保存图文');
    // Back on item 1 (its form rendered anew): only its cover is missing.
    expect(element.querySelector<HTMLInputElement>('#art-title')!.value).toBe('第一篇');
    expect(document.activeElement).toBe(element.querySelector('.cover button'));
  });

  it('counts the body like the other fields and states WeChat’s "fewer than" rule apart', async () => {
    const { element, writeBody, help } = await render();
    await writeBody('<p>双十一<b>预告</b></p>');
    expect(help('content')).toBe('5 / 20,000 字');
    expect(element.querySelector('#art-content-rule')!.textContent!.trim()).toBe('微信要求正文少于 20,000 字。');
    const body = element.querySelector('[role="textbox"][contenteditable]')!;
    expect(body.getAttribute('aria-describedby')).toBe('art-content-help art-content-rule');
  });

  it('says "saved" only after a save: also in the editor a new article moves to once saved, not in one merely opened', async () => {
    const { api, element, type, writeBody, click } = await render();
    spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
    await type('#art-title', '第一篇');
    await click('从素材库选择封面');
    await writeBody('<p>一</p>');
    const saved = {
      mediaId: 'NEWS1', revision: 'r1', updatedAt: '2026-11-20T08:00:00.000Z',
      articles: [{ title: '第一篇', author: '', digest: '', thumbMediaId: 'IMG1', thumbUrl: '/c/IMG1', content: '<p>一</p>', contentSourceUrl: '', showCoverPic: true }],
    } as MaterialDetail;
    api.createArticle.and.resolveTo(saved);
    expect(element.querySelector('.saved')).toBeNull();
    await click('保存图文');
    expect(element.querySelector('.saved')?.textContent).toContain('已保存');
    // The router makes a new editor at the article's address: it still says so, once.
    const moved = TestBed.createComponent(ArticleEditor);
    api.get.and.resolveTo(saved);
    moved.componentRef.setInput('appid', 'wx-service');
    moved.componentRef.setInput('mediaId', 'NEWS1');
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve));
      await moved.whenStable();
    }
    expect((moved.nativeElement as HTMLElement).querySelector('.saved')?.textContent).toContain('已保存');
    const reopened = TestBed.createComponent(ArticleEditor);
    reopened.componentRef.setInput('appid', 'wx-service');
    reopened.componentRef.setInput('mediaId', 'NEWS1');
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve));
      await reopened.whenStable();
    }
    expect((reopened.nativeElement as HTMLElement).querySelector('.saved')).toBeNull();
  });

  it('saves two items in their order, with the cover from the picker, and shows the server’s preview', async () => {
    const { api, type, writeBody, click, element, fixture } = await render();
    const navigate = spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
    await type('#art-title', '第一篇');
    await click('从素材库选择封面');
    await writeBody('<p>一</p>');
    await click(/^添加一篇/);
    await type('#art-title', '第二篇');
    await click('从素材库选择封面');
    await writeBody('<p>二</p>');
    // Move the second item up: it becomes the first.
    element.querySelector<HTMLButtonElement>('button[aria-label="上移第 2 篇"]')!.click();
    await fixture.whenStable();
    const saved = { mediaId: 'NEWS1', articles: [{ title: '第二篇', content: '<p>二</p>', showCoverPic: true, thumbUrl: '/c/IMG1' }] } as MaterialDetail;
    api.createArticle.and.resolveTo(saved);
    await click('保存图文');
    const [appid, items] = api.createArticle.calls.mostRecent().args;
    expect(appid).toBe('wx-service');
    expect(items.map((i) => [i.title, i.thumbMediaId, i.content])).toEqual([
      ['第二篇', 'IMG1', '<p>二</p>'],
      ['第一篇', 'IMG1', '<p>一</p>'],
    ]);
    expect(navigate).toHaveBeenCalledWith(['/wechat/messaging/materials/news', 'NEWS1'], { replaceUrl: true });
    expect(element.querySelector('wx-article-preview')?.textContent).toContain('第二篇');
  });

  it('puts the server’s field errors next to their field and keeps what was typed', async () => {
    const { api, type, writeBody, click, help, element } = await render();
    await type('#art-title', '标题');
    await click('从素材库选择封面');
    await writeBody('<p>正文</p>');
    api.createArticle.and.rejectWith(
      new ProblemError({ status: 422, code: 'WECHAT_40007', errors: [{ field: 'articles[0].thumbMediaId', message: 'is not a permanent image' }] }),
    );
    await click('保存图文');
    expect(help('thumbMediaId')).toBe('服务器：is not a permanent image');
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('所选素材无效');
    expect(element.querySelector<HTMLInputElement>('#art-title')!.value).toBe('标题');
    expect(element.querySelector('[contenteditable]')!.textContent).toBe('正文');
  });


  describe('drafts', () => {
    const titleOf = (element: HTMLElement) => element.querySelector<HTMLInputElement>('#art-title')!.value;
    const notice = (element: HTMLElement) => element.querySelector('.restored[role="status"]');
    const serverCopy = {
      mediaId: 'NEWS9',
      articles: [{ title: '服务器版本', author: '', digest: '', thumbMediaId: 'IMG1', thumbUrl: '/c/IMG1', content: '<p>旧</p>', contentSourceUrl: '', showCoverPic: true }],
    } as MaterialDetail;

    afterEach(() => jasmine.clock().uninstall());

    it('restores the user’s server draft of a new article, with the notice, both items and the item shown', async () => {
      const server = fakeDraftServer({
        'wx-service|new': {
          articles: [draftItem({ title: '上次没写完' }), draftItem({ title: '第二篇草稿', thumbMediaId: 'IMG1', thumbUrl: '/c/IMG1', thumbName: '封面.png' })],
          index: 1,
          savedId: null,
        },
      });
      const { element, api } = await render({ server });
      expect(server.api.get).toHaveBeenCalledWith('wx-service', 'new', jasmine.anything());
      expect(notice(element)?.textContent).toContain('已恢复此图文尚未保存的修改');
      expect(titleOf(element)).toBe('第二篇草稿');
      expect(element.querySelector<HTMLImageElement>('.cover img')?.getAttribute('src')).toBe('/c/IMG1');
      expect(Array.from(element.querySelectorAll('nav.items .title')).map((e) => e.textContent?.trim())).toEqual(['上次没写完', '第二篇草稿']);
      expect(api.get).not.toHaveBeenCalled();
    });

    it('are shown as text: a stored draft’s markup never runs (bodies go through the sanitizer like saved ones)', async () => {
      const server = fakeDraftServer({
        'wx-service|new': {
          articles: [draftItem({
            title: '<b onmouseover="alert(1)">标题</b>',
            content: '<p>正文</p><img src="/nope" onerror="alert(1)"><script>alert(1)</script><a href="javascript:alert(1)">链接</a>',
            thumbUrl: 'javascript:alert(1)',
            thumbMediaId: 'IMG1',
          })],
          index: 0,
          savedId: null,
        },
      });
      const { element } = await render({ server });
      expect(titleOf(element)).toBe('<b onmouseover="alert(1)">标题</b>');
      expect(element.querySelector('nav.items .title')?.textContent).toBe('<b onmouseover="alert(1)">标题</b>');
      expect(element.querySelector('nav.items b')).toBeNull();
      const region = element.querySelector('[role="textbox"][contenteditable]')!;
      expect(region.textContent).toContain('正文');
      expect(region.querySelector('script, [onerror], a[href^="javascript"]')).toBeNull();
      expect(element.querySelector('.cover img')?.getAttribute('src')).not.toMatch(/^javascript:/);
    });

    it('autosave a pause after the last change, and say so', async () => {
      const server = fakeDraftServer();
      const { type, draftState, fixture } = await render({ server });
      expect(draftState()).toBe('');
      jasmine.clock().install();
      await type('#art-title', '双', { now: true });
      jasmine.clock().tick(500);
      await type('#art-title', '双十一', { now: true });
      jasmine.clock().tick(ARTICLE_DRAFT_DEBOUNCE_MS - 1);
      await microtasks();
      expect(server.api.save).not.toHaveBeenCalled();
      jasmine.clock().tick(1);
      await microtasks();
      expect(server.api.save).toHaveBeenCalledOnceWith(
        'wx-service', 'new', { articles: [draftItem({ title: '双十一' })], index: 0, savedId: null },
      );
      fixture.detectChanges();
      expect(draftState()).toBe('草稿已保存');
    });

    it('keep the text when an autosave fails, say so, and retry a while later', async () => {
      const server = fakeDraftServer();
      const unsent = new UnsentArticleDrafts();
      const { type, draftState, fixture, element } = await render({ server, unsent });
      server.api.save.and.rejectWith(new ProblemError({ status: 503, code: 'MOCK_FAULT', errors: [] }));
      jasmine.clock().install();
      await type('#art-title', '不能丢的标题', { now: true });
      jasmine.clock().tick(ARTICLE_DRAFT_DEBOUNCE_MS);
      await microtasks();
      fixture.detectChanges();
      expect(server.api.save).toHaveBeenCalledTimes(1);
      expect(draftState()).toBe('草稿未保存，正在重试');
      expect(titleOf(element)).toBe('不能丢的标题');
      expect(unsent.get({ userId: 'marketer', appid: 'wx-service', key: 'new' })?.articles[0].title).toBe('不能丢的标题');

      // The server is back: the retry saves the same text, and the memory copy goes.
      server.api.save.and.callFake(async (appid, key, document) => server.stored.set(`${appid}|${key}`, document));
      jasmine.clock().tick(ARTICLE_DRAFT_RETRY_MS);
      await microtasks();
      fixture.detectChanges();
      expect(server.api.save).toHaveBeenCalledTimes(2);
      expect(server.stored.get('wx-service|new')?.articles[0].title).toBe('不能丢的标题');
      expect(draftState()).toBe('草稿已保存');
      expect(unsent.get({ userId: 'marketer', appid: 'wx-service', key: 'new' })).toBeUndefined();
    });

    it('that never reached the server come back from memory when the editor opens again, for the same user only', async () => {
      const server = fakeDraftServer();
      server.api.save.and.rejectWith(new Error('offline'));
      const unsent = new UnsentArticleDrafts();
      const first = await render({ server, unsent });
      await first.type('#art-title', '离线时写的');
      // Leaving the page saves at once (and fails: the server is unreachable).
      first.fixture.destroy();
      await microtasks();
      expect(server.api.save).toHaveBeenCalledTimes(1);
      TestBed.resetTestingModule();

      const someoneElse = await render({ server, unsent, user: 'admin' });
      expect(titleOf(someoneElse.element)).toBe('');
      expect(notice(someoneElse.element)).toBeNull();
      someoneElse.fixture.destroy();
      TestBed.resetTestingModule();

      server.api.save.and.callFake(async (appid, key, document) => server.stored.set(`${appid}|${key}`, document));
      server.api.get.calls.reset();
      const back = await render({ server, unsent });
      expect(titleOf(back.element)).toBe('离线时写的');
      expect(notice(back.element)).not.toBeNull();
      expect(server.api.get).not.toHaveBeenCalledWith('wx-service', 'new', jasmine.anything());
      // …and it is sent again like a change.
      await new Promise((resolve) => setTimeout(resolve, ARTICLE_DRAFT_DEBOUNCE_MS + 50));
      expect(server.stored.get('wx-service|new')?.articles[0].title).toBe('离线时写的');
    });

    it('follow the account: switching saves this one’s at once, shows the other’s (none), and switching back shows these again', async () => {
      const server = fakeDraftServer();
      const { fixture, element, type, settle } = await render({ server });
      await type('#art-title', '账号一的草稿');
      fixture.componentRef.setInput('appid', 'wx-other');
      await settle();
      expect(server.stored.get('wx-service|new')?.articles[0].title).toBe('账号一的草稿');
      expect(titleOf(element)).toBe('');
      expect(notice(element)).toBeNull();
      await type('#art-title', '账号二的草稿');
      fixture.componentRef.setInput('appid', 'wx-service');
      await settle();
      expect(titleOf(element)).toBe('账号一的草稿');
      expect(notice(element)).not.toBeNull();
      fixture.componentRef.setInput('appid', 'wx-other');
      await settle();
      expect(titleOf(element)).toBe('账号二的草稿');
      expect(server.stored.get('wx-other|new')?.articles[0].title).toBe('账号二的草稿');
    });

    it('of an existing article stay with its account: switching account goes to the other account’s library', async () => {
      const { fixture, api, settle } = await render({ mediaId: 'NEWS9', article: serverCopy });
      const navigate = spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
      api.get.calls.reset();
      fixture.componentRef.setInput('appid', 'wx-other');
      await settle();
      expect(navigate).toHaveBeenCalledWith(['/wechat/messaging/materials']);
      expect(api.get).not.toHaveBeenCalled();
    });

    it('of a saved article come back instead of the server copy, and Discard deletes the draft and shows the server copy', async () => {
      const server = fakeDraftServer({
        'wx-service|NEWS9': { articles: [{ ...draftItem(), ...serverCopy.articles![0], title: '改过的标题' }], index: 0, savedId: 'NEWS9' },
      });
      const back = await render({ server, mediaId: 'NEWS9', article: serverCopy });
      expect(titleOf(back.element)).toBe('改过的标题');
      expect(notice(back.element)).not.toBeNull();
      back.api.get.calls.reset();
      await back.click('放弃修改');
      expect(server.api.discard).toHaveBeenCalledWith('wx-service', 'NEWS9');
      expect(server.stored.has('wx-service|NEWS9')).toBeFalse();
      expect(back.api.get).toHaveBeenCalledWith('wx-service', 'NEWS9');
      expect(titleOf(back.element)).toBe('服务器版本');
      expect(notice(back.element)).toBeNull();
    });

    it('warn when the article was saved after the draft was last written (saving the draft would replace that)', async () => {
      const changed = { articles: [{ ...draftItem(), ...serverCopy.articles![0], title: '我的旧草稿' }], index: 0, savedId: 'NEWS9' };
      const later = await render({
        server: fakeDraftServer({ 'wx-service|NEWS9': changed }, '2026-11-20T08:00:00.000Z'),
        mediaId: 'NEWS9',
        article: { ...serverCopy, updatedAt: '2026-11-21T09:30:00.000Z', revision: 'r-0930' } as MaterialDetail,
      });
      expect(titleOf(later.element)).toBe('我的旧草稿');
      expect(notice(later.element)?.querySelector('.newer')?.textContent).toMatch(/^此图文在 2026-11-21 \d\d:30 又被保存过，晚于您的草稿/);
      // Saving the draft names a revision the article does not have: the server refuses it as stale.
      later.api.updateArticle.and.rejectWith(new ProblemError({ status: 412, code: 'STALE', errors: [] }));
      await later.click('保存图文');
      expect(later.api.updateArticle.calls.mostRecent().args[3]).not.toBe('r-0930');
      expect(later.element.querySelector('.conflict[role="alert"]')).not.toBeNull();
      TestBed.resetTestingModule();

      const earlier = await render({
        server: fakeDraftServer({ 'wx-service|NEWS9': changed }, '2026-11-22T08:00:00.000Z'),
        mediaId: 'NEWS9',
        article: { ...serverCopy, updatedAt: '2026-11-21T09:30:00.000Z' } as MaterialDetail,
      });
      expect(notice(earlier.element)).not.toBeNull();
      expect(notice(earlier.element)?.querySelector('.newer')).toBeNull();
    });

    it('that say nothing new (the same as the saved article) show no notice', async () => {
      const server = fakeDraftServer({
        'wx-service|NEWS9': { articles: [{ ...draftItem(), ...serverCopy.articles![0], thumbUrl: '/elsewhere', thumbName: '封面.png' }], index: 0, savedId: 'NEWS9' },
      });
      const { element } = await render({ server, mediaId: 'NEWS9', article: serverCopy });
      expect(titleOf(element)).toBe('服务器版本');
      expect(notice(element)).toBeNull();
      expect(server.api.discard).toHaveBeenCalledWith('wx-service', 'NEWS9');
    });

    it('are saved at once when the page goes away (tab closed or reloaded), not after the pause', async () => {
      const server = fakeDraftServer();
      const { type } = await render({ server });
      jasmine.clock().install();
      await type('#art-title', '关标签页之前', { now: true });
      window.dispatchEvent(new Event('pagehide'));
      await microtasks();
      expect(server.api.save).toHaveBeenCalledOnceWith('wx-service', 'new', jasmine.objectContaining({ articles: [draftItem({ title: '关标签页之前' })] }));
      jasmine.clock().tick(ARTICLE_DRAFT_DEBOUNCE_MS);
      await microtasks();
      expect(server.api.save).toHaveBeenCalledTimes(1);
    });

    it('refused by the server (too large) are not resent by the timer, only with the next change', async () => {
      const server = fakeDraftServer();
      const { type, draftState, fixture } = await render({ server });
      server.api.save.and.rejectWith(new ProblemError({ status: 400, code: 'VALIDATION', errors: [{ field: 'articles[0].content', message: 'too large' }] }));
      jasmine.clock().install();
      await type('#art-title', '很长的草稿', { now: true });
      jasmine.clock().tick(ARTICLE_DRAFT_DEBOUNCE_MS);
      await microtasks();
      fixture.detectChanges();
      // Not "retrying": the same text would be refused again.
      expect(draftState()).toBe('服务器不保存此草稿（正文超过 2 MiB，或图文已删除、权限已变更），内容仍保留在本页');
      jasmine.clock().tick(ARTICLE_DRAFT_RETRY_MS * 3);
      await microtasks();
      expect(server.api.save).toHaveBeenCalledTimes(1);
      await type('#art-title', '短一点的草稿', { now: true });
      jasmine.clock().tick(ARTICLE_DRAFT_DEBOUNCE_MS);
      await microtasks();
      expect(server.api.save).toHaveBeenCalledTimes(2);
    });

    it('are deleted once the article is saved', async () => {
      const server = fakeDraftServer();
      const { api, type, writeBody, click, draftState } = await render({ server });
      spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
      await type('#art-title', '要保存的');
      await click('从素材库选择封面');
      await writeBody('<p>正文</p>');
      await new Promise((resolve) => setTimeout(resolve, ARTICLE_DRAFT_DEBOUNCE_MS + 50));
      expect(server.stored.get('wx-service|new')?.articles[0].title).toBe('要保存的');
      api.createArticle.and.resolveTo({ mediaId: 'NEWS2', articles: [{ title: '要保存的', content: '<p>正文</p>', showCoverPic: true }] } as MaterialDetail);
      await click('保存图文');
      expect(server.api.discard).toHaveBeenCalledWith('wx-service', 'new');
      expect(server.stored.has('wx-service|new')).toBeFalse();
      expect(draftState()).toBe('');
    });
  });

  describe('two people saving one article', () => {
    const opened = {
      mediaId: 'NEWS9',
      updatedAt: '2026-11-20T08:00:00.000Z',
      revision: 'r-0800',
      articles: [{ title: '服务器版本', author: '', digest: '', thumbMediaId: 'IMG1', thumbUrl: '/c/IMG1', content: '<p>旧</p>', contentSourceUrl: '', showCoverPic: true }],
    } as MaterialDetail;
    const conflictAlert = (element: HTMLElement) => element.querySelector('.conflict[role="alert"]');

    it('names the version the edit started from, so a save cannot silently replace a colleague\'s newer one', async () => {
      const { api, element, type, click } = await render({ mediaId: 'NEWS9', article: opened });
      api.updateArticle.and.resolveTo({ ...opened, updatedAt: '2026-11-20T09:00:00.000Z', revision: 'r-0900' } as MaterialDetail);
      expect(element.querySelector('.saved')).withContext('opened, not saved in this editor: no "saved"').toBeNull();
      await type('#art-title', '我的修改');
      await click('保存图文');
      expect(api.updateArticle.calls.mostRecent().args[3]).toBe('r-0800');
      expect(element.querySelector('.saved')?.textContent).toContain('已保存');
      // The next save starts from the version just saved.
      await type('#art-title', '再改一次');
      expect(element.querySelector('.saved')).withContext('changed since the save: no longer "saved"').toBeNull();
      await click('保存图文');
      expect(api.updateArticle.calls.mostRecent().args[3]).toBe('r-0900');
    });

    it('on a stale save (412) keeps the edits and lets the user overwrite or see the latest version', async () => {
      const { api, element, type, click } = await render({ mediaId: 'NEWS9', article: opened });
      api.updateArticle.and.rejectWith(new ProblemError({ status: 412, code: 'STALE', errors: [] }));
      await type('#art-title', '我的修改');
      await click('保存图文');
      expect(conflictAlert(element)?.textContent).toContain('此图文在您开始编辑后已被其他人保存');
      expect(element.querySelector<HTMLInputElement>('#art-title')!.value).toBe('我的修改');
      expect(element.querySelector('.problem')).toBeNull();
      expect(element.querySelector('.saved')).withContext('the page does not also say "saved"').toBeNull();

      api.updateArticle.and.resolveTo({ ...opened, updatedAt: '2026-11-20T10:00:00.000Z', articles: [{ ...opened.articles![0], title: '我的修改' }] } as MaterialDetail);
      await click('仍然保存（覆盖对方的修改）');
      expect(api.updateArticle.calls.mostRecent().args[3]).toBeUndefined();
      expect(conflictAlert(element)).toBeNull();

      api.updateArticle.and.rejectWith(new ProblemError({ status: 412, code: 'STALE', errors: [] }));
      await type('#art-title', '又一次修改');
      await click('保存图文');
      expect(conflictAlert(element)).not.toBeNull();
      api.get.and.resolveTo({ ...opened, updatedAt: '2026-11-20T11:00:00.000Z', articles: [{ ...opened.articles![0], title: '同事的版本' }] } as MaterialDetail);
      await click('放弃修改，查看最新版本');
      expect(element.querySelector<HTMLInputElement>('#art-title')!.value).toBe('同事的版本');
      expect(conflictAlert(element)).toBeNull();
    });
  });
});
