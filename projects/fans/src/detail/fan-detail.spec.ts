import { TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { fakeContext, loadLanguage, provideUiTesting } from '@wechat-mfe/ui/testing';
import { FanActionsApi } from '../data/fan-actions-api';
import { FansApi, type FanDetail } from '../data/fans-api';
import { TagDirectory } from '../tags/tag-directory';
import { FanDetailPanel } from './fan-detail';
import zh from '../i18n/zh-CN.json';
import en from '../i18n/en.json';

const detail = (language: string | null): FanDetail => ({
  openid: 'o1',
  unionid: null,
  subscribed: true,
  subscribeTime: null,
  scene: null,
  qrScene: null,
  qrCodeName: null,
  language,
  remark: '',
  remarkRevision: 'r',
  tagIds: [],
  blacklisted: false,
  timeline: [],
});

describe('FanDetailPanel', () => {
  async function languageShown(language: string | null, locale: 'zh-CN' | 'en'): Promise<string> {
    const { context } = fakeContext();
    await context.refresh();
    const actions = jasmine.createSpyObj<FanActionsApi>('FanActionsApi', ['tags']);
    actions.tags.and.resolveTo({ items: [], limit: 100 });
    const fans = jasmine.createSpyObj<FansApi>('FansApi', ['get']);
    fans.get.and.resolveTo(detail(language));
    TestBed.configureTestingModule({
      imports: [FanDetailPanel],
      providers: [
        ...provideUiTesting(context, { 'zh-CN': async () => zh, en: async () => en }),
        { provide: FanActionsApi, useValue: actions },
        { provide: FansApi, useValue: fans },
        TagDirectory,
      ],
    });
    await loadLanguage(locale);
    TestBed.inject(TranslocoService).setActiveLang(locale);
    const fixture = TestBed.createComponent(FanDetailPanel);
    fixture.componentRef.setInput('appid', 'wx-service');
    fixture.componentRef.setInput('openid', 'o1');
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    const text = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="fan-detail-language"]')!.textContent!.trim();
    TestBed.resetTestingModule();
    return text;
  }

  it("names WeChat's language values in the user's language, and shows an unknown one as WeChat sent it", async () => {
    expect(await languageShown('zh_CN', 'zh-CN')).toBe('简体中文');
    expect(await languageShown('zh_CN', 'en')).toBe('Simplified Chinese');
    expect(await languageShown('zh_TW', 'en')).toBe('Traditional Chinese (Taiwan)');
    expect(await languageShown('en', 'zh-CN')).toBe('英语');
    expect(await languageShown('ja', 'en')).toBe('ja');
    expect(await languageShown(null, 'en')).toBe('—');
  });
});
