import { TestBed } from '@angular/core/testing';
import { fakeContext, loadLanguage, provideUiTesting } from '@wechat-mfe/ui/testing';
import { TemplatePreview } from './template-preview';
import { MESSAGING_STRINGS } from '../../testing/messaging-strings';

describe('TemplatePreview', () => {
  async function render(values: Record<string, string>, hasLink: boolean) {
    const { context } = fakeContext();
    TestBed.configureTestingModule({ imports: [TemplatePreview], providers: provideUiTesting(context, MESSAGING_STRINGS) });
    await loadLanguage('zh-CN');
    const fixture = TestBed.createComponent(TemplatePreview);
    fixture.componentRef.setInput('accountName', 'Dmartech智慧营销');
    fixture.componentRef.setInput('title', '退款成功通知');
    fixture.componentRef.setInput('fields', [
      { key: 'amount1', kind: 'amount', label: '退款金额' },
      { key: 'thing4', kind: 'thing', label: '退款原因' },
    ]);
    fixture.componentRef.setInput('values', values);
    fixture.componentRef.setInput('hasLink', hasLink);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows the account, the title and one line per field, a dash for what is still empty', async () => {
    const root = await render({ amount1: ' ¥59.90 ' }, false);
    const figure = root.querySelector('figure')!;
    expect(figure.getAttribute('aria-label')).toBe('微信服务通知卡片预览');
    expect(figure.querySelector('.account')!.textContent).toBe('Dmartech智慧营销');
    expect(figure.querySelector('.title')!.textContent).toBe('退款成功通知');
    const lines = [...figure.querySelectorAll('.line')].map((l) => [l.querySelector('dt')!.textContent, l.querySelector('dd')!.textContent!.trim()]);
    expect(lines).toEqual([['退款金额', '¥59.90'], ['退款原因', '—']]);
    expect(figure.querySelector('.details')).toBeNull();
  });

  it('adds WeChat\'s 详情 row when the message links somewhere, and renders markup as text', async () => {
    const root = await render({ thing4: '<img src=x onerror=alert(1)>' }, true);
    expect(root.querySelector('.details')!.textContent).toContain('详情');
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
