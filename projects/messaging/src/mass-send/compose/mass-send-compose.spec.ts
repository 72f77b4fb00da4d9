import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideStore, Store } from '@ngrx/store';
import { ProblemError } from '@wechat-mfe/suite-api';
import { fakeContext, loadLanguage, provideUiTesting, wxAccount } from '@wechat-mfe/ui/testing';
import { MassSendApi, type MassSend, type MassSendDraftDocument, type MassSendQuota, type Tag } from '../mass-send-api';
import { MassSendComposeActions } from '../history/mass-send-history.store';
import { MassSendCompose } from './mass-send-compose';
import { DRAFT_DEBOUNCE_MS } from './draft-autosave';
import { MassSendComposeHarness } from './mass-send-compose.harness';
import { MESSAGING_STRINGS } from '../../testing/messaging-strings';

const openid = (n: number) => `o${String(n).padStart(27, 'B')}`;
const quota = (patch: Partial<MassSendQuota> = {}): MassSendQuota => ({
  accountType: 'service',
  period: 'month',
  limit: 4,
  used: 1,
  remaining: 3,
  periodEndsAt: '2026-11-30T16:00:00.000Z',
  fanMonthlyLimit: 4,
  agreementSigned: true,
  ...patch,
});
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const TAGS: Tag[] = [{ id: 100, name: '高价值' }, { id: 102, name: 'VIP' }];

