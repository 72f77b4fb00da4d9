import { TestBed } from '@angular/core/testing';
import { fakeContext, loadLanguage, provideUiTesting } from '@wechat-mfe/ui/testing';
import type { Problem } from '@wechat-mfe/ui';
import type { AutoReplyRule, AutoReplyRuleInput } from '../data/auto-reply-api';
import { RuleForm } from './rule-form';
import { MESSAGING_STRINGS } from '../../testing/messaging-strings';

const older: AutoReplyRule = {
  id: 1,
  name: '优惠券领取',
  keywords: [{ text: '优惠券', match: 'full' }],
  replies: [{ type: 'text', text: '领取' }],
  mode: 'all',
  enabled: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  revision: 'r1',
};

describe('RuleForm', () => {
  async function render() {
    const { context } = fakeContext();
    await context.refresh();
    TestBed.configureTestingModule({
      imports: [RuleForm],
      providers: [...provideUiTesting(context, MESSAGING_STRINGS)],
    });
    await loadLanguage('zh-CN');
    const fixture = TestBed.createComponent(RuleForm);
    fixture.componentRef.setInput('rules', [older]);
    const saved: AutoReplyRuleInput[] = [];
    fixture.componentInstance.saved.subscribe((rule) => saved.push(rule));
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    /** A control by its label's text, as a screen reader finds it. */
    const control = <T extends HTMLElement>(label: string): T => {
      const found = [...element.querySelectorAll('label')].find((l) => l.textContent!.trim() === label);
      if (!found) throw new Error(`no label ${label}`);
      return element.querySelector<T>(`#${found.htmlFor}`)!;
    };
    const type = async (label: string, value: string) => {
      const input = control<HTMLInputElement | HTMLTextAreaElement>(label);
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const button = (name: string) =>
      [...element.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()) === name)!;
    const click = async (name: string) => {
      button(name).click();
      await fixture.whenStable();
    };
    const addKeyword = async (text: string, match: 'full' | 'partial') => {
      const select = control<HTMLSelectElement>('匹配方式');
      select.value = match;
      select.dispatchEvent(new Event('change'));
      await type('新关键词', text);
      await click('添加关键词');
    };
    return { fixture, element, control, type, click, addKeyword, saved };
  }

  it('adds keywords as chips with a counter, refusing duplicates, and toggles their match kind', async () => {
    const { element, addKeyword, click } = await render();
    await addKeyword('Hello', 'full');
    await addKeyword('hello', 'partial');
    expect(element.textContent).toContain('该关键词已在本规则中');
    expect(element.querySelectorAll('.chip').length).toBe(1);
    expect(element.querySelector('legend')!.textContent).toContain('关键词（1 / 10）');
    await click('「Hello」：全匹配，切换匹配方式');
    expect(element.querySelector('.chip')!.textContent).toContain('半匹配');
  });

  it('warns of a conflict and names the rule that wins', async () => {
    const { element, addKeyword, click } = await render();
    await addKeyword('优惠', 'partial');
    const warning = () => element.querySelector('[data-testid="conflicts"]')?.textContent ?? '';
    expect(warning()).toContain('粉丝发送「优惠券」时由规则「优惠券领取」回复，而非本规则');
    await click('删除关键词「优惠」');
    await addKeyword('优惠券', 'full');
    expect(warning()).toContain('粉丝发送「优惠券」时由本规则回复');
  });

  it('takes the keyboard to the name when it opens, and to the first empty field on a refused save', async () => {
    const { control, type, click } = await render();
    expect(document.activeElement).toBe(control('规则名称'));
    await type('规则名称', '价格');
    (document.activeElement as HTMLElement).blur();
    await click('保存规则');
    expect(document.activeElement).toBe(control('回复 1 的文字'));
  });

  it('sends nothing while a field is empty, shows "必填" there, and clears it as the user fills it in', async () => {
    const { element, control, type, addKeyword, click, saved } = await render();
    await click('保存规则');
    expect(saved).toEqual([]);
    const name = control<HTMLInputElement>('规则名称');
    const reply = control<HTMLTextAreaElement>('回复 1 的文字');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(reply.getAttribute('aria-invalid')).toBe('true');
    expect(element.querySelector('fieldset.keywords [role="alert"]')!.textContent).toContain('必填');
    await type('规则名称', '价格');
    expect(name.getAttribute('aria-invalid')).toBeNull();
    await addKeyword('价格', 'full');
    await type('回复 1 的文字', '   ');
    await click('保存规则');
    expect(saved).toEqual([]);
    expect(reply.getAttribute('aria-invalid')).toBe('true');
    await type('回复 1 的文字', '请看菜单');
    await click('保存规则');
    expect(saved.length).toBe(1);
  });

  it('sends what was typed and, refused, keeps it and shows each problem at its field', async () => {
    const { fixture, element, control, type, addKeyword, click, saved } = await render();
    await type('规则名称', '价格');
    await addKeyword('价格', 'partial');
    await type('回复 1 的文字', '请看菜单');
    await click('保存规则');
    expect(saved).toEqual([{ name: '价格', keywords: [{ text: '价格', match: 'partial' }], replies: [{ type: 'text', text: '请看菜单' }], mode: 'all', enabled: true }]);

    const problem: Problem = {
      code: 'VALIDATION',
      status: 400,
      errors: [
        { field: 'name', message: 'must be at most 60 characters' },
        { field: 'replies[0].text', message: 'must not be empty' },
        { field: 'rules', message: 'an account holds at most 200 keyword rules' },
      ],
    };
    fixture.componentRef.setInput('problem', problem);
    await fixture.whenStable();
    const name = control<HTMLInputElement>('规则名称');
    expect(name.value).toBe('价格');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(element.querySelector(`#${name.getAttribute('aria-describedby')!.split(' ').at(-1)}`)!.textContent).toContain('最多 60 个字');
    expect(control<HTMLTextAreaElement>('回复 1 的文字').getAttribute('aria-invalid')).toBe('true');
    expect(element.textContent).toContain('每个公众号最多 200 条关键词规则');
  });
});
