import { TestBed } from '@angular/core/testing';
import { fakeContext, provideUiTesting, wxAccount, wxUser } from '@wechat-mfe/ui/testing';
import { translations } from '../i18n/loaders';
import { AccountSwitcher } from './account-switcher';

describe('AccountSwitcher', () => {
  const smart = wxAccount('wx-smart', { name: 'Dmartech智慧营销' });
  const subscription = wxAccount('wx-sub', { name: 'Dmartech订阅号', type: 'subscription', verified: false });

  async function render(setup: Parameters<typeof fakeContext>[0] = {}) {
    const { context, suite } = fakeContext({ accounts: { items: [smart, subscription], totalBound: 4 }, ...setup });
    await context.refresh();
    TestBed.configureTestingModule({ providers: provideUiTesting(context, translations) });
    const fixture = TestBed.createComponent(AccountSwitcher);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const combobox = () => el.querySelector('[role="combobox"]') as HTMLElement;
    const listbox = () => el.querySelector('[role="listbox"]') as HTMLElement;
    const options = () => [...el.querySelectorAll<HTMLElement>('[role="option"]')];
    const key = async (k: string) => {
      combobox().dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
      await fixture.whenStable();
    };
    return { fixture, context, suite, el, combobox, listbox, options, key };
  }

  it('lists the user\'s accounts with type and verification, and selects one for every module', async () => {
    const { fixture, context, combobox, listbox, options } = await render();
    expect(combobox().textContent).toContain('Dmartech智慧营销');
    expect(combobox().getAttribute('aria-expanded')).toBe('false');
    expect(listbox().hidden).toBeTrue();
    combobox().click();
    await fixture.whenStable();
    expect(combobox().getAttribute('aria-expanded')).toBe('true');
    expect(listbox().hidden).toBeFalse();
    expect(options().map((o) => o.textContent)).toEqual([
      jasmine.stringMatching(/Dmartech智慧营销.*服务号.*已认证/),
      jasmine.stringMatching(/Dmartech订阅号.*订阅号.*未认证/),
    ]);
    expect(options().map((o) => o.getAttribute('aria-selected'))).toEqual(['true', 'false']);
    options()[1].click();
    await fixture.whenStable();
    expect(context.snapshot.selectedAppid).toBe('wx-sub');
    expect(listbox().hidden).toBeTrue();
    expect(fixture.nativeElement.querySelector('.announcement').textContent).toContain('已切换到公众号：Dmartech订阅号');
  });

  it('works from the keyboard: opens on the selected option, moves, commits with Enter, closes with Escape', async () => {
    const { context, combobox, listbox, options, key } = await render();
    await key('Enter');
    expect(listbox().hidden).toBeFalse();
    expect(combobox().getAttribute('aria-activedescendant')).toBe(options()[0].id);
    await key('ArrowDown');
    expect(combobox().getAttribute('aria-activedescendant')).toBe(options()[1].id);
    await key('Escape');
    expect(listbox().hidden).toBeTrue();
    expect(combobox().hasAttribute('aria-activedescendant')).toBeFalse();
    expect(context.snapshot.selectedAppid).toBe('wx-smart');
    await key('ArrowDown');
    await key('End');
    await key('Enter');
    expect(context.snapshot.selectedAppid).toBe('wx-sub');
    expect(document.activeElement === combobox() || !document.hasFocus()).toBeTrue();
  });

  it('closes when the user clicks elsewhere, without changing the account', async () => {
    const { fixture, context, combobox, listbox } = await render();
    combobox().click();
    await fixture.whenStable();
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    await fixture.whenStable();
    expect(listbox().hidden).toBeTrue();
    expect(context.snapshot.selectedAppid).toBe('wx-smart');
  });

  it('follows a selection made elsewhere (another tab, another module)', async () => {
    const { fixture, context, combobox } = await render();
    context.select('wx-sub');
    await fixture.whenStable();
    expect(combobox().textContent).toContain('Dmartech订阅号');
  });

  it('says there is no account when none is allocated to the user', async () => {
    const { fixture } = await render({ accounts: { items: [], totalBound: 4 } });
    expect(fixture.nativeElement.textContent).toContain('暂无可用公众号');
  });

  it('offers administrators to authorize when nothing is bound', async () => {
    const { fixture } = await render({ user: wxUser('admin', { role: 'admin' }), accounts: { items: [], totalBound: 0 } });
    const link = fixture.nativeElement.querySelector('a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/settings/wechat-accounts?bind=1');
  });

  it('offers a retry when the accounts failed to load', async () => {
    const { fixture, context, suite } = await render({ failure: new Error('offline') });
    expect(context.snapshot.access).toBe('error');
    suite.failure = null;
    (fixture.nativeElement.querySelector('button') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
    expect(context.snapshot.access).toBe('ready');
  });
});
