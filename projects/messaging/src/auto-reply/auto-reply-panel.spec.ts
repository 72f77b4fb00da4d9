import { TestBed } from '@angular/core/testing';
import { provideEffects } from '@ngrx/effects';
import { provideStore } from '@ngrx/store';
import { ProblemError } from '@wechat-mfe/suite-api';
import { fakeContext, loadLanguage, provideUiTesting } from '@wechat-mfe/ui/testing';
import { AutoReplyApi, type AutoReplyRule, type AutoReplySettings } from './data/auto-reply-api';
import { AutoReplyEffects } from './auto-reply.effects';
import { autoReplyFeature } from './auto-reply.store';
import { AutoReplyPanel } from './auto-reply-panel';
import { MESSAGING_STRINGS } from '../testing/messaging-strings';

const settings: AutoReplySettings = {
  onFollow: { enabled: true, replies: [{ type: 'text', text: '感谢关注' }], revision: 'f1' },
  defaultReply: { enabled: false, replies: [], revision: 'd1' },
  ruleCount: 0,
  ruleLimit: 200,
};

describe('AutoReplyPanel', () => {
  async function render() {
    const { context } = fakeContext();
    await context.refresh();
    const api = jasmine.createSpyObj<AutoReplyApi>('AutoReplyApi', ['settings', 'rules', 'saveSetting', 'createRule', 'updateRule', 'test']);
    TestBed.configureTestingModule({
      imports: [AutoReplyPanel],
      providers: [
        ...provideUiTesting(context, MESSAGING_STRINGS),
        { provide: AutoReplyApi, useValue: api },
        provideStore({ [autoReplyFeature.name]: autoReplyFeature.reducer }),
        provideEffects(AutoReplyEffects),
      ],
    });
    await loadLanguage('zh-CN');
    const fixture = TestBed.createComponent(AutoReplyPanel);
    fixture.componentRef.setInput('appid', 'wx-a');
    const element: HTMLElement = fixture.nativeElement;
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    };
    const buttonNamed = (name: string) => [...element.querySelectorAll('button')].find((b) => b.textContent!.trim() === name);
    return { fixture, element, api, settle, buttonNamed };
  }

  it('shows the error state with a retry, then the three sections, the empty rule list and the saved on-follow reply', async () => {
    const { element, api, settle, buttonNamed } = await render();
    api.settings.and.rejectWith(new ProblemError({ status: 503, code: 'MOCK_FAULT', title: 'down' }));
    api.rules.and.resolveTo([]);
    await settle();
    expect(element.querySelector('wx-error-state')).not.toBeNull();

    api.settings.and.resolveTo(settings);
    buttonNamed('重试')!.click();
    await settle();
    const headings = [...element.querySelectorAll('h2')].map((h) => h.textContent!.trim());
    expect(headings).toEqual(['被关注回复', '关键词回复', '还没有关键词规则', '收到消息回复', '测试消息']);
    const onFollow = element.querySelector<HTMLInputElement>('section[aria-labelledby="wx-ar-on-follow"] input[role="switch"]')!;
    expect(onFollow.checked).toBeTrue();
    expect(element.querySelector<HTMLTextAreaElement>('section[aria-labelledby="wx-ar-on-follow"] textarea')!.value).toBe('感谢关注');
    expect(api.settings).toHaveBeenCalledWith('wx-a');
  });

  it('moves focus into a new rule form and back to "添加规则" when it is cancelled', async () => {
    const { element, api, settle, buttonNamed } = await render();
    api.settings.and.resolveTo(settings);
    api.rules.and.resolveTo([]);
    await settle();
    const add = buttonNamed('添加规则')!;
    add.focus();
    add.click();
    await settle();
    expect(document.activeElement).toBe(element.querySelector('.rule-form input[name="name"]'));
    buttonNamed('取消')!.click();
    await settle();
    expect(element.querySelector('.rule-form')).toBeNull();
    expect(document.activeElement).toBe(add);
  });

  it('an edit over a rule someone saved meanwhile keeps what was typed, and saves it over theirs only when asked', async () => {
    const { element, api, settle, buttonNamed } = await render();
    const opened: AutoReplyRule = {
      id: 1, name: '价格', keywords: [{ text: '价格', match: 'full' }], replies: [{ type: 'text', text: '见官网' }], mode: 'all', enabled: true,
      createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z', revision: 'r1',
    };
    const theirs: AutoReplyRule = { ...opened, name: '同事改的', updatedAt: '2026-11-26T06:02:00.000Z', revision: 'r2' };
    api.settings.and.resolveTo({ ...settings, ruleCount: 1 });
    api.rules.and.resolveTo([opened]);
    await settle();
    element.querySelector<HTMLButtonElement>('button[aria-label="编辑规则「价格」"]')!.click();
    await settle();
    const name = () => element.querySelector<HTMLInputElement>('.rule-form input[name="name"]')!;
    name().value = '我的名字';
    name().dispatchEvent(new Event('input'));
    api.updateRule.and.rejectWith(new ProblemError({ status: 412, code: 'STALE', errors: [{ field: 'header.If-Match', message: 'stale' }] }));
    api.rules.and.resolveTo([theirs]);
    buttonNamed('保存规则')!.click();
    await settle();
    expect(api.updateRule).toHaveBeenCalledWith('wx-a', 1, jasmine.objectContaining({ name: '我的名字' }), 'r1');
    const notice = element.querySelector('.rule-form wx-stale-notice')!;
    expect(notice.getAttribute('role')).toBe('alert');
    expect(name().value).toBe('我的名字');

    api.updateRule.and.resolveTo({ ...theirs, name: '我的名字', revision: 'r3' });
    buttonNamed('仍保存我的修改（覆盖那次修改）')!.click();
    await settle();
    expect(api.updateRule.calls.mostRecent().args).toEqual(['wx-a', 1, jasmine.objectContaining({ name: '我的名字' }), 'r2']);
    expect(element.querySelector('.rule-form')).toBeNull();
  });

  it('an on-follow reply saved over a change made meanwhile keeps what was typed; showing the latest replaces it', async () => {
    const { element, api, settle, buttonNamed } = await render();
    api.settings.and.resolveTo(settings);
    api.rules.and.resolveTo([]);
    await settle();
    const section = element.querySelector('section[aria-labelledby="wx-ar-on-follow"]')!;
    const text = () => section.querySelector('textarea')!;
    text().value = '我的欢迎语';
    text().dispatchEvent(new Event('input'));
    api.saveSetting.and.rejectWith(new ProblemError({ status: 412, code: 'STALE', errors: [{ field: 'header.If-Match', message: 'stale' }] }));
    api.settings.and.resolveTo({ ...settings, onFollow: { enabled: true, replies: [{ type: 'text', text: '同事的欢迎语' }], revision: 'f2' } });
    buttonNamed('保存被关注回复')!.click();
    await settle();
    expect(api.saveSetting).toHaveBeenCalledWith('wx-a', 'onFollow', jasmine.objectContaining({ replies: [{ type: 'text', text: '我的欢迎语' }] }), 'f1');
    expect(section.querySelector('wx-stale-notice')).not.toBeNull();
    expect(element.querySelector('section[aria-labelledby="wx-ar-default"] wx-stale-notice')).toBeNull();
    expect(text().value).toBe('我的欢迎语');

    // Keeping mine is refused again if yet another change came in; otherwise it saves over the latest revision.
    api.saveSetting.and.resolveTo({ enabled: true, replies: [{ type: 'text', text: '我的欢迎语' }], revision: 'f3' });
    [...section.querySelectorAll('button')].find((b) => b.textContent!.includes('仍保存我的修改'))!.click();
    await settle();
    expect(api.saveSetting.calls.mostRecent().args).toEqual(['wx-a', 'onFollow', jasmine.objectContaining({ replies: [{ type: 'text', text: '我的欢迎语' }] }), 'f2']);
    expect(section.querySelector('wx-stale-notice')).toBeNull();
    expect(text().value).toBe('我的欢迎语');

    // Another round: this time the user shows the latest instead.
    text().value = '又一版';
    text().dispatchEvent(new Event('input'));
    api.saveSetting.and.rejectWith(new ProblemError({ status: 412, code: 'STALE', errors: [] }));
    buttonNamed('保存被关注回复')!.click();
    await settle();
    expect(api.saveSetting.calls.mostRecent().args[3]).toBe('f3');
    [...section.querySelectorAll('button')].find((b) => b.textContent!.includes('改用最新内容'))!.click();
    await settle();
    expect(section.querySelector('wx-stale-notice')).toBeNull();
    expect(text().value).toBe('同事的欢迎语');
    api.saveSetting.and.resolveTo({ enabled: true, replies: [{ type: 'text', text: '同事的欢迎语' }], revision: 'f2' });
    buttonNamed('保存被关注回复')!.click();
    await settle();
    expect(api.saveSetting.calls.mostRecent().args[3]).toBe('f2');
  });

  it('sends no empty default reply: it marks the field "必填" at once, with no request', async () => {
    const { element, api, settle, buttonNamed } = await render();
    api.settings.and.resolveTo(settings);
    api.rules.and.resolveTo([]);
    await settle();
    const section = element.querySelector('section[aria-labelledby="wx-ar-default"]')!;
    const toggle = section.querySelector<HTMLInputElement>('input[role="switch"]')!;
    toggle.checked = true;
    toggle.dispatchEvent(new Event('change'));
    const text = section.querySelector('textarea')!;
    text.value = '   ';
    text.dispatchEvent(new Event('input'));
    buttonNamed('保存收到消息回复')!.click();
    await settle();
    expect(api.saveSetting).not.toHaveBeenCalled();
    expect(section.querySelector('textarea')!.value).toBe('   ');
    expect(section.querySelector('textarea')!.getAttribute('aria-invalid')).toBe('true');
    expect(section.textContent).toContain('必填');
  });

  it('keeps a default reply the server refuses as typed and marks the field', async () => {
    const { element, api, settle, buttonNamed } = await render();
    api.settings.and.resolveTo(settings);
    api.rules.and.resolveTo([]);
    await settle();
    const section = element.querySelector('section[aria-labelledby="wx-ar-default"]')!;
    const toggle = section.querySelector<HTMLInputElement>('input[role="switch"]')!;
    toggle.checked = true;
    toggle.dispatchEvent(new Event('change'));
    const text = section.querySelector('textarea')!;
    const long = '字'.repeat(301);
    text.value = long;
    text.dispatchEvent(new Event('input'));
    api.saveSetting.and.rejectWith(
      new ProblemError({ status: 400, code: 'VALIDATION', errors: [{ field: 'replies[0].text', message: 'must be at most 300 characters' }] }),
    );
    buttonNamed('保存收到消息回复')!.click();
    await settle();
    expect(api.saveSetting).toHaveBeenCalledWith('wx-a', 'defaultReply', { enabled: true, replies: [{ type: 'text', text: long }] }, 'd1');
    expect(section.querySelector('textarea')!.value).toBe(long);
    expect(section.querySelector('textarea')!.getAttribute('aria-invalid')).toBe('true');
    expect(section.querySelector<HTMLInputElement>('input[role="switch"]')!.checked).toBeTrue();
    expect(section.textContent).toContain('最多 300 个字');
  });
});
