import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialog } from '@angular/material/dialog';
import { ProblemError } from '@wechat-mfe/suite-api';
import { fakeContext, loadLanguage, provideUiTesting } from '@wechat-mfe/ui/testing';
import { of } from 'rxjs';
import { MaterialsApi, type MaterialDetail } from '../data/materials-api';
import { ArticleEditor } from './article-editor';
import { UNSAVED_ARTICLES, UnsavedArticles } from './unsaved-articles';

describe('ArticleEditor', () => {
  async function render({ unsaved = new UnsavedArticles(), appid = 'wx-service', mediaId = null as string | null } = {}) {
    const { context } = fakeContext();
    await context.refresh();
    const api = jasmine.createSpyObj<MaterialsApi>('MaterialsApi', ['get', 'createArticle', 'updateArticle']);
    // The material picker answers with a cover image, as a user choosing one would.
    const dialog = { open: jasmine.createSpy('open').and.returnValue({ afterClosed: () => of({ type: 'image', mediaId: 'IMG1', name: '封面.png', thumbUrl: '/c/IMG1' }) }) };
    TestBed.configureTestingModule({
      providers: [
        ...provideUiTesting(context, { 'zh-CN': () => import('../../i18n/zh-CN.json'), en: () => import('../../i18n/en.json') }),
        provideRouter([]),
        { provide: MaterialsApi, useValue: api },
        { provide: MatDialog, useValue: dialog },
        { provide: UNSAVED_ARTICLES, useValue: unsaved },
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
    const type = async (selector: string, value: string) => {
      const input = element.querySelector<HTMLInputElement>(selector)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await settle();
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
      await (await loader.getHarness(MatButtonHarness.with({ text }))).click();
      await settle();
    };
    return { fixture, api, element, type, writeBody, help, click, settle };
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

  describe('unsaved edits', () => {
    const titleOf = (element: HTMLElement) => element.querySelector<HTMLInputElement>('#art-title')!.value;
    const notice = (element: HTMLElement) => element.querySelector('.restored[role="status"]');

    it('follow the account: switching shows the other account’s (none), switching back shows these again', async () => {
      const unsaved = new UnsavedArticles();
      const { fixture, element, type, settle } = await render({ unsaved });
      await type('#art-title', '账号一的草稿');
      fixture.componentRef.setInput('appid', 'wx-other');
      await settle();
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
    });

    it('of an existing article stay with its account: switching account goes to the other account’s library', async () => {
      const { fixture, api, settle } = await render({ mediaId: 'NEWS9' });
      const navigate = spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
      api.get.calls.reset();
      fixture.componentRef.setInput('appid', 'wx-other');
      await settle();
      expect(navigate).toHaveBeenCalledWith(['/wechat/messaging/materials']);
      expect(api.get).not.toHaveBeenCalled();
    });

    it('are kept per account when the editor goes away (leaving the page) and shown again for that account only', async () => {
      const unsaved = new UnsavedArticles();
      const first = await render({ unsaved });
      expect(notice(first.element)).toBeNull();
      await first.type('#art-title', '未保存的标题');
      await first.click(/^添加一篇/);
      await first.type('#art-title', '第二篇草稿');
      first.fixture.destroy();
      TestBed.resetTestingModule();

      const other = await render({ unsaved, appid: 'wx-other' });
      expect(titleOf(other.element)).toBe('');
      expect(notice(other.element)).toBeNull();
      other.fixture.destroy();
      TestBed.resetTestingModule();

      const back = await render({ unsaved });
      expect(notice(back.element)?.textContent).toContain('已恢复此图文尚未保存的修改');
      // Both items, the second one shown as it was.
      expect(titleOf(back.element)).toBe('第二篇草稿');
      expect(Array.from(back.element.querySelectorAll('nav.items .title')).map((e) => e.textContent?.trim())).toEqual(['未保存的标题', '第二篇草稿']);
      expect(back.api.get).not.toHaveBeenCalled();
    });

    it('of a saved article come back instead of the server copy, and Discard reloads the server copy', async () => {
      const unsaved = new UnsavedArticles();
      const serverCopy = { mediaId: 'NEWS9', articles: [{ title: '服务器版本', author: '', digest: '', thumbMediaId: 'IMG1', thumbUrl: '/c/IMG1', content: '<p>旧</p>', contentSourceUrl: '', showCoverPic: true }] } as MaterialDetail;
      const first = await render({ unsaved, mediaId: 'NEWS9' });
      first.api.get.and.resolveTo(serverCopy);
      // ngOnInit ran before the spy answered: load again as the retry button would.
      await (first.fixture.componentInstance as unknown as { load(id: string): Promise<void> }).load('NEWS9');
      await first.settle();
      expect(titleOf(first.element)).toBe('服务器版本');
      await first.type('#art-title', '改过的标题');
      first.fixture.destroy();
      TestBed.resetTestingModule();

      const back = await render({ unsaved, mediaId: 'NEWS9' });
      expect(titleOf(back.element)).toBe('改过的标题');
      back.api.get.and.resolveTo(serverCopy);
      await back.click('放弃修改');
      expect(back.api.get).toHaveBeenCalledWith('wx-service', 'NEWS9');
      expect(titleOf(back.element)).toBe('服务器版本');
      expect(notice(back.element)).toBeNull();
      expect(unsaved.get(UnsavedArticles.key('wx-service', 'NEWS9'))).toBeUndefined();
    });

    it('are forgotten once saved', async () => {
      const unsaved = new UnsavedArticles();
      const { api, type, writeBody, click } = await render({ unsaved });
      spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
      await type('#art-title', '要保存的');
      await click('从素材库选择封面');
      await writeBody('<p>正文</p>');
      expect(unsaved.get(UnsavedArticles.key('wx-service', null))?.drafts[0].title).toBe('要保存的');
      api.createArticle.and.resolveTo({ mediaId: 'NEWS2', articles: [{ title: '要保存的', content: '<p>正文</p>', showCoverPic: true }] } as MaterialDetail);
      await click('保存图文');
      expect(unsaved.get(UnsavedArticles.key('wx-service', null))).toBeUndefined();
    });
  });
});
