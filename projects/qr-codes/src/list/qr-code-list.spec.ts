import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideStore } from '@ngrx/store';
import { provideEffects } from '@ngrx/effects';
import { MatDialog } from '@angular/material/dialog';
import { AccountContextEffects } from '@wechat-mfe/ui';
import { fakeContext, loadLanguage, provideUiTesting, wxAccount } from '@wechat-mfe/ui/testing';
import { QrCodesApi, type QrCodePage } from '../data/qr-codes-api';
import { QrCodeListEffects } from './qr-code-list.effects';
import { qrCodeListFeature } from './qr-code-list.store';
import { QrCodeList } from './qr-code-list';
import zh from '../i18n/zh-CN.json';
import en from '../i18n/en.json';

const page = (names: string[]): QrCodePage =>
  ({
    items: names.map((name, i) => ({ id: i + 1, name, kind: 'temporary', scene: String(i + 1), enabled: true, scans: 0, follows: 0, createdAt: '2026-01-01T00:00:00Z' })),
    total: names.length,
    permanentQuota: { used: 0, limit: 100_000 },
  }) as never;

describe('QrCodeList keyboard focus', () => {
  async function render() {
    const accounts = [wxAccount('wxa')];
    const { context } = fakeContext({ accounts: { items: accounts, totalBound: 1 } });
    await context.refresh();
    context.select('wxa');
    const api = jasmine.createSpyObj<QrCodesApi>('QrCodesApi', ['list', 'remove', 'tags']);
    let names = ['门店码', '海报码', '展会码'];
    api.list.and.callFake(async () => page(names));
    api.tags.and.resolveTo([]);
    api.remove.and.callFake(async (_appid, id) => void (names = names.filter((_, i) => i + 1 !== id)));
    TestBed.configureTestingModule({
      imports: [QrCodeList],
      providers: [
        ...provideUiTesting(context, { 'zh-CN': async () => zh, en: async () => en }),
        provideRouter([]),
        { provide: QrCodesApi, useValue: api },
        provideStore({ [qrCodeListFeature.name]: qrCodeListFeature.reducer }),
        provideEffects(AccountContextEffects, QrCodeListEffects),
      ],
    });
    await loadLanguage('zh-CN');
    const fixture = TestBed.createComponent(QrCodeList);
    fixture.componentRef.setInput('appid', 'wxa');
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    const button = (text: string) => [...element.querySelectorAll('button')].find((b) => b.textContent!.trim() === text || b.getAttribute('aria-label') === text)!;
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      await fixture.whenStable();
    };
    return { fixture, element, button, settle };
  }

  it('keeps focus in the row while a deletion is confirmed, cancelled or done', async () => {
    const { button, settle } = await render();
    button('删除“海报码”').focus();
    button('删除“海报码”').click();
    await settle();
    expect(document.activeElement).toBe(button('确认删除'));

    button('取消').click();
    await settle();
    expect(document.activeElement).toBe(button('删除“海报码”'));

    button('删除“海报码”').click();
    await settle();
    button('确认删除').click();
    await settle();
    expect(document.activeElement?.textContent?.trim()).toBe('展会码');
  });

  it('returns focus to the create button when its dialog closes', async () => {
    const { button, settle } = await render();
    const create = button('新建二维码');
    create.focus();
    create.click();
    await settle();
    expect(create.disabled).toBeFalse();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(document.activeElement?.closest('mat-dialog-container')).not.toBeNull();
    TestBed.inject(MatDialog).closeAll();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(document.activeElement).toBe(create);
  });
});
