import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { PICKER_TRANSLATIONS } from '@wechat-mfe/pickers';
import { MaterialPickerApi, type Material, type MaterialPage } from '@wechat-mfe/pickers/material';
import { fakeContext, provideUiTesting, wxAccount, wxUser } from '@wechat-mfe/ui/testing';
import zh from '../i18n/zh-CN.json';
import en from '../i18n/en.json';
import { MaterialPickerWidget, type WidgetMaterial } from './material-picker-widget';

@Component({
  imports: [MaterialPickerWidget],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<wx-material-picker-widget [value]="value()" [types]="['image']" (valueChange)="changes.push($event)" />`,
})
class Host {
  readonly value = signal<unknown>(null);
  readonly changes: (WidgetMaterial | null)[] = [];
}

const material = (mediaId: string): Material => ({ mediaId, type: 'image', name: `${mediaId}.png`, thumbUrl: `/c/${mediaId}`, itemCount: null }) as Material;
const page = (items: Material[]): MaterialPage => ({ items, total: items.length, counts: {} as never, usage: [] });

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('wx-material-picker-widget', () => {
  async function render(value: unknown = null) {
    const { context } = fakeContext({
      user: wxUser('marketer'),
      accounts: { items: [wxAccount('wx-smart', { name: 'Dmartech智慧营销' }), wxAccount('wx-sub', { name: 'Dmartech订阅号', type: 'subscription' })], totalBound: 2 },
    });
    await context.refresh();
    context.select('wx-smart');
    const api = jasmine.createSpyObj<MaterialPickerApi>('MaterialPickerApi', ['list']);
    api.list.and.callFake(async (appid: string) => page([material(`${appid}-A1`)]));
    TestBed.configureTestingModule({
      providers: [...provideUiTesting(context, { 'zh-CN': async () => zh, en: async () => en }, { pickers: PICKER_TRANSLATIONS }), { provide: MaterialPickerApi, useValue: api }],
    });
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.value.set(value);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const select = root.querySelector('select') as HTMLSelectElement;
    const button = (name: string) => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name || b.getAttribute('aria-label') === name);
    return { fixture, root, host: fixture.componentInstance, select, button, api };
  }

  it('picks a material of the account chosen inside the widget, not of the selected one', async () => {
    const { fixture, root, host, select, button, api } = await render();
    expect(select.value).toBe('wx-smart');
    select.value = 'wx-sub';
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    button('选择素材')!.click();
    await until(() => !!button('选择 wx-sub-A1.png'));
    expect(api.list.calls.mostRecent().args[0]).toBe('wx-sub');
    button('选择 wx-sub-A1.png')!.click();
    await until(() => host.changes.length > 0);
    await fixture.whenStable();
    expect(host.changes).toEqual([{ type: 'image', mediaId: 'wx-sub-A1', name: 'wx-sub-A1.png', thumbUrl: '/c/wx-sub-A1', appid: 'wx-sub' }]);
    expect(root.querySelector('[data-testid="chosen-material"]')?.textContent?.trim()).toBe('已选：wx-sub-A1.png（图片，Dmartech订阅号）');
  });

  it('shows the material from the host on its own account, and clears it', async () => {
    const { fixture, root, host, select, button } = await render({ appid: 'wx-sub', type: 'news', mediaId: 'N1', name: '春季新品', thumbUrl: null });
    expect(select.value).toBe('wx-sub');
    expect(root.querySelector('[data-testid="chosen-material"]')?.textContent?.trim()).toBe('已选：春季新品（图文，Dmartech订阅号）');
    button('清除素材')!.click();
    await fixture.whenStable();
    expect(host.changes).toEqual([null]);
    expect(root.textContent).toContain('尚未选择素材。');
  });
});
