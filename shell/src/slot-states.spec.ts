import type { SuiteLocale } from '@wechat-mfe/account-context';
import { VersionSkewError } from './federation';
import { errorParcel } from './slot-states';

describe('errorParcel', () => {
  async function mountError(locale: SuiteLocale, error: unknown): Promise<HTMLElement> {
    const domElement = document.createElement('div');
    const parcel = errorParcel({ locale: () => locale, retry: () => undefined }, 'menus');
    await ((parcel as { mount: (props: unknown) => Promise<void> }).mount)({ domElement, error });
    return domElement;
  }

  it('names each skewed package with the version the module was built with and the one the suite shares', async () => {
    // single-spa hands over its own error with the original kept as originalError.
    const skew = new VersionSkewError('menus', [
      { packageName: '@angular/core', built: '21.0.0', shared: '21.2.26' },
      { packageName: 'rxjs', built: '7.8.1', shared: '7.8.2' },
    ]);
    const slot = await mountError('zh-CN', { message: 'wrapped', originalError: skew });
    expect(slot.querySelector('[role="alert"] p')?.textContent).toContain('版本不一致');
    expect([...slot.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '@angular/core：模块使用 21.0.0，平台共享 21.2.26',
      'rxjs：模块使用 7.8.1，平台共享 7.8.2',
    ]);

    const english = await mountError('en', skew);
    expect(english.querySelector('li')?.textContent).toBe('@angular/core: module built with 21.0.0, the suite shares 21.2.26');
  });

  it('shows the general failure without a package list for other errors', async () => {
    const slot = await mountError('en', new Error('404'));
    expect(slot.querySelector('p')?.textContent).toContain('Other modules keep working');
    expect(slot.querySelector('ul')).toBeNull();
    expect(slot.querySelector('button')?.textContent).toBe('Retry');
  });
});
