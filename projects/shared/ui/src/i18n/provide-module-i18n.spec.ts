import { firstValueFrom } from 'rxjs';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { fakeContext, MODULE_STRINGS, provideUiTesting } from '../testing/ui-testing';
import { injectAccountState } from './account-context';

@Component({
  selector: 'wx-i18n-probe',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<p>{{ 'page.title' | transloco }}</p>
    <p>{{ 'ui.notBound.title' | transloco }}</p>
    <p>{{ state.access() }} {{ state.selected()?.appid }} {{ state.user()?.id }}</p>`,
})
class I18nProbe {
  protected readonly state = injectAccountState();
}

describe('provideModuleI18n', () => {
  async function render() {
    const { context, suite } = fakeContext();
    await context.refresh();
    TestBed.configureTestingModule({ providers: provideUiTesting(context) });
    const fixture = TestBed.createComponent(I18nProbe);
    await fixture.whenStable();
    const texts = () => [...fixture.nativeElement.querySelectorAll('p')].map((p: HTMLElement) => p.textContent?.trim());
    return { context, suite, fixture, texts };
  }

  it("serves the module's strings (unwrapping a JSON module's default) and the library's under ui.", async () => {
    const { texts } = await render();
    expect(texts().slice(0, 2)).toEqual(['测试页面', '尚未绑定微信公众号']);
  });

  it("follows the context's locale at runtime", async () => {
    const { context, fixture, texts } = await render();
    context.setLocale('en');
    await fixture.whenStable();
    expect(texts().slice(0, 2)).toEqual(['Test page', 'No WeChat Official Account is bound yet']);
    expect(TestBed.inject(TranslocoService).getActiveLang()).toBe('en');
  });

  it('starts in the language the context already has', async () => {
    const { context } = fakeContext();
    context.setLocale('en');
    TestBed.configureTestingModule({ providers: provideUiTesting(context) });
    const fixture = TestBed.createComponent(I18nProbe);
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('p').textContent).toBe('Test page');
  });

  it("takes an English string's singular (`_one`) for a count of 1, as a number or as a number pipe's text", async () => {
    const { context } = await render();
    const transloco = TestBed.inject(TranslocoService);
    context.setLocale('en');
    await firstValueFrom(transloco.selectTranslation('en'));
    expect([0, 1, '1', 2, '1,000', 1.5].map((count) => transloco.translate('page.items', { count }))).toEqual([
      '0 items', '1 item', '1 item', '2 items', '1,000 items', '1.5 items',
    ]);
    // Chinese has no singular form: the one string serves every count.
    context.setLocale('zh-CN');
    await firstValueFrom(transloco.selectTranslation('zh-CN'));
    expect(transloco.translate('page.items', { count: 1 })).toBe('1 项');
  });

  it('reports a missing key once and shows the key', async () => {
    await render();
    const warn = spyOn(console, 'warn');
    const transloco = TestBed.inject(TranslocoService);
    expect(transloco.translate('page.nope')).toBe('page.nope');
    transloco.translate('page.nope');
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('exposes access, selection and user as signals that follow the context', async () => {
    const { context, suite, fixture, texts } = await render();
    expect(texts()[2]).toBe('ready wx-service marketer');
    suite.accounts = { items: [], totalBound: 1 };
    await context.refresh();
    await fixture.whenStable();
    expect(texts()[2]).toBe('no-permission  marketer');
  });

  it("serves a shared library's strings under the prefix the module hands in", async () => {
    const { context } = fakeContext();
    await context.refresh();
    TestBed.configureTestingModule({
      providers: provideUiTesting(context, undefined, {
        pickers: { 'zh-CN': async () => ({ default: { pick: '选择' } }), en: async () => ({ pick: 'Pick' }) },
      }),
    });
    const transloco = TestBed.inject(TranslocoService);
    await firstValueFrom(transloco.load('zh-CN'));
    expect(transloco.translate('pickers.pick')).toBe('选择');
    expect(transloco.translate('page.title')).toBe('测试页面');
    context.setLocale('en');
    await firstValueFrom(transloco.load('en'));
    expect(transloco.translate('pickers.pick', {}, 'en')).toBe('Pick');
  });

  it("starts loading the active language's strings when the providers are made, and the page's first load takes them", async () => {
    const { context } = fakeContext();
    context.setLocale('en');
    const zh = jasmine.createSpy('zh-CN').and.resolveTo(MODULE_STRINGS['zh-CN']);
    const en = jasmine.createSpy('en').and.resolveTo(MODULE_STRINGS.en);
    const providers = provideUiTesting(context, { 'zh-CN': zh, en });
    // Before any application exists: the strings travel while Angular creates it.
    expect(en).toHaveBeenCalledTimes(1);
    expect(zh).not.toHaveBeenCalled();
    TestBed.configureTestingModule({ providers });
    const fixture = TestBed.createComponent(I18nProbe);
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('p').textContent).toBe('Test page');
    expect(en).toHaveBeenCalledTimes(1);
  });

  it('an early load that fails rejects nothing unhandled, fails the first load only, and the next load asks again', async () => {
    const { context } = fakeContext();
    const zh = jasmine.createSpy('zh-CN').and.returnValues(Promise.reject(new Error('chunk failed')), Promise.resolve(MODULE_STRINGS['zh-CN']));
    const unhandled = jasmine.createSpy('unhandledrejection');
    window.addEventListener('unhandledrejection', unhandled);
    try {
      TestBed.configureTestingModule({ providers: provideUiTesting(context, { 'zh-CN': zh, en: async () => MODULE_STRINGS.en }) });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).not.toHaveBeenCalled();
      const transloco = TestBed.inject(TranslocoService);
      const logged = spyOn(console, 'error');
      await expectAsync(firstValueFrom(transloco.load('zh-CN'))).toBeRejected();
      expect(logged).toHaveBeenCalled();
      await firstValueFrom(transloco.load('zh-CN'));
      expect(transloco.translate('page.title', {}, 'zh-CN')).toBe('测试页面');
      expect(zh).toHaveBeenCalledTimes(2);
    } finally {
      window.removeEventListener('unhandledrejection', unhandled);
    }
  });
});
