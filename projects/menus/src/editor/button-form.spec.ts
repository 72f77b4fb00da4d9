import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { fakeContext, provideUiTesting } from '@wechat-mfe/ui/testing';
import { MenuButton } from '../menu/menu.model';
import { menuIssues } from '../menu/menu-rules';
import { updateButton } from '../menu/menu-tree';
import { ButtonForm, ButtonPatch } from './button-form';

@Component({
  imports: [ButtonForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<wx-button-form [button]="button()" [level]="0" [issues]="issues()" [miniProgramAllowed]="allowed()" (changed)="apply($event)" />`,
})
class Host {
  readonly button = signal<MenuButton>({ id: 'a', name: '会员', type: 'click', fields: { key: 'K' }, sub: [] });
  readonly allowed = signal(true);
  readonly issues = signal(menuIssues([this.button()], { miniProgramAllowed: true }));
  apply(patch: ButtonPatch) {
    this.button.set(updateButton([this.button()], 'a', patch)[0]);
    this.issues.set(menuIssues([this.button()], { miniProgramAllowed: this.allowed() }));
  }
}

const translations = {
  'zh-CN': () => import('../i18n/zh-CN.json'),
  en: () => import('../i18n/en.json'),
};

describe('wx-button-form', () => {
  async function render() {
    const { context } = fakeContext();
    await context.refresh();
    TestBed.configureTestingModule({ providers: provideUiTesting(context, translations) });
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    /** A field by its label, read the way a screen reader gets it: the control, its hints and its error. */
    const field = (label: string) => {
      const labelEl = [...element.querySelectorAll('label')].find((l) => l.textContent?.trim() === label);
      const control = labelEl ? element.querySelector<HTMLInputElement>(`[id="${labelEl.htmlFor}"]`) : null;
      if (!control) throw new Error(`no field labelled ${label}`);
      const described = () => (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean).map((id) => element.querySelector(`[id="${id}"]`));
      return {
        control,
        hints: () => described().filter((e) => e?.classList.contains('wx-hint')).map((e) => e?.textContent?.trim()),
        errors: () => described().filter((e) => e?.classList.contains('wx-field-error')).map((e) => e?.textContent?.trim()),
        invalid: () => control.getAttribute('aria-invalid') === 'true',
        type: async (value: string) => {
          control.value = value;
          control.dispatchEvent(new Event('input'));
          await fixture.whenStable();
        },
      };
    };
    return { fixture, context, element, field };
  }

  it('counts UTF-8 bytes as the user types and shows the limit error next to the name', async () => {
    const { field } = await render();
    const name = field('菜单名称');
    expect(name.hints()).toContain('6 / 16 字节');
    await name.type('会员中心🎉🎉');
    expect(name.invalid()).toBeTrue();
    expect(name.errors()[0]).toContain('超出 20 / 16 字节');
    expect(name.hints()).toContain('20 / 16 字节');
    await name.type('会员🎉');
    expect(name.invalid()).toBeFalse();
    expect(name.errors()).toEqual([]);
    expect(name.hints()).toContain('10 / 16 字节');
  });

  it("shows the type's own fields and flags a URL that is not http(s)", async () => {
    const { fixture, field } = await render();
    fixture.componentInstance.apply({ type: 'view', fields: { url: 'www.example.com' } });
    await fixture.whenStable();
    const url = field('网页地址');
    expect(url.control.type).toBe('url');
    expect(url.errors()[0]).toContain('http://');
  });

  it('explains why unverified accounts cannot choose mini-program buttons, in both languages', async () => {
    const { fixture, context } = await render();
    fixture.componentInstance.allowed.set(false);
    await fixture.whenStable();
    const note = () => (fixture.nativeElement as HTMLElement).querySelector('[data-testid="mini-program-note"]')?.textContent ?? '';
    expect(note()).toContain('尚未完成微信认证');
    const option = (fixture.nativeElement as HTMLElement).querySelector<HTMLOptionElement>('option[value="miniprogram"]');
    expect(option?.disabled).toBeTrue();
    context.setLocale('en');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await fixture.whenStable();
    expect(note()).toContain('not verified by WeChat');
  });

  it('offers the material picker next to the media and article id fields, keeping the field for pasting', async () => {
    const { fixture, element } = await render();
    const button = (text: string) => [...element.querySelectorAll('button')].find((b) => b.textContent?.trim() === text) ?? null;
    fixture.componentInstance.apply({ type: 'media_id', fields: { media_id: 'PASTED' } });
    await fixture.whenStable();
    expect(element.querySelector<HTMLInputElement>('[name="media_id"]')?.value).toBe('PASTED');
    expect(button('从素材库选择')).not.toBeNull();
    fixture.componentInstance.apply({ type: 'article_id', fields: {} });
    await fixture.whenStable();
    expect(button('从图文素材选择')).not.toBeNull();
    fixture.componentInstance.apply({ type: 'click', fields: { key: 'K' } });
    await fixture.whenStable();
    expect(button('从素材库选择')).toBeNull();
  });

  it('offers move buttons with accessible names', async () => {
    const { element } = await render();
    const moves = [...element.querySelectorAll('button')].filter((b) => ['左移', '右移'].includes(b.textContent?.trim() ?? ''));
    expect(moves.map((b) => [b.textContent?.trim(), b.disabled])).toEqual([['左移', true], ['右移', true]]);
  });
});
