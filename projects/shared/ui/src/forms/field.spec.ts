import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Field, FieldControl, FieldHint } from './field';

@Component({
  selector: 'wx-field-probe',
  imports: [Field, FieldControl, FieldHint],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <wx-field label="名称" [error]="error()">
      <input wxFieldControl value="abc" />
      <span wxHint end [over]="over()">3 / 16</span>
      @if (showNote()) {
        <span wxHint>note</span>
      }
    </wx-field>
  `,
})
class FieldProbe {
  readonly error = signal<string | null>(null);
  readonly over = signal(false);
  readonly showNote = signal(false);
}

describe('wx-field', () => {
  async function render() {
    TestBed.configureTestingModule({});
    const fixture = TestBed.createComponent(FieldProbe);
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    const input = element.querySelector('input')!;
    const byIds = (ids: string | null) => (ids ?? '').split(' ').filter(Boolean).map((id) => element.querySelector(`[id="${id}"]`)?.textContent?.trim());
    return { fixture, element, input, byIds };
  }

  it('labels the control and describes it by its hints', async () => {
    const { element, input, byIds } = await render();
    const label = element.querySelector('label')!;
    expect(label.htmlFor).toBe(input.id);
    expect(label.textContent).toBe('名称');
    expect(byIds(input.getAttribute('aria-describedby'))).toEqual(['3 / 16']);
    expect(input.hasAttribute('aria-invalid')).toBeFalse();
  });

  it('adds the error after the hints, marks the control invalid, and forgets removed hints', async () => {
    const { fixture, input, byIds, element } = await render();
    fixture.componentInstance.showNote.set(true);
    fixture.componentInstance.error.set('名称不能为空');
    fixture.componentInstance.over.set(true);
    await fixture.whenStable();
    expect(byIds(input.getAttribute('aria-describedby'))).toEqual(['3 / 16', 'note', '名称不能为空']);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(element.querySelector('.wx-hint-end')?.classList).toContain('over');

    fixture.componentInstance.showNote.set(false);
    fixture.componentInstance.error.set(null);
    await fixture.whenStable();
    expect(byIds(input.getAttribute('aria-describedby'))).toEqual(['3 / 16']);
    expect(input.hasAttribute('aria-invalid')).toBeFalse();
  });

  it('gives every field its own ids', async () => {
    const first = await render();
    const second = TestBed.createComponent(FieldProbe);
    await second.whenStable();
    expect(second.nativeElement.querySelector('input').id).not.toBe(first.input.id);
  });
});
