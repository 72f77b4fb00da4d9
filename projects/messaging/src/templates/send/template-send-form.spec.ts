import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Subject } from 'rxjs';
import type { Job } from '@wechat-mfe/suite-api';
import { ProblemError } from '@wechat-mfe/suite-api';
import { fakeContext, loadLanguage, provideUiTesting, wxAccount } from '@wechat-mfe/ui/testing';
import { TemplatesApi, type Template, type TemplateSend } from '../templates-api';
import { TemplateSendForm } from './template-send-form';
import { TemplateSendFormHarness } from './template-send-form.harness';
import { MESSAGING_STRINGS } from '../../testing/messaging-strings';

const SHIPPING: Template = {
  templateId: 'tpl_shipping',
  title: '订单发货通知',
  primaryIndustry: 'IT科技',
  deputyIndustry: '互联网|电子商务',
  content: '商品名称：{{thing1.DATA}}\n订单金额：{{amount2.DATA}}\n物流状态：{{phrase3.DATA}}',
  example: '',
  syncedAt: '2026-11-20T00:00:00.000Z',
  fields: [
    { key: 'thing1', kind: 'thing', label: '商品名称' },
    { key: 'amount2', kind: 'amount', label: '订单金额' },
    { key: 'phrase3', kind: 'phrase', label: '物流状态' },
  ],
};

