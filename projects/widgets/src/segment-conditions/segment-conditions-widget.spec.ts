import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { fakeContext, provideUiTesting, wxAccount, wxUser } from '@wechat-mfe/ui/testing';
import zh from '../i18n/zh-CN.json';
import en from '../i18n/en.json';
import { SegmentApi } from './data/segment-api';
import type { SegmentDocument } from './model';
import { COUNT_DEBOUNCE_MS, SegmentConditionsWidget, type SegmentValidity } from './segment-conditions-widget';

@Component({
  imports: [SegmentConditionsWidget],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<wx-segment-conditions-widget [value]="value()" [appids]="appids()" (valueChange)="docs.push($event)" (validityChange)="validity.push($event)" />`,
})
class Host {
  readonly value = signal<unknown>(null);
  readonly appids = signal<readonly string[] | null>(null);
  readonly docs: SegmentDocument[] = [];
  readonly validity: SegmentValidity[] = [];
}

const SMART = 'wx-smart';
const complete: SegmentDocument = {
  version: 1,
  root: { type: 'group', op: 'and', children: [{ type: 'attribute', appids: [SMART], attribute: 'subscribed' }] },
};

describe('wx-segment-conditions-widget', () => {
  let api: jasmine.SpyObj<SegmentApi>;

  async function render(value: unknown = null, appids: readonly string[] | null = null) {
    const { context } = fakeContext({
      user: wxUser('marketer'),
      accounts: { items: [wxAccount(SMART, { name: 'Dmartech智慧营销' }), wxAccount('wx-sub', { name: 'Dmartech订阅号', type: 'subscription' })], totalBound: 2 },
    });
    await context.refresh();
    context.select(SMART);
    api = jasmine.createSpyObj<SegmentApi>('SegmentApi', ['count', 'catalogue']);
    api.count.and.resolveTo(1234);
    api.catalogue.and.resolveTo({ qrCodes: [], menuButtons: [{ name: '今日推荐', type: 'click', key: 'TODAY_PICK' }], tags: [{ id: 101, name: '高价值客户' }] });
    TestBed.configureTestingModule({
      providers: [...provideUiTesting(context, { 'zh-CN': async () => zh, en: async () => en }), { provide: SegmentApi, useValue: api }],
    });
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.value.set(value);
    fixture.componentInstance.appids.set(appids);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const button = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)!;
    const labelled = (scope: Element, label: string) => {
      const l = [...scope.querySelectorAll('label')].find((x) => x.textContent?.trim() === label)!;
      return scope.querySelector(`#${l.htmlFor}`) as HTMLInputElement & HTMLSelectElement;
    };
    return { fixture, root, host: fixture.componentInstance, button, labelled };
  }

  const settle = async (fixture: { whenStable(): Promise<unknown> }) => {
    await new Promise((resolve) => setTimeout(resolve, COUNT_DEBOUNCE_MS + 50));
    await fixture.whenStable();
  };

  it('reports an empty document as incomplete and asks for no count, but flags it only once a condition was removed', async () => {
    const { root, host, fixture, button } = await render();
    await settle(fixture);
    // A fresh editor: nothing done wrong yet, so no red text; the host still learns it cannot save.
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(host.validity.at(-1)).toEqual({ valid: false, problems: [{ path: 'root.children', message: '请至少添加一个条件。' }] });
    expect(api.count).not.toHaveBeenCalled();
    button('添加属性条件').click();
    await fixture.whenStable();
    button('删除条件').click();
    await fixture.whenStable();
    expect(root.querySelector('[role="alert"]')?.textContent?.trim()).toBe('请至少添加一个条件。');
  });

  it('flags an empty group of a document the host handed over at once', async () => {
    const { root } = await render({ version: 1, root: { type: 'group', op: 'and', children: [] } });
    expect(root.querySelector('[role="alert"]')?.textContent?.trim()).toBe('请至少添加一个条件。');
  });

  it('builds an event condition on the selected account, flags it until complete, then counts (debounced, once)', async () => {
    const { root, host, fixture, button, labelled } = await render();
    button('添加事件条件').click();
    await fixture.whenStable();
    const condition = root.querySelector('[aria-label="事件条件"]')!;
    const checkbox = [...condition.querySelectorAll('label')].find((l) => l.textContent?.includes('Dmartech智慧营销'))!.querySelector('input')!;
    expect(checkbox.checked).toBeTrue();
    const match = labelled(condition, '消息内容');
    match.value = 'contains';
    match.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(host.validity.at(-1)!.problems.map((p) => p.path)).toEqual(['root.children[0].match.text']);
    expect(condition.textContent).toContain('请填写 1–100 个字符。');
    const text = labelled(condition, '文本');
    for (const typed of ['D', 'Dm', 'Dmartech']) {
      text.value = typed;
      text.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    }
    await settle(fixture);
    expect(host.docs.at(-1)).toEqual({
      version: 1,
      root: { type: 'group', op: 'and', children: [{ type: 'event', appids: [SMART], event: 'sentMessage', window: { lastDays: 7 }, match: { operator: 'contains', text: 'Dmartech' } }] },
    });
    expect(host.validity.at(-1)!.valid).toBeTrue();
    expect(api.count).toHaveBeenCalledTimes(1);
    expect(root.querySelector('[data-testid="segment-count"]')?.textContent?.trim()).toBe('匹配 1,234 位联系人');
  });

  it('shows a document from the host, offers the live menu buttons of its one account, and recounts on demand', async () => {
    const { root, fixture, button, labelled } = await render({
      version: 1,
      root: { type: 'group', op: 'or', children: [{ type: 'event', appids: [SMART], event: 'clickedMenu', menuKey: 'TODAY_PICK' }] },
    });
    await settle(fixture);
    const condition = root.querySelector('[aria-label="事件条件"]')!;
    expect(labelled(condition, '事件').value).toBe('clickedMenu');
    expect(api.catalogue).toHaveBeenCalledWith(SMART);
    expect([...labelled(condition, '菜单按钮').options].map((o) => o.textContent?.trim())).toEqual(['任意按钮', '今日推荐']);
    expect(labelled(condition, '菜单按钮').value).toBe('TODAY_PICK');
    expect(api.count).toHaveBeenCalledTimes(1);
    button('重新计算人数').click();
    await fixture.whenStable();
    expect(api.count).toHaveBeenCalledTimes(2);
  });

  it('removing the only condition makes the document incomplete again', async () => {
    const { root, host, fixture, button } = await render(complete);
    await settle(fixture);
    expect(root.querySelector('[data-testid="segment-count"]')?.textContent?.trim()).toBe('匹配 1,234 位联系人');
    button('删除条件').click();
    await settle(fixture);
    expect(host.docs.at(-1)!.root.children).toEqual([]);
    expect(root.querySelector('[data-testid="segment-count"]')?.textContent?.trim()).toBe('条件完整后显示匹配的联系人数。');
  });

  it('names tags by their name for a tag condition of one account', async () => {
    const { root, fixture, labelled, host } = await render({
      version: 1,
      root: { type: 'group', op: 'and', children: [{ type: 'attribute', appids: [SMART], attribute: 'tag', operator: 'isNot', tagId: 101 }] },
    });
    await settle(fixture);
    const condition = root.querySelector('[aria-label="属性条件"]')!;
    const tag = labelled(condition, '标签名称');
    expect([...tag.options].map((o) => o.textContent?.trim())).toEqual(['请选择标签', '高价值客户']);
    expect(tag.value).toBe('101');
    tag.value = '';
    tag.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(host.validity.at(-1)!.problems).toEqual([{ path: 'root.children[0].tagId', message: '请选择标签。' }]);
  });

  it('offers only the accounts the host narrows it to, and starts new conditions on one of them', async () => {
    const { root, fixture, button, host } = await render(null, ['wx-sub']);
    button('添加属性条件').click();
    await fixture.whenStable();
    const condition = root.querySelector('[aria-label="属性条件"]')!;
    const offered = [...condition.querySelectorAll('fieldset label')].map((l) => l.textContent?.replace(/\s+/g, ' ').trim());
    expect(offered).toEqual(['Dmartech订阅号 订阅号']);
    expect(host.docs.at(-1)!.root.children[0]).toEqual({ type: 'attribute', appids: ['wx-sub'], attribute: 'subscribed' });
  });
});
