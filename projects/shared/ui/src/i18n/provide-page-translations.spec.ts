import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoPipe } from '@jsverse/transloco';
import { fakeContext, provideUiTesting } from '../testing/ui-testing';
import { providePageTranslations } from './provide-page-translations';

@Component({
  selector: 'wx-page-strings-probe',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>{{ 'demoPage.title' | transloco: { name: '王' } }}</h1>
    <p>{{ 'page.title' | transloco }}</p>
    <p>{{ 'ui.notBound.title' | transloco }}</p>`,
})
class PageProbe {}

@Component({ selector: 'wx-other-probe', template: '<p>other</p>', changeDetection: ChangeDetectionStrategy.OnPush })
class OtherProbe {}

describe('providePageTranslations', () => {
  async function setUp() {
    const { context } = fakeContext();
    await context.refresh();
    const loaded: string[] = [];
    const strings = {
      'zh-CN': async () => (loaded.push('zh-CN'), { default: { title: '你好，{{ name }}' } }),
      en: async () => (loaded.push('en'), { title: 'Hello, {{ name }}' }),
    };
    TestBed.configureTestingModule({
      providers: [
        ...provideUiTesting(context),
        provideRouter([
          { path: 'page', component: PageProbe, providers: providePageTranslations('demoPage', strings) },
          { path: 'other', component: OtherProbe },
        ]),
      ],
    });
    const harness = await RouterTestingHarness.create();
    const texts = () => [...harness.routeNativeElement!.querySelectorAll('h1, p')].map((e) => e.textContent?.trim());
    return { context, harness, loaded, texts };
  }

  it("serves a page's strings under its prefix next to the module's and the library's, once the route is opened", async () => {
    const { harness, loaded, texts } = await setUp();
    await harness.navigateByUrl('/other');
    expect(loaded).toEqual([]);
    await harness.navigateByUrl('/page');
    await harness.fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
    expect(texts()).toEqual(['你好，王', '测试页面', '尚未绑定微信公众号']);
    expect(loaded[0]).toBe('zh-CN');
    expect(loaded).not.toContain('en');
  });

  it("loads the page's strings of the language the user switches to", async () => {
    const { context, harness, loaded, texts } = await setUp();
    await harness.navigateByUrl('/page');
    context.setLocale('en');
    await harness.fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
    expect(texts()).toEqual(['Hello, 王', 'Test page', 'No WeChat Official Account is bound yet']);
    expect(loaded).toContain('en');
  });
});