const sendOf = (patch: Partial<TemplateSend> = {}): TemplateSend => ({
  id: 7, templateId: SHIPPING.templateId, title: SHIPPING.title, content: SHIPPING.content, data: {}, url: null, miniprogram: null,
  audience: { type: 'tag', tagId: 102, tagName: 'VIP' }, status: 'sending', jobId: 'job_1', progress: { done: 0, total: 3 }, totals: null,
  error: null, createdBy: 'u_admin', createdAt: '2026-11-20T00:00:00.000Z', finishedAt: null, ...patch,
});
const job = (status: Job['status'], done: number): Job => ({
  id: 'job_1', type: 'template-send', appid: 'wx-service', status, progress: { done, total: 3 }, result: null, error: null,
  createdBy: 'u_admin', createdAt: '', updatedAt: '',
});
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('TemplateSendForm', () => {
  let api: jasmine.SpyObj<TemplatesApi>;
  let jobs: Subject<Job>;

  async function render(lang: 'zh-CN' | 'en' = 'zh-CN') {
    const { context } = fakeContext();
    await context.refresh();
    context.setLocale(lang);
    jobs = new Subject<Job>();
    api = jasmine.createSpyObj<TemplatesApi>('TemplatesApi', ['tags', 'segments', 'send', 'watchJob', 'getSend', 'results', 'searchFans']);
    api.tags.and.resolveTo([{ id: 102, name: 'VIP' } as never]);
    api.segments.and.resolveTo([]);
    api.searchFans.and.resolveTo([{ openid: 'oFANAAAAAAAAAAAAAAAAAAAAAAAA', remark: '张三' } as never]);
    api.watchJob.and.returnValue(jobs);
    api.getSend.and.resolveTo(sendOf({ status: 'finished', progress: null, totals: { total: 3, sent: 2, failed: 1 } }));
    api.results.and.resolveTo({ total: 3, items: [
      { openid: 'oA', status: 'sent', errcode: null, reason: null, msgId: '1' },
      { openid: 'oB', status: 'sent', errcode: null, reason: null, msgId: '2' },
      { openid: 'oC', status: 'failed', errcode: 43004, reason: 'unsubscribed', msgId: null },
    ] });
    TestBed.configureTestingModule({
      imports: [TemplateSendForm],
      providers: [...provideUiTesting(context, MESSAGING_STRINGS), { provide: TemplatesApi, useValue: api }],
    });
    await loadLanguage(lang);
    const fixture = TestBed.createComponent(TemplateSendForm);
    fixture.componentRef.setInput('account', wxAccount('wx-service', { name: 'Dmartech智慧营销' }));
    fixture.componentRef.setInput('template', SHIPPING);
    await fixture.whenStable();
    await settle();
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const form = await TestbedHarnessEnvironment.harnessForFixture(fixture, TemplateSendFormHarness);
    return { fixture, root, form };
  }

  it('generates one labelled input per field and explains each kind\'s rule as typed', async () => {
    const { form } = await render();
    expect(await form.fieldLabels()).toEqual(['商品名称', '订单金额', '物流状态']);
    await form.type('商品名称', '字'.repeat(21));
    expect(await form.errorOf('商品名称')).toBe('最多 20 个字');
    expect(await form.isInvalid('商品名称')).toBeTrue();
    await form.type('订单金额', '299块');
    expect(await form.errorOf('订单金额')).toBe('请填写金额，如 ¥299.00 或 12.5元');
    await form.type('物流状态', 'OK');
    expect(await form.errorOf('物流状态')).toBe('只能填写汉字');
    await form.type('物流状态', '已发货');
    expect(await form.errorOf('物流状态')).toBeNull();
    expect(await form.isInvalid('物流状态')).toBeFalse();
  });

  it('takes the keyboard to the first field of a template chosen while it is shown, not of the one it opens with', async () => {
    const { fixture, root } = await render();
    document.body.appendChild(root);
    const opener = document.createElement('button');
    document.body.appendChild(opener);
    opener.focus();
    await fixture.whenStable();
    expect(document.activeElement).toBe(opener);

    fixture.componentRef.setInput('template', { ...SHIPPING, templateId: 'tpl_other', fields: [{ key: 'thing9', kind: 'thing', label: '活动名称' }] });
    await fixture.whenStable();
    expect(document.activeElement).toBe(root.querySelector('input[name="thing9"]'));
    opener.remove();
    root.remove();
  });

  it('renders the values in the WeChat card preview as text, with the 详情 row only when linked', async () => {
    const { form, root } = await render();
    await form.type('商品名称', '<b>音箱</b>');
    expect(await form.previewLines()).toEqual(['商品名称 <b>音箱</b>', '订单金额 —', '物流状态 —']);
    expect(root.querySelector('figure b')).toBeNull();
    expect(await form.previewText()).not.toContain('详情');
    await form.check('网页链接');
    expect(await form.previewText()).toContain('详情');
    await form.type('链接地址', 'javascript:alert(1)');
    expect(await form.errorOf('链接地址')).toBe('请填写以 http:// 或 https:// 开头的链接');
    await form.check('不跳转');
    expect(await form.previewText()).not.toContain('详情');
  });

  it('sends nothing while invalid, and puts the server\'s field errors on the fields', async () => {
    const { form } = await render();
    await form.clickButton('发送');
    expect(api.send).not.toHaveBeenCalled();
    expect(await form.errorOf('商品名称')).toBe('请填写此项');
    expect(await form.errorOf('粉丝标签')).toBe('请选择标签');
    await form.type('商品名称', '音箱');
    await form.type('订单金额', '¥299.00');
    await form.type('物流状态', '已发货');
    await form.select('粉丝标签', 'VIP');
    api.send.and.rejectWith(new ProblemError({ status: 400, code: 'VALIDATION', errors: [{ field: 'data.thing1.value', message: 'must be at most 20 characters' }] }));
    await form.clickButton('发送');
    await settle();
    expect(api.send).toHaveBeenCalledWith('wx-service', {
      templateId: 'tpl_shipping',
      data: { thing1: { value: '音箱' }, amount2: { value: '¥299.00' }, phrase3: { value: '已发货' } },
      audience: { type: 'tag', tagId: 102 },
    });
    expect(await form.errorOf('商品名称')).toBe('微信规则不允许：must be at most 20 characters');
    expect(await form.value('商品名称')).toBe('音箱');
  });

  it('follows the job with progress, then lists per-recipient results', async () => {
    const { form, fixture, root } = await render('en');
    await form.type('商品名称', '音箱');
    await form.type('订单金额', '¥299.00');
    await form.type('物流状态', '已发货');
    await form.select('Fan tag', 'VIP');
    api.send.and.resolveTo(sendOf());
    await form.clickButton('Send');
    await settle();
    jobs.next(job('running', 2));
    await fixture.whenStable();
    expect(root.querySelector('wx-job-progress')!.textContent).toContain('2');
    jobs.next(job('succeeded', 3));
    jobs.complete();
    await settle();
    await fixture.whenStable();
    await settle();
    await fixture.whenStable();
    expect(root.textContent).toContain('3 recipients: 2 sent, 1 failed');
    expect(await form.resultRows()).toEqual(['oA Sent', 'oB Sent', 'oC Failed Not following the account (43004)']);
  });

  it('adds a fan found by the first characters of the openid to the recipients', async () => {
    const { form, fixture, root } = await render();
    await form.check('按 OpenID');
    const search = await form.control('查找粉丝（输入 OpenID 开头几位）');
    await search.setInputValue('oFA');
    await search.dispatchEvent('input');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await fixture.whenStable();
    expect(api.searchFans).toHaveBeenCalledWith('wx-service', 'oFA');
    expect([...root.querySelectorAll('datalist option')].map((o) => (o as HTMLOptionElement).value)).toEqual(['oFANAAAAAAAAAAAAAAAAAAAAAAAA']);
    await search.setInputValue('oFANAAAAAAAAAAAAAAAAAAAAAAAA');
    await search.dispatchEvent('input');
    await form.clickButton('添加到列表');
    expect(await form.value('OpenID（每行一个）')).toBe('oFANAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(root.textContent).toContain('有效 OpenID 1 个');
  });
});
