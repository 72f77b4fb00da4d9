import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { fakeContext, loadLanguage, provideUiTesting, WxButtonHarness } from '@wechat-mfe/ui/testing';
import { FanActionsApi, type FanTag } from '../data/fan-actions-api';
import { TagDirectory } from './tag-directory';
import { TagManager } from './tag-manager';
import zh from '../i18n/zh-CN.json';
import en from '../i18n/en.json';

const tag = (id: number, name: string, fanCount = 0): FanTag => ({ id, name, fanCount, reserved: id <= 2, revision: `${id}:${name}` });
const refused = (code: string) => ({ problem: { code, status: 422, detail: code, errors: [] } });

describe('TagManager', () => {
  let api: jasmine.SpyObj<FanActionsApi>;
  let tags: FanTag[];

  async function render() {
    const { context } = fakeContext();
    await context.refresh();
    tags = [tag(2, '星标组'), tag(100, '高价值', 12), tag(101, 'VIP', 3)];
    api = jasmine.createSpyObj<FanActionsApi>('FanActionsApi', ['tags', 'createTag', 'renameTag', 'deleteTag']);
    api.tags.and.callFake(async () => ({ items: [...tags], limit: 100 }));
    TestBed.configureTestingModule({
      imports: [TagManager],
      providers: [
        ...provideUiTesting(context, { 'zh-CN': async () => zh, en: async () => en }),
        { provide: FanActionsApi, useValue: api },
        TagDirectory,
      ],
    });
    await loadLanguage('zh-CN');
    await TestBed.inject(TagDirectory).load('wx-service');
    const fixture = TestBed.createComponent(TagManager);
    fixture.componentRef.setInput('appid', 'wx-service');
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const button = (name: string) => loader.getHarness(WxButtonHarness.with({ selector: `[aria-label="${name}"]` }));
    const buttonText = (text: string) => loader.getHarness(WxButtonHarness.with({ text }));
    const type = async (selector: string, value: string) => {
      const input = element.querySelector<HTMLInputElement>(selector)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    };
    return { fixture, element, button, buttonText, type, settle };
  }

  it('lists tags with their fan counts and marks the reserved one, explaining instead of renaming it', async () => {
    const { element, button } = await render();
    const items = [...element.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items[0]).toContain('星标组');
    expect(items[0]).toContain('微信保留');
    expect(items[1]).toContain('12 位粉丝');
    await (await button('删除标签 星标组')).click();
    expect(element.querySelector('[data-tag-id="2"] [role="alert"]')?.textContent).toContain('不能重命名或删除');
    await (await button('重命名标签 星标组')).click();
    expect(element.querySelector('#tag-rename-2')).toBeNull();
    expect(api.deleteTag).not.toHaveBeenCalled();
    expect(api.renameTag).not.toHaveBeenCalled();
  });

  it('refuses a name over 30 characters, and a name the list already has, before sending, keeping focus in the field', async () => {
    const { element, buttonText, type, settle } = await render();
    await type('#tag-new', '标'.repeat(31));
    expect(element.querySelector('#tag-new-help')!.textContent).toContain('最多 30 个字');
    expect(await (await buttonText('创建标签')).isDisabled()).toBeTrue();
    await type('#tag-new', ' VIP ');
    expect(element.querySelector('#tag-new-help')!.textContent).toContain('3 / 30');
    await (await buttonText('创建标签')).click();
    await settle();
    expect(api.createTag).not.toHaveBeenCalled();
    expect(element.querySelector('#tag-new-help [role="alert"]')!.textContent).toBe('已有同名标签，请换一个名称。');
    expect(element.querySelector<HTMLInputElement>('#tag-new')!.value).toBe(' VIP ');
    expect(element.querySelector('#tag-new')!.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(element.querySelector('#tag-new'));
  });

  it("shows WeChat's refusal next to the field, keeping the input and the focus there, and creates a new name", async () => {
    const { element, buttonText, type, settle } = await render();
    // A colleague created "新客" after the list loaded: only WeChat knows.
    await type('#tag-new', '新客');
    api.createTag.and.rejectWith(refused('WECHAT_45157'));
    await (await buttonText('创建标签')).click();
    await settle();
    expect(api.createTag).toHaveBeenCalledOnceWith('wx-service', '新客');
    expect(element.querySelector('#tag-new-help [role="alert"]')!.textContent).toBe('已有同名标签，请换一个名称。');
    expect(element.querySelector<HTMLInputElement>('#tag-new')!.value).toBe('新客');
    expect(document.activeElement).toBe(element.querySelector('#tag-new'));

    api.createTag.and.callFake(async (_appid, name) => {
      tags.push(tag(102, name.trim()));
      return tag(102, name.trim());
    });
    await type('#tag-new', '新标签');
    expect(element.querySelector('#tag-new-help [role="alert"]')).toBeNull();
    await (await buttonText('创建标签')).click();
    await settle();
    expect(element.querySelector<HTMLInputElement>('#tag-new')!.value).toBe('');
    expect(element.querySelector('[data-tag-id="102"]')!.textContent).toContain('新标签');
  });

  it('renames inline and deletes after a confirmation, showing a refusal in the row', async () => {
    const { element, button, buttonText, type, settle, fixture } = await render();
    const changed = jasmine.createSpy('changed');
    fixture.componentInstance.changed.subscribe(changed);
    await (await button('重命名标签 VIP')).click();
    // Another tag's name is refused without a request; the tag's own name is not "another".
    await type('#tag-rename-101', '高价值');
    await (await buttonText('保存')).click();
    await settle();
    expect(api.renameTag).not.toHaveBeenCalled();
    expect(element.querySelector('#tag-rename-help-101 [role="alert"]')!.textContent).toBe('已有同名标签，请换一个名称。');
    await type('#tag-rename-101', '超级VIP');
    api.renameTag.and.callFake(async (_appid, id, name) => {
      tags = tags.map((t) => (t.id === id ? tag(id, name, 3) : t));
      return tag(id, name, 3);
    });
    await (await buttonText('保存')).click();
    await settle();
    expect(api.renameTag).toHaveBeenCalledOnceWith('wx-service', 101, '超级VIP', '101:VIP');
    expect(element.querySelector('[data-tag-id="101"]')!.textContent).toContain('超级VIP');
    expect(changed).toHaveBeenCalledTimes(1);

    await (await button('删除标签 高价值')).click();
    expect(element.querySelector('[data-tag-id="100"]')!.textContent).toContain('它会从 12 位粉丝身上移除');
    expect(api.deleteTag).not.toHaveBeenCalled();
    api.deleteTag.and.rejectWith(refused('WECHAT_45057'));
    await (await buttonText('确认删除')).click();
    await settle();
    expect(element.querySelector('[data-tag-id="100"] [role="alert"]')!.textContent).toContain('超过 10 万');
    expect(element.querySelector('[data-tag-id="100"]')).not.toBeNull();
  });

  it("shows a colleague's rename made meanwhile, keeps the typed name, and saves over it or takes it", async () => {
    const { element, button, buttonText, type, settle } = await render();
    await (await button('重命名标签 VIP')).click();
    await type('#tag-rename-101', '我的名字');
    // A colleague renamed it after this list loaded: the save is refused and the list reloads.
    tags = tags.map((t) => (t.id === 101 ? tag(101, '同事的名字', 3) : t));
    api.renameTag.and.rejectWith({ problem: { code: 'STALE', status: 412, errors: [{ field: 'header.If-Match', message: 'x' }] } });
    await (await buttonText('保存')).click();
    await settle();
    const row = () => element.querySelector('[data-tag-id="101"]')!;
    expect(row().querySelector('wx-stale-notice')).not.toBeNull();
    expect(row().querySelector('[data-testid="tag-now-named"]')!.textContent).toContain('同事的名字');
    expect(row().querySelector<HTMLInputElement>('#tag-rename-101')!.value).toBe('我的名字');

    api.renameTag.and.callFake(async (_appid, id, name) => {
      tags = tags.map((t) => (t.id === id ? tag(id, name, 3) : t));
      return tag(id, name, 3);
    });
    row().querySelector<HTMLButtonElement>('wx-stale-notice button.filled')!.click();
    await settle();
    expect(api.renameTag.calls.mostRecent().args).toEqual(['wx-service', 101, '我的名字', '101:同事的名字']);
    expect(row().textContent).toContain('我的名字');
    expect(row().querySelector('wx-stale-notice')).toBeNull();

    // Again, and this time take theirs: the edit closes on their name.
    await (await button('重命名标签 我的名字')).click();
    await type('#tag-rename-101', '第三个名字');
    tags = tags.map((t) => (t.id === 101 ? tag(101, '他们的新名字', 3) : t));
    api.renameTag.and.rejectWith({ problem: { code: 'STALE', status: 412, errors: [] } });
    await (await buttonText('保存')).click();
    await settle();
    row().querySelector<HTMLButtonElement>('wx-stale-notice button:not(.filled)')!.click();
    await settle();
    expect(row().querySelector('#tag-rename-101')).toBeNull();
    expect(row().textContent).toContain('他们的新名字');
  });

  it('says why the tags did not load and loads them again on retry', async () => {
    const { element, settle } = await render();
    api.tags.and.rejectWith({ problem: { code: 'NETWORK' } });
    await TestBed.inject(TagDirectory).reload();
    await settle();
    expect(element.querySelector('wx-error-state')).not.toBeNull();
    api.tags.and.callFake(async () => ({ items: [...tags], limit: 100 }));
    // The shared error state's retry is a native button (ADR 0005).
    [...element.querySelectorAll<HTMLButtonElement>('wx-error-state button')].find((b) => b.textContent?.trim() === '重试')!.click();
    await settle();
    expect(element.querySelector('wx-error-state')).toBeNull();
    expect(element.querySelector('[data-tag-id="101"]')).not.toBeNull();
  });
});