describe('MassSendCompose', () => {
  let api: jasmine.SpyObj<MassSendApi>;

  async function render({
    account = wxAccount('wx-service'),
    drafts = {} as Record<string, MassSendDraftDocument | null>,
    quotaPatch = {} as Partial<MassSendQuota>,
    tags = Promise.resolve(TAGS),
  } = {}) {
    const { context } = fakeContext();
    await context.refresh();
    api = jasmine.createSpyObj<MassSendApi>('MassSendApi', [
      'tags', 'segments', 'quota', 'estimate', 'draft', 'saveDraft', 'discardDraft', 'create', 'preview', 'searchFans',
    ]);
    api.tags.and.returnValue(tags);
    api.segments.and.resolveTo([{ id: 'seg_high_value', name: '高价值客户', description: '', size: 1284 }]);
    api.quota.and.resolveTo(quota(quotaPatch));
    api.estimate.and.resolveTo({ recipients: 1234, filteredByFanLimit: 0 });
    api.draft.and.callFake(async (appid: string) => (drafts[appid] ?? null) as never);
    api.saveDraft.and.resolveTo({});
    api.discardDraft.and.resolveTo({});
    api.searchFans.and.resolveTo([]);
    TestBed.configureTestingModule({
      imports: [MassSendCompose],
      providers: [...provideUiTesting(context, MESSAGING_STRINGS), { provide: MassSendApi, useValue: api }, provideStore()],
    });
    await loadLanguage('zh-CN');
    const store = TestBed.inject(Store);
    spyOn(store, 'dispatch');
    const fixture = TestBed.createComponent(MassSendCompose);
    fixture.componentRef.setInput('account', account);
    await fixture.whenStable();
    await wait(0);
    await fixture.whenStable();
    const compose = await TestbedHarnessEnvironment.harnessForFixture(fixture, MassSendComposeHarness);
    return { fixture, compose, store };
  }

  it('counts characters, refuses blank or too long text, and sends nothing while invalid', async () => {
    const { compose } = await render();
    await compose.typeText('你好😀');
    expect(await compose.counter()).toBe('3 / 600 字');
    await compose.typeText('字'.repeat(601));
    await compose.submit();
    expect(await compose.fieldError('ms-text-error')).toBe('文本不能超过 600 字');
    // The first field in error takes the focus.
    expect(document.activeElement?.id).toBe('ms-text');
    expect(await compose.isConfirmationOpen()).toBeFalse();
    expect(api.create).not.toHaveBeenCalled();
  });

  it('reports each invalid and duplicate line of an openid list and estimates the valid ones', async () => {
    const { compose, fixture } = await render();
    await compose.chooseRadio('OpenID 列表');
    await compose.typeOpenids([openid(1), 'oops', openid(2), openid(1)].join('\n'));
    expect(await compose.reportLines()).toEqual([
      '第 2 行：“oops”不是有效的 OpenID',
      `第 4 行：“${openid(1)}”与第 1 行重复`,
    ]);
    await wait(500);
    await fixture.whenStable();
    expect(api.estimate).toHaveBeenCalledWith('wx-service', { type: 'openids', openids: [openid(1), openid(2)] }, jasmine.anything());
    await compose.typeText('hi');
    await compose.submit();
    expect(await compose.isConfirmationOpen()).toBeFalse();
  });

  it('reads a CSV file through a translated button and names the file read', async () => {
    const { compose, fixture } = await render();
    await compose.chooseRadio('OpenID 列表');
    const element: HTMLElement = fixture.nativeElement;
    const button = [...element.querySelectorAll<HTMLButtonElement>('.file-row button')].find((b) => b.textContent!.trim() === '上传 CSV 文件')!;
    expect(button.getAttribute('aria-describedby')).toBe('ms-openids-file-name');
    expect(element.querySelector('#ms-openids-file-name')!.textContent!.trim()).toBe('未选择文件');
    // The native input (its button and "No file chosen" in the browser's language) is out of sight and of the tab order.
    const input = element.querySelector<HTMLInputElement>('#ms-openids-file')!;
    expect(input.classList).toContain('wx-visually-hidden');
    expect(input.tabIndex).toBe(-1);
    const click = spyOn(input, 'click');
    button.click();
    expect(click).toHaveBeenCalled();
    const files = new DataTransfer();
    files.items.add(new File([`${openid(1)}\n${openid(2)}\n`], 'fans.csv', { type: 'text/csv' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    await wait(20); // File.text() reads asynchronously
    await fixture.whenStable();
    expect(element.querySelector('#ms-openids-file-name')!.textContent!.trim()).toBe('已读取文件：fans.csv');
    expect(element.querySelector<HTMLTextAreaElement>('#ms-openids')!.value).toBe(`${openid(1)}\n${openid(2)}\n`);
  });

  it('confirms, then sends to a tag with a clientMsgId, clears the form and its draft', async () => {
    const { compose, fixture, store } = await render();
    await compose.chooseRadio('按标签');
    await fixture.whenStable();
    await compose.chooseTag('VIP');
    await compose.typeText('双十一会员日');
    await wait(500);
    await fixture.whenStable();
    expect(await compose.estimate()).toContain('预计接收人数：1,234');
    await compose.submit();
    expect(await compose.isConfirmationOpen()).toBeTrue();
    expect(await compose.confirmationText()).toContain('标签：VIP');
    // Chinese brackets are full-width: they are part of the translation, not of the template.
    expect(await compose.confirmationText()).toContain('标签：VIP（预计接收人数：1,234）');
    expect(await compose.confirmationText()).toContain('发送后本月剩余 2 次');
    const sent = { id: 7, status: 'sending', sendAt: null } as unknown as MassSend;
    api.create.and.resolveTo(sent);
    await compose.confirm();
    await fixture.whenStable();
    expect(api.create).toHaveBeenCalledWith('wx-service', {
      audience: { type: 'tag', tagId: 102 },
      content: { type: 'text', text: '双十一会员日' },
      clientMsgId: jasmine.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(store.dispatch).toHaveBeenCalledWith(MassSendComposeActions.sent({ massSend: sent }));
    expect(api.discardDraft).toHaveBeenCalledWith('wx-service');
    expect(await compose.textValue()).toBe('');
    expect(await compose.checkedRadios()).toEqual(['全部粉丝', '立即发送']);
    expect(await compose.success()).toContain('已开始发送');
  });

  it('gives focus back to "发送…" once the confirmed send is done (not to <body>)', async () => {
    const { compose, fixture } = await render();
    await compose.typeText('双十一会员日');
    await compose.submit();
    const root: HTMLElement = fixture.nativeElement;
    root.querySelector<HTMLElement>('dialog button.wx-button.filled')!.focus();
    api.create.and.resolveTo({ id: 7, status: 'sending', sendAt: null } as unknown as MassSend);
    await compose.confirm();
    await fixture.whenStable();
    expect(document.activeElement).toBe(root.querySelector('button[type="submit"]'));
  });

  it('schedules with the local time and its offset', async () => {
    const { compose, fixture } = await render();
    await compose.typeText('周末活动');
    await compose.chooseRadio('定时发送');
    await fixture.whenStable();
    const soon = new Date(Date.now() + 2 * 86_400_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    const local = `${soon.getFullYear()}-${pad(soon.getMonth() + 1)}-${pad(soon.getDate())}T09:30`;
    await compose.typeSendAt(local);
    await compose.submit();
    api.create.and.resolveTo({ id: 8, status: 'scheduled', sendAt: new Date(local).toISOString() } as unknown as MassSend);
    await compose.confirm();
    await fixture.whenStable();
    const body = api.create.calls.mostRecent().args[1];
    expect(body.sendAt).toMatch(new RegExp(`^${local}:00[+-]\\d\\d:\\d\\d$`));
    expect(new Date(body.sendAt!).getTime()).toBe(new Date(local).getTime());
  });

  it('keeps the message and explains a refusal (45028) in English', async () => {
    const { compose, fixture } = await render();
    await loadLanguage('en');
    const { TranslocoService } = await import('@jsverse/transloco');
    TestBed.inject(TranslocoService).setActiveLang('en');
    await compose.typeText('Hello fans');
    await compose.submit();
    api.create.and.rejectWith(new ProblemError({ status: 422, code: 'WECHAT_45028', errors: [] }));
    await compose.confirm();
    await fixture.whenStable();
    expect(await compose.alert()).toContain('No mass sends left');
    expect(await compose.alert()).toContain('Your message is kept');
    expect(await compose.textValue()).toBe('Hello fans');
    expect(api.quota).toHaveBeenCalledTimes(2);
  });

  it('shows the quota, and disables sending when it is used up or the agreement is missing', async () => {
    const { compose } = await render({ quotaPatch: { used: 4, remaining: 0 } });
    expect(await compose.quota()).toContain('本月已用 4 / 4 次，剩余 0 次');
    expect(await compose.quota()).toContain('45028');
    expect(await compose.isSubmitDisabled()).toBeTrue();
    TestBed.resetTestingModule();
    const unsigned = await render({ quotaPatch: { agreementSigned: false } });
    expect(await unsigned.compose.quota()).toContain('48003');
    expect(await unsigned.compose.isSubmitDisabled()).toBeTrue();
    TestBed.resetTestingModule();
    const fresh = await render();
    expect(await fresh.compose.isSubmitDisabled()).toBeFalse();
  });

  it('marks the preview openid invalid when a preview is asked for without it, until one is typed', async () => {
    const { compose, fixture } = await render();
    const input = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>('#ms-preview-openid')!;
    await compose.typeText('预览内容');
    await compose.sendPreview();
    await fixture.whenStable();
    expect(api.preview).not.toHaveBeenCalled();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const error = (fixture.nativeElement as HTMLElement).querySelector('#ms-preview-error')!;
    expect(error.textContent).toContain('请先填写预览粉丝的 OpenID');
    expect(input.getAttribute('aria-describedby')!.split(' ')).toContain('ms-preview-error');
    await compose.typePreviewOpenid(openid(5));
    await fixture.whenStable();
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });

  it('previews to a fan and explains an openid that is not a fan (40003)', async () => {
    const { compose, fixture } = await render();
    await compose.typeText('预览内容');
    await compose.typePreviewOpenid(openid(5));
    api.preview.and.resolveTo({});
    await compose.sendPreview();
    await fixture.whenStable();
    expect(api.preview).toHaveBeenCalledWith('wx-service', openid(5), { type: 'text', text: '预览内容' });
    expect(await compose.previewState()).toContain(`预览已发送给 ${openid(5)}`);
    api.preview.and.rejectWith(new ProblemError({ status: 422, code: 'WECHAT_40003', errors: [] }));
    await compose.sendPreview();
    await fixture.whenStable();
    expect(await compose.previewState()).toContain('不是本公众号的粉丝');
    expect((fixture.nativeElement as HTMLElement).querySelector('#ms-preview-openid')!.getAttribute('aria-invalid')).toBe('true');
  });

  it('restores the account draft, autosaves after a pause, and keeps each account its own draft', async () => {
    const { compose, fixture } = await render({ drafts: { 'wx-service': { audienceType: 'all', contentType: 'text', text: '上次的草稿' } } });
    expect(await compose.textValue()).toBe('上次的草稿');
    expect(await compose.draftState()).toContain('已恢复');
    await compose.typeText('改过的草稿');
    expect(api.saveDraft).not.toHaveBeenCalled();
    await wait(DRAFT_DEBOUNCE_MS + 100);
    expect(api.saveDraft).toHaveBeenCalledOnceWith('wx-service', jasmine.objectContaining({ text: '改过的草稿' }));

    // Switch before the pause ends: the first account's draft is saved at once, the other's shown.
    await compose.typeText('未保存就切换');
    fixture.componentRef.setInput('account', wxAccount('wx-other'));
    await fixture.whenStable();
    await wait(0);
    await fixture.whenStable();
    expect(api.saveDraft).toHaveBeenCalledWith('wx-service', jasmine.objectContaining({ text: '未保存就切换' }));
    expect(api.draft).toHaveBeenCalledWith('wx-other', jasmine.anything());
    expect(await compose.textValue()).toBe('');
  });

  it('keeps what was typed before the draft arrived, fills the rest from the draft, and saves the result', async () => {
    let arrive: (draft: MassSendDraftDocument) => void = () => undefined;
    const late = new Promise<MassSendDraftDocument>((resolve) => (arrive = resolve));
    const { compose, fixture } = await render();
    // The next account's draft is slow to load; the user starts typing at once.
    api.draft.and.returnValue(late as never);
    fixture.componentRef.setInput('account', wxAccount('wx-other'));
    await fixture.whenStable();
    await compose.typeText('草稿到达前输入的');
    arrive({ audienceType: 'tag', tagId: 102, contentType: 'text', text: '旧草稿', when: 'now' });
    await wait(0);
    await fixture.whenStable();
    expect(await compose.textValue()).toBe('草稿到达前输入的');
    expect(await compose.checkedRadios()).toEqual(['按标签', '立即发送']);
    await wait(DRAFT_DEBOUNCE_MS + 100);
    expect(api.saveDraft).toHaveBeenCalledWith('wx-other', jasmine.objectContaining({ audienceType: 'tag', tagId: 102, text: '草稿到达前输入的' }));
  });

  it('sends a retried composition with the same clientMsgId, and a changed one with a new id', async () => {
    const { compose, fixture } = await render();
    await compose.typeText('只发一次');
    await compose.submit();
    api.create.and.rejectWith(new ProblemError({ status: 0, code: 'NETWORK', errors: [] }));
    await compose.confirm();
    await fixture.whenStable();
    await compose.submit();
    api.create.and.rejectWith(new ProblemError({ status: 422, code: 'WECHAT_45065', errors: [] }));
    await compose.confirm();
    await fixture.whenStable();
    const [first, second] = api.create.calls.all().map((call) => call.args[1].clientMsgId);
    expect(second).toBe(first);
    expect(await compose.alert()).toContain('这条群发已经提交过');
    await compose.typeText('改了内容');
    await compose.submit();
    await compose.confirm();
    await fixture.whenStable();
    expect(api.create.calls.mostRecent().args[1].clientMsgId).not.toBe(first);
  });

  it('keeps a chosen tag as its number, "请选择" as none, and a chosen segment as its id', async () => {
    const { compose, fixture } = await render();
    await compose.chooseRadio('按标签');
    await fixture.whenStable();
    await compose.chooseTag('VIP');
    await wait(DRAFT_DEBOUNCE_MS + 100);
    await fixture.whenStable();
    // The option's value is the string "102": the draft and the estimate get the number.
    expect(api.saveDraft).toHaveBeenCalledWith('wx-service', jasmine.objectContaining({ audienceType: 'tag', tagId: 102 }));
    expect(api.estimate).toHaveBeenCalledWith('wx-service', { type: 'tag', tagId: 102 }, jasmine.anything());

    await compose.chooseTag('请选择');
    await compose.submit();
    expect(await compose.fieldError('ms-tag-error')).toBe('请选择标签');
    await wait(DRAFT_DEBOUNCE_MS + 100);
    expect(api.saveDraft.calls.mostRecent().args[1]).toEqual(jasmine.objectContaining({ tagId: null }));

    await compose.chooseRadio('按客户分群');
    await fixture.whenStable();
    await compose.chooseSegment('高价值客户');
    await wait(500);
    await fixture.whenStable();
    expect(api.estimate).toHaveBeenCalledWith('wx-service', { type: 'segment', segmentId: 'seg_high_value' }, jasmine.anything());
    expect(await compose.selectedOption('ms-segment')).toBe('高价值客户');
  });

  it('restores the radios, the schedule and the chosen tag of a draft, even when the tags arrive after it', async () => {
    let arrive: (tags: Tag[]) => void = () => undefined;
    const tags = new Promise<Tag[]>((resolve) => (arrive = resolve));
    const { compose, fixture } = await render({
      tags,
      drafts: { 'wx-service': { audienceType: 'tag', tagId: 102, contentType: 'text', text: '恢复的草稿', when: 'schedule', sendAtLocal: '2026-12-01T09:30' } },
    });
    expect(await compose.checkedRadios()).toEqual(['按标签', '定时发送']);
    expect(await compose.sendAtValue()).toBe('2026-12-01T09:30');
    expect(await compose.textValue()).toBe('恢复的草稿');
    expect(await compose.selectedOption('ms-tag')).toBe('请选择');
    arrive(TAGS);
    await wait(0);
    await fixture.whenStable();
    expect(await compose.selectedOption('ms-tag')).toBe('VIP');
    // Restoring is not an edit: nothing is saved back.
    await wait(DRAFT_DEBOUNCE_MS + 100);
    expect(api.saveDraft).not.toHaveBeenCalled();
  });

  it('shows each account its own draft again when switching back and forth', async () => {
    const drafts: Record<string, MassSendDraftDocument | null> = {
      'wx-service': { audienceType: 'tag', tagId: 102, contentType: 'text', text: '服务号的草稿', when: 'now' },
      'wx-other': { audienceType: 'openids', openidsText: `${openid(1)}\n${openid(2)}`, contentType: 'text', text: '', when: 'schedule', sendAtLocal: '2026-12-02T08:00' },
    };
    const { compose, fixture } = await render({ drafts });
    api.saveDraft.and.callFake(async (appid: string, document: MassSendDraftDocument) => {
      drafts[appid] = document;
      return {};
    });
    const show = async (appid: string) => {
      fixture.componentRef.setInput('account', wxAccount(appid));
      await fixture.whenStable();
      await wait(0);
      await fixture.whenStable();
    };
    await compose.typeText('服务号改过的草稿');
    await show('wx-other');
    expect(await compose.checkedRadios()).toEqual(['OpenID 列表', '定时发送']);
    expect(await compose.openidsValue()).toBe(`${openid(1)}\n${openid(2)}`);
    expect(await compose.sendAtValue()).toBe('2026-12-02T08:00');
    expect(await compose.textValue()).toBe('');

    await show('wx-service');
    expect(await compose.checkedRadios()).toEqual(['按标签', '立即发送']);
    expect(await compose.selectedOption('ms-tag')).toBe('VIP');
    expect(await compose.textValue()).toBe('服务号改过的草稿');
  });

  it('keeps the audience and schedule chosen after a refusal', async () => {
    const { compose, fixture } = await render();
    await compose.chooseRadio('按标签');
    await fixture.whenStable();
    await compose.chooseTag('VIP');
    await compose.typeText('被拒绝的群发');
    await compose.submit();
    api.create.and.rejectWith(new ProblemError({ status: 422, code: 'WECHAT_45028', errors: [] }));
    await compose.confirm();
    await fixture.whenStable();
    expect(await compose.alert()).toContain('群发次数已用完');
    expect(await compose.checkedRadios()).toEqual(['按标签', '立即发送']);
    expect(await compose.selectedOption('ms-tag')).toBe('VIP');
    expect(await compose.textValue()).toBe('被拒绝的群发');
  });
});
