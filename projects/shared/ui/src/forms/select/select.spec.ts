import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Select, type SelectItem } from './select';

@Component({
  imports: [Select],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<wx-select label="颜色" [items]="items" [multiple]="multiple()" [selected]="selected()" [disabled]="disabled()"
    placeholder="全部" hint="不选即全部" (selectedChange)="selected.set($event)" />`,
})
class Host {
  readonly items: SelectItem[] = ['红', '绿', '蓝'].map((text, i) => ({ key: `k${i}`, text, data: text }));
  readonly multiple = signal(true);
  readonly selected = signal<readonly string[]>([]);
  readonly disabled = signal(false);
}

describe('wx-select', () => {
  async function render(multiple = true) {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.multiple.set(multiple);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const combobox = el.querySelector('[role="combobox"]') as HTMLElement;
    const listbox = () => el.querySelector('[role="listbox"]') as HTMLElement;
    const key = async (k: string) => {
      combobox.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
      await fixture.whenStable();
    };
    return { fixture, el, combobox, listbox, key, host: fixture.componentInstance };
  }

  it('is a labelled, described combobox showing the placeholder until something is chosen', async () => {
    const { el, combobox, listbox } = await render();
    expect(document.getElementById(combobox.getAttribute('aria-labelledby')!)?.textContent).toBe('颜色');
    expect(document.getElementById(combobox.getAttribute('aria-describedby')!)?.textContent).toBe('不选即全部');
    expect(listbox().getAttribute('aria-multiselectable')).toBe('true');
    expect(el.querySelector('.value')?.textContent?.trim()).toBe('全部');
  });

  it('in multiple mode toggles with Space and Enter, keeps the list open and the items\' order', async () => {
    const { combobox, listbox, key, host } = await render();
    await key('ArrowDown');
    await key('End');
    await key(' ');
    await key('Home');
    await key('Enter');
    expect(host.selected()).toEqual(['k0', 'k2']);
    expect(listbox().hidden).toBeFalse();
    await key(' ');
    expect(host.selected()).toEqual(['k2']);
    await key('Tab');
    expect(listbox().hidden).toBeTrue();
    expect(combobox.getAttribute('aria-expanded')).toBe('false');
    expect(host.selected()).toEqual(['k2']);
  });

  it('in single mode chooses with Tab (APG) and jumps by type-ahead', async () => {
    const { key, host, listbox } = await render(false);
    await key('Enter');
    await key('蓝');
    await key('Tab');
    expect(host.selected()).toEqual(['k2']);
    expect(listbox().hidden).toBeTrue();
  });

  it('does nothing while disabled', async () => {
    const { fixture, combobox, listbox, key } = await render();
    fixture.componentInstance.disabled.set(true);
    await fixture.whenStable();
    expect(combobox.getAttribute('aria-disabled')).toBe('true');
    expect(combobox.getAttribute('tabindex')).toBe('-1');
    combobox.click();
    await key('Enter');
    expect(listbox().hidden).toBeTrue();
  });
});
