import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { ProblemError } from '@wechat-mfe/suite-api';
import { fakeContext, loadLanguage, provideUiTesting, wxAccount, WxButtonHarness } from '@wechat-mfe/ui/testing';
import { PICKER_TRANSLATIONS } from '../i18n/picker-translations';
import { MaterialPicker } from './material-picker';
import { MaterialPickerApi, type Material, type MaterialPage } from './material-picker-api';
import type { MaterialPickerOptions } from './open-material-picker';
import zh from './i18n/zh-CN.json';
import en from './i18n/en.json';
import { translationProblems } from '@wechat-mfe/ui/testing';

const material = (mediaId: string, patch: Partial<Material> = {}): Material =>
  ({ mediaId, type: 'image', name: `${mediaId}.png`, thumbUrl: `/c/${mediaId}`, itemCount: null, ...patch }) as Material;
const page = (items: Material[], total = items.length): MaterialPage => ({ items, total, counts: {} as never, usage: [] });

describe('MaterialPicker', () => {
  async function render(options: MaterialPickerOptions | null = null) {
    const { context } = fakeContext({ accounts: { items: [wxAccount('wxa'), wxAccount('wxb')], totalBound: 2 } });
    await context.refresh();
    context.select('wxa');
    const api = jasmine.createSpyObj<MaterialPickerApi>('MaterialPickerApi', ['list']);
    api.list.and.resolveTo(page([material('A1'), material('A2')], 30));
    const close = jasmine.createSpy('close');
    TestBed.configureTestingModule({
      imports: [MaterialPicker],
      providers: [
        ...provideUiTesting(context, { 'zh-CN': async () => ({}), en: async () => ({}) }, { pickers: PICKER_TRANSLATIONS }),
        { provide: MaterialPickerApi, useValue: api },
        { provide: MAT_DIALOG_DATA, useValue: options },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    await loadLanguage('zh-CN');
    const fixture = TestBed.createComponent(MaterialPicker);
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    const item = (name: string) => element.querySelector<HTMLButtonElement>(`button[aria-label="选择 ${name}"]`);
    return { fixture, api, close, element, item, context, loader: TestbedHarnessEnvironment.loader(fixture) };
  }

  it("lists the selected account's usable materials and returns the one chosen", async () => {
    const { api, close, item } = await render();
    expect(api.list).toHaveBeenCalledWith('wxa', { type: 'image', q: '', offset: 0, limit: 12 }, jasmine.any(AbortSignal));
    expect(item('A2.png')).not.toBeNull();
    item('A2.png')!.click();
    expect(close).toHaveBeenCalledWith({ type: 'image', mediaId: 'A2', name: 'A2.png', thumbUrl: '/c/A2' });
  });

  it('offers only the allowed types, for an account passed in, and pages on the server', async () => {
    const { api, loader, fixture } = await render({ types: ['voice', 'news'], appid: 'wxb' });
    expect(api.list.calls.mostRecent().args.slice(0, 2)).toEqual(['wxb', { type: 'voice', q: '', offset: 0, limit: 12 }]);
    const typeButtons = await loader.getAllHarnesses(WxButtonHarness.with({ ancestor: '.types' }));
    expect(await Promise.all(typeButtons.map((b) => b.getText()))).toEqual(['语音', '图文']);
    await typeButtons[1].click();
    await fixture.whenStable();
    expect(api.list.calls.mostRecent().args[1]).toEqual({ type: 'news', q: '', offset: 0, limit: 12 });
    await (await loader.getHarness(WxButtonHarness.with({ text: '下一页' }))).click();
    expect(api.list.calls.mostRecent().args[1]).toEqual(jasmine.objectContaining({ type: 'news', offset: 12 }));
  });

  it('shows the empty state and a failure with retry', async () => {
    const { api, fixture, element } = await render();
    api.list.and.rejectWith(new ProblemError({ status: 503, code: 'MOCK_FAULT' }));
    const input = element.querySelector<HTMLInputElement>('input[type="search"]')!;
    input.value = '海报';
    input.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await fixture.whenStable();
    expect(api.list.calls.mostRecent().args[1]).toEqual(jasmine.objectContaining({ q: '海报' }));
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('模拟故障');
    api.list.and.resolveTo(page([]));
    // The shared error state's retry is a native button (ADR 0005).
    [...element.querySelectorAll<HTMLButtonElement>('wx-error-state button')].find((b) => b.textContent?.trim() === '重试')!.click();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    expect(element.textContent).toContain('没有可用的素材');
  });

  it('has the same strings in zh-CN and English', () => {
    expect(translationProblems(zh, en)).toEqual([]);
  });
});
