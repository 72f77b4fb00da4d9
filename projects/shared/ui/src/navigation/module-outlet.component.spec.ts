import { ChangeDetectionStrategy, Component } from '@angular/core';
import { Location } from '@angular/common';
import { provideLocationMocks } from '@angular/common/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { fakeContext, loadLanguage, provideUiTesting } from '../testing/ui-testing';
import { ModuleOutlet, withModuleRouterConfig } from './module-outlet.component';

@Component({ selector: 'wx-test-page', template: '<p>lazy page</p>', changeDetection: ChangeDetectionStrategy.OnPush })
class LazyPage {}

@Component({ selector: 'wx-test-elsewhere', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class Elsewhere {}

describe('wx-module-outlet', () => {
  let chunkAvailable: boolean;
  let loads: number;

  beforeEach(async () => {
    chunkAvailable = false;
    loads = 0;
    TestBed.configureTestingModule({
      providers: [
        ...provideUiTesting(fakeContext().context),
        provideLocationMocks(),
        provideRouter(
          [
            {
              path: 'lazy',
              loadComponent: () => {
                loads++;
                return chunkAvailable
                  ? Promise.resolve(LazyPage)
                  : Promise.reject(new TypeError('Failed to fetch dynamically imported module: /chunk-X.js'));
              },
            },
            { path: '**', component: Elsewhere },
          ],
          withModuleRouterConfig(),
        ),
      ],
    });
    await loadLanguage('zh-CN');
  });

  it('shows the download failure with a retry instead of a blank page, and the retry loads the page', async () => {
    const fixture = TestBed.createComponent(ModuleOutlet);
    const root: HTMLElement = fixture.nativeElement;
    // As single-spa does: the address bar already shows the page when the module's router runs.
    TestBed.inject(Location).go('/lazy');
    // Never rejects: nobody catches the navigations that single-spa starts.
    await expectAsync(TestBed.inject(Router).navigateByUrl('/lazy')).not.toBeRejected();
    await fixture.whenStable();
    // The address keeps the page asked for (the router's default would put back the last good URL).
    expect(TestBed.inject(Location).path()).toBe('/lazy');
    const alert = root.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('该页面加载失败');
    expect(alert?.textContent).toContain('网络连接失败');
    expect(alert?.textContent).not.toContain('chunk-X.js');
    expect(root.textContent).not.toContain('lazy page');

    chunkAvailable = true;
    root.querySelector<HTMLButtonElement>('button')!.click();
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    expect(loads).toBe(2);
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(root.textContent).toContain('lazy page');
    expect(TestBed.inject(Location).path()).toBe('/lazy');
  });

  it('renders the page only once the active language’s strings are loaded (no empty labels that jump)', async () => {
    let release!: () => void;
    const strings = new Promise<void>((resolve) => (release = resolve));
    TestBed.resetTestingModule();
    chunkAvailable = true;
    TestBed.configureTestingModule({
      providers: [
        ...provideUiTesting(fakeContext().context, {
          'zh-CN': async () => {
            await strings;
            return { title: '粉丝' };
          },
          en: async () => ({ title: 'Fans' }),
        }),
        provideLocationMocks(),
        provideRouter([{ path: '**', component: LazyPage }], withModuleRouterConfig()),
      ],
    });
    const fixture = TestBed.createComponent(ModuleOutlet);
    const root: HTMLElement = fixture.nativeElement;
    await TestBed.inject(Router).navigateByUrl('/lazy');
    await new Promise((resolve) => setTimeout(resolve, 20));
    fixture.detectChanges();
    expect(root.textContent).not.toContain('lazy page');

    release();
    await fixture.whenStable();
    expect(root.textContent).toContain('lazy page');
  });
});
