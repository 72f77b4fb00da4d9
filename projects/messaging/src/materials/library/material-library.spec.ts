import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideStore } from '@ngrx/store';
import { provideEffects } from '@ngrx/effects';
import { AccountContextEffects } from '@wechat-mfe/ui';
import { fakeContext, loadLanguage, provideUiTesting, WxButtonHarness } from '@wechat-mfe/ui/testing';
import { MaterialsApi, type Material, type MaterialPage } from '../data/materials-api';
import { MaterialLibrary } from './material-library';
import { MaterialLibraryEffects } from './material-library.effects';
import { materialLibraryFeature } from './material-library.store';
import { MESSAGING_STRINGS } from '../../testing/messaging-strings';

const material = (mediaId: string, patch: Partial<Material> = {}): Material =>
  ({
    mediaId, type: 'image', name: `${mediaId}.png`, permanent: true, expiresAt: null, expired: false, size: 2048, contentType: 'image/png',
    durationSeconds: null, description: null, contentUrl: `/c/${mediaId}`, thumbUrl: `/c/${mediaId}`, itemCount: null,
    createdAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-01T00:00:00Z', ...patch,
  }) as Material;
const page = (items: Material[]): MaterialPage => ({
  items,
  total: items.length,
  counts: { image: 2, voice: 1, video: 0, news: 0 },
  usage: [
    { limit: 'imagesAndNews', used: 1, max: 100_000 },
    { limit: 'voice', used: 1, max: 1000 },
    { limit: 'video', used: 0, max: 1000 },
  ],
});

describe('wx-material-library', () => {
  async function render() {
    const { context } = fakeContext();
    await context.refresh();
    const api = jasmine.createSpyObj<MaterialsApi>('MaterialsApi', ['list', 'remove']);
    api.list.and.callFake(async (_appid, query) =>
      query.type === 'voice'
        ? page([material('V1', { type: 'voice', name: '欢迎.wav', thumbUrl: null, durationSeconds: 3 })])
        : page([material('P1'), material('T1', { permanent: false, expiresAt: '2026-11-04T08:00:00Z', expired: true })]),
    );
    TestBed.configureTestingModule({
      providers: [
        ...provideUiTesting(context, MESSAGING_STRINGS),
        provideRouter([]),
        provideStore({ [materialLibraryFeature.name]: materialLibraryFeature.reducer }),
        provideEffects(AccountContextEffects, MaterialLibraryEffects),
        { provide: MaterialsApi, useValue: api },
      ],
    });
    await loadLanguage('zh-CN');
    const fixture = TestBed.createComponent(MaterialLibrary);
    fixture.componentRef.setInput('appid', 'wx-service');
    const element: HTMLElement = fixture.nativeElement;
    const settle = async () => {
      for (let i = 0; i < 3; i++) {
        await new Promise((resolve) => setTimeout(resolve));
        await fixture.whenStable();
      }
    };
    await settle();
    return { fixture, element, api, settle, loader: TestbedHarnessEnvironment.loader(fixture) };
  }

  it('shows images as a grid with their badges, and voice as a list with its length', async () => {
    const { element, loader, settle } = await render();
    const cards = Array.from(element.querySelectorAll('.grid .card'));
    expect(cards.map((c) => c.querySelector('.name')?.textContent?.trim())).toEqual(['P1.png', 'T1.png']);
    expect(cards[0].textContent).toContain('永久素材');
    expect(cards[1].textContent).toContain('已过期');
    // An expired material's bytes are gone: no broken image.
    expect(cards[1].querySelector('img')).toBeNull();
    expect(element.querySelector('meter')?.getAttribute('aria-valuetext')).toBe('1 / 100,000');
    await (await loader.getHarness(WxButtonHarness.with({ text: /^语音/ }))).click();
    await settle();
    expect(element.querySelector('table tbody tr')?.textContent).toContain('3 秒');
    expect(element.querySelector('.grid')).toBeNull();
  });

  it('tells a search that finds no article from an empty library', async () => {
    const { element, api, loader, settle } = await render();
    api.list.and.resolveTo(page([]));
    await (await loader.getHarness(WxButtonHarness.with({ text: /^图文/ }))).click();
    await settle();
    expect(element.querySelector('wx-empty-state')!.textContent).toContain('还没有素材');
    expect(element.querySelector('wx-empty-state')!.textContent).toContain('新建图文');
    const search = element.querySelector<HTMLInputElement>('input[type="search"]')!;
    search.value = '不存在';
    search.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await settle();
    const empty = element.querySelector('wx-empty-state')!.textContent!;
    expect(empty).toContain('没有符合条件的素材');
    expect(empty).toContain('换个关键词或有效期再试');
    expect(empty).not.toContain('新建图文');
  });

  it('deletes only after confirming, then reloads', async () => {
    const { api, loader, settle } = await render();
    api.remove.and.resolveTo(undefined);
    await (await loader.getHarness(WxButtonHarness.with({ selector: '[aria-label="删除 P1.png"]' }))).click();
    await settle();
    expect(api.remove).not.toHaveBeenCalled();
    const calls = api.list.calls.count();
    await (await loader.getHarness(WxButtonHarness.with({ text: '删除', ancestor: '.confirm' }))).click();
    await settle();
    expect(api.remove).toHaveBeenCalledWith('wx-service', 'P1');
    expect(api.list.calls.count()).toBe(calls + 1);
  });
});
