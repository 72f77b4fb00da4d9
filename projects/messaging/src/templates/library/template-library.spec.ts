import { TestBed } from '@angular/core/testing';
import { provideStore } from '@ngrx/store';
import { ProblemError } from '@wechat-mfe/suite-api';
import { fakeContext, loadLanguage, provideUiTesting } from '@wechat-mfe/ui/testing';
import { TemplatesApi, type Template } from '../templates-api';
import { TemplateLibrary } from './template-library';
import { TemplatesApiActions, templatesFeature } from './templates.store';
import { Store } from '@ngrx/store';
import { MESSAGING_STRINGS } from '../../testing/messaging-strings';

const template = (i: number): Template => ({
  templateId: `tpl${i}`, title: `模板${i}`, primaryIndustry: 'IT科技', deputyIndustry: '互联网|电子商务', content: '名称：{{thing1.DATA}}', example: '名称：示例',
  syncedAt: '', fields: [{ key: 'thing1', kind: 'thing', label: '名称' }],
});
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('TemplateLibrary', () => {
  let api: jasmine.SpyObj<TemplatesApi>;

  async function render(items: Template[]) {
    const { context } = fakeContext();
    api = jasmine.createSpyObj<TemplatesApi>('TemplatesApi', ['list', 'library', 'add', 'remove', 'sync']);
    api.list.and.resolveTo({ items, total: items.length, limit: 25 });
    api.library.and.resolveTo([{ templateIdShort: 'OPENTM1', title: '优惠券到账通知', primaryIndustry: 'IT科技', deputyIndustry: '互联网|电子商务' }]);
    api.remove.and.resolveTo({});
    TestBed.configureTestingModule({
      imports: [TemplateLibrary],
      providers: [...provideUiTesting(context, MESSAGING_STRINGS), { provide: TemplatesApi, useValue: api }, provideStore({ [templatesFeature.name]: templatesFeature.reducer })],
    });
    await loadLanguage('zh-CN');
    const fixture = TestBed.createComponent(TemplateLibrary);
    fixture.componentRef.setInput('appid', 'wx-service');
    await fixture.whenStable();
    // No effects here: answer the list as the effect would.
    TestBed.inject(Store).dispatch(TemplatesApiActions.listLoaded({ appid: 'wx-service', items, limit: 25 }));
    await settle();
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const button = (name: string) => [...root.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()) === name)!;
    return { fixture, root, button };
  }

  it('keeps focus on "从微信同步" while it syncs (a disabled button would drop it to <body>)', async () => {
    const { fixture, button } = await render([template(1)]);
    const sync = button('从微信同步');
    sync.focus();
    sync.click();
    await fixture.whenStable();
    expect(sync.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(sync);
  });

  it('says how many templates are in use only once the list has loaded', async () => {
    const { fixture, root } = await render([template(1), template(2)]);
    expect(root.querySelector('.count')?.textContent?.trim()).toBe('已使用 2 / 25 个');
    TestBed.inject(Store).dispatch(TemplatesApiActions.listFailed({ appid: 'wx-service', problem: { status: 500 } }));
    await fixture.whenStable();
    expect(root.querySelector('.count')?.textContent?.trim()).toBe('');
  });

  it('explains WeChat\'s 45026 when the 26th template is added, and says the account is full', async () => {
    const { fixture, root, button } = await render(Array.from({ length: 25 }, (_, i) => template(i)));
    expect(root.textContent).toContain('已使用 25 / 25 个');
    expect(root.textContent).toContain('已达到 25 个模板的上限');
    api.add.and.rejectWith(new ProblemError({ status: 422, code: 'WECHAT_45026', detail: 'template num exceeds limit' }));
    const select = root.querySelector<HTMLSelectElement>('#tpl-add')!;
    select.value = 'OPENTM1';
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    button('添加').click();
    await settle();
    await fixture.whenStable();
    expect(api.add).toHaveBeenCalledWith('wx-service', 'OPENTM1');
    expect(root.querySelector('[role="alert"]')!.textContent).toContain('模板数量已达上限（25 个，微信错误码 45026）');
  });

  it('deletes only after the inline confirmation', async () => {
    const { fixture, root, button } = await render([template(1), template(2)]);
    button('删除模板“模板1”').click();
    await fixture.whenStable();
    expect(api.remove).not.toHaveBeenCalled();
    expect(root.textContent).toContain('确定删除“模板1”？');
    button('确认删除').click();
    await settle();
    await fixture.whenStable();
    expect(api.remove).toHaveBeenCalledWith('wx-service', 'tpl1');
    expect([...root.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['模板2']);
  });
});
