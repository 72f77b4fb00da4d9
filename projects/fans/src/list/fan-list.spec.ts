import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { CdkVirtualScrollViewport } from '@angular/cdk/scrolling';
import { Store, provideStore } from '@ngrx/store';
import { AccountContextActions } from '@wechat-mfe/ui';
import { fakeContext, loadLanguage, provideUiTesting } from '@wechat-mfe/ui/testing';
import { FanActionsApi } from '../data/fan-actions-api';
import { FansApi, type Fan } from '../data/fans-api';
import { FanList, ROW_HEIGHT, SCROLL_BUFFER } from './fan-list';
import { FanListPageActions, FansApiActions, PAGE_SIZE, fanListFeature } from './fan-list.store';
import zh from '../i18n/zh-CN.json';
import en from '../i18n/en.json';

const APPID = 'wx-service';
const fan = (i: number): Fan =>
  ({ openid: `o${String(i).padStart(5, '0')}`, subscribed: true, subscribeTime: '2025-03-01T02:00:00.000Z', scene: null, qrScene: '', tagIds: [], remark: '', blacklisted: false }) as unknown as Fan;
const items = (page: number, total: number) =>
  Array.from({ length: Math.min(PAGE_SIZE, total - page * PAGE_SIZE) }, (_, i) => fan(page * PAGE_SIZE + i));

describe('wx-fan-list keyboard', () => {
  let fixture: ComponentFixture<FanList>;
  let store: Store;
  let element: HTMLElement;
  let dispatched: unknown[];

  /** Renders the list over `total` fans with the pages in `loaded` already answered (no effects run). */
  async function render(total: number, loaded: number[]) {
    const { context } = fakeContext();
    await context.refresh();
    const actionsApi = jasmine.createSpyObj<FanActionsApi>('FanActionsApi', ['tags']);
    actionsApi.tags.and.resolveTo({ items: [], limit: 100 });
    const fansApi = jasmine.createSpyObj<FansApi>('FansApi', ['get']);
    fansApi.get.and.returnValue(new Promise(() => undefined));
    TestBed.configureTestingModule({
      imports: [FanList],
      providers: [
        ...provideUiTesting(context, { 'zh-CN': async () => zh, en: async () => en }),
        provideStore({ [fanListFeature.name]: fanListFeature.reducer }),
        { provide: FanActionsApi, useValue: actionsApi },
        { provide: FansApi, useValue: fansApi },
      ],
    });
    // The drawer and the tag manager are @defer blocks: their metadata resolves asynchronously.
    await TestBed.compileComponents();
    await loadLanguage('zh-CN');
    store = TestBed.inject(Store);
    store.dispatch(AccountContextActions.selected({ appid: APPID }));
    for (const page of loaded) answer(page, total);
    dispatched = [];
    const dispatch = store.dispatch.bind(store);
    spyOn(store, 'dispatch').and.callFake(((action: { type: string }) => {
      dispatched.push(action);
      return dispatch(action);
    }) as Store['dispatch']);
    fixture = TestBed.createComponent(FanList);
    fixture.componentRef.setInput('appid', APPID);
    element = fixture.nativeElement;
    await settle();
  }

  /** The server's answer for one page, for the filter the store has now. */
  function answer(page: number, total: number) {
    const key = store.selectSignal(fanListFeature.selectKey)();
    store.dispatch(FansApiActions.pageLoaded({ appid: APPID, key, index: page, page: { items: items(page, total), total } }));
  }

  /** Lets the viewport measure, scroll and render (animation frames), and the list re-render. */
  async function settle() {
    for (let i = 0; i < 4; i++) {
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      await fixture.whenStable();
    }
  }

  const row = (index: number) => element.querySelector<HTMLElement>(`.fan-row.body[aria-rowindex="${index + 2}"]`);
  const focusedRow = () => (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('.fan-row.body');
  const focusedIndex = () => Number(focusedRow()?.getAttribute('aria-rowindex')) - 2;
  const tabStops = () => [...element.querySelectorAll<HTMLElement>('.fan-row.body[tabindex="0"]')];
  async function press(key: string, init: KeyboardEventInit = {}) {
    const target = document.activeElement as HTMLElement;
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
    target.dispatchEvent(event);
    await settle();
    return event;
  }

  afterEach(() => fixture?.destroy());

  it('gives the cells that may be cut off (OpenID, source, remark) their whole text as a title', async () => {
    await render(1, []);
    const key = store.selectSignal(fanListFeature.selectKey)();
    const long = { ...fan(0), openid: 'oWFSf4b_pNBCeL4XYBRlyZ3HaXgO', scene: 'ADD_SCENE_QR_CODE', qrScene: 'store_bj_chaoyangmen_cashier', remark: '上海进博会展位扫码的高价值客户，已电话回访' } as unknown as Fan;
    store.dispatch(FansApiActions.pageLoaded({ appid: APPID, key, index: 0, page: { items: [long], total: 1 } }));
    await settle();
    const cells = [...row(0)!.querySelectorAll<HTMLElement>('[role="cell"]')];
    const titled = cells.filter((cell) => cell.title);
    expect(titled.map((cell) => cell.title)).toEqual(['oWFSf4b_pNBCeL4XYBRlyZ3HaXgO', '扫描二维码 · store_bj_chaoyangmen_cashier', '上海进博会展位扫码的高价值客户，已电话回访']);
    expect(titled.every((cell) => cell.textContent!.trim() === cell.title)).toBeTrue();
  });

  it('makes the rows one tab stop, out of the checkboxes too, and describes the keys on the table', async () => {
    await render(1000, [0]);
    expect(tabStops().map((r) => r.dataset['openid'])).toEqual(['o00000']);
    expect(element.querySelectorAll('.fan-row.body').length).toBeGreaterThan(5);
    expect([...element.querySelectorAll('.fan-row.body input[type="checkbox"]')].every((c) => c.getAttribute('tabindex') === '-1')).toBeTrue();
    const table = element.querySelector('[role="table"]')!;
    const description = document.getElementById(table.getAttribute('aria-describedby')!);
    expect(description?.textContent).toContain('Home / End');
    expect(description?.textContent).toContain('空格键选中粉丝');
  });

  it('moves focus and the tab stop with the arrows, Page Down / Page Up and Home, and leaves the browser its own keys', async () => {
    await render(1000, [0]);
    row(0)!.focus();
    const down = await press('ArrowDown');
    expect(down.defaultPrevented).toBeTrue();
    await press('ArrowDown');
    await press('ArrowDown');
    expect(focusedIndex()).toBe(3);
    expect(tabStops().map((r) => r.getAttribute('aria-rowindex'))).toEqual(['5']);
    await press('ArrowUp');
    expect(focusedIndex()).toBe(2);

    const viewport = element.querySelector('cdk-virtual-scroll-viewport')!;
    const perPage = Math.floor(viewport.clientHeight / 44);
    await press('PageDown');
    expect(focusedIndex()).toBe(2 + perPage);
    // The focused row is scrolled into view whole.
    const rowBox = focusedRow()!.getBoundingClientRect();
    const box = viewport.getBoundingClientRect();
    expect(rowBox.top).toBeGreaterThanOrEqual(box.top - 1);
    expect(rowBox.bottom).toBeLessThanOrEqual(box.bottom + 1);
    await press('PageUp');
    expect(focusedIndex()).toBe(2);

    const tab = await press('Tab');
    expect(tab.defaultPrevented).toBeFalse();
    const ctrlPageDown = await press('PageDown', { ctrlKey: true });
    expect(ctrlPageDown.defaultPrevented).toBeFalse();
    expect(focusedIndex()).toBe(2);
  });

  it('moves the tab stop with focus before the next render, so a Tab right after an arrow leaves from the focused row', async () => {
    await render(100, [0]);
    row(0)!.focus();
    await settle();
    // Three arrows with no render in between (the keys' handler focuses synchronously).
    for (let i = 0; i < 3; i++) {
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }));
    }
    expect(focusedIndex()).toBe(3);
    expect(tabStops()).toEqual([row(3)!]);
    await settle();
    expect(tabStops()).toEqual([row(3)!]);
  });

  it('goes to the last fan with End: focuses its placeholder while the page loads, then the real row', async () => {
    await render(1000, [0]);
    row(0)!.focus();
    await press('End');
    expect(focusedIndex()).toBe(999);
    expect(focusedRow()!.classList).toContain('placeholder');
    expect(dispatched).toContain(jasmine.objectContaining({ type: FanListPageActions.pagesNeeded.type }));

    answer(4, 1000);
    await settle();
    expect(focusedIndex()).toBe(999);
    expect(focusedRow()!.dataset['openid']).toBe('o00999');
    expect(tabStops().map((r) => r.dataset['openid'])).toEqual(['o00999']);

    await press('Home', { ctrlKey: true });
    expect(focusedRow()!.dataset['openid']).toBe('o00000');
  });

  it('selects with Space and opens the detail with Enter, on the row only; a click on the checkbox does not open', async () => {
    await render(1000, [0]);
    row(1)!.focus();
    const space = await press(' ');
    expect(space.defaultPrevented).toBeTrue();
    expect(dispatched).toContain(FanListPageActions.rowToggled({ openid: 'o00001' }));
    expect(row(1)!.querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked).toBeTrue();

    dispatched.length = 0;
    const checkbox = row(2)!.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    checkbox.click();
    await settle();
    expect(dispatched).toEqual([FanListPageActions.rowToggled({ openid: 'o00002' })]);
    expect(element.querySelector('wx-fan-detail-panel')).toBeNull();

    row(1)!.focus();
    await press('Enter');
    expect(element.querySelector('wx-fan-detail-panel')).not.toBeNull();
  });

  it('gives focus back to the opened row when the drawer closes, also after the list reloaded for an edit', async () => {
    await render(1000, [0]);
    row(0)!.focus();
    await press('PageDown');
    const index = focusedIndex();
    expect(index).toBeGreaterThan(1);
    await press('Enter');
    const panel = element.querySelector<HTMLElement>('wx-fan-detail-panel')!;
    panel.focus();
    // An edit in the drawer reloads the rows: the table goes while the first page is fetched again.
    store.dispatch(FanListPageActions.fansChanged());
    await settle();
    expect(row(index)).toBeNull();
    panel.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settle();
    expect(element.querySelector('wx-fan-detail-panel')).toBeNull();
    answer(0, 1000);
    await settle();
    expect(focusedIndex()).toBe(index);
    expect(focusedRow()!.dataset['openid']).toBe(fan(index).openid);
  });

  it('enters through the viewport when the tab stop row was scrolled away, and starts over at the first row on a new filter', async () => {
    await render(1000, [0, 1, 2, 3, 4]);
    row(0)!.focus();
    await press('ArrowDown');
    expect(focusedIndex()).toBe(1);
    (document.activeElement as HTMLElement).blur();
    const viewport = element.querySelector<HTMLElement>('cdk-virtual-scroll-viewport')!;
    viewport.scrollTop = 600 * 44;
    await settle();
    expect(row(1)).toBeNull();
    expect(viewport.getAttribute('tabindex')).toBe('0');
    viewport.focus();
    await settle();
    expect(focusedIndex()).toBe(1);
    expect(viewport.hasAttribute('tabindex')).toBeFalse();

    await press('ArrowDown');
    expect(focusedIndex()).toBe(2);
    store.dispatch(FanListPageActions.filterChanged({ filter: { remark: '年会' } }));
    await settle();
    answer(0, 30);
    await settle();
    expect(tabStops().map((r) => r.dataset['openid'])).toEqual(['o00000']);
    // The list had focus when its rows went: focus goes to the first row of the new ones.
    expect(focusedIndex()).toBe(0);
  });

  it('renders the rows in sight first, and the scroll buffer below them once those are drawn', async () => {
    const setRange = spyOn(CdkVirtualScrollViewport.prototype, 'setRenderedRange').and.callThrough();
    await render(1000, [0]);
    const viewport = fixture.debugElement.query(By.directive(CdkVirtualScrollViewport)).injector.get(CdkVirtualScrollViewport);
    const inSight = Math.ceil(viewport.getViewportSize() / ROW_HEIGHT);
    expect(inSight).toBeGreaterThan(5);
    expect(setRange.calls.argsFor(0)).toEqual([{ start: 0, end: inSight }]);
    const buffered = inSight + SCROLL_BUFFER.max / ROW_HEIGHT;
    expect(viewport.getRenderedRange()).toEqual({ start: 0, end: buffered });
    expect(element.querySelectorAll('.fan-row.body[data-openid]').length).toBe(buffered);
  });

  it("keeps the table and its measured viewport while a filter's first page loads, under a loading state", async () => {
    await render(1000, [0]);
    const table = element.querySelector('[role="table"]');
    const viewport = element.querySelector('cdk-virtual-scroll-viewport');
    expect(element.querySelector('wx-loading-state')).toBeNull();
    store.dispatch(FanListPageActions.filterChanged({ filter: { state: 'subscribed' } }));
    await settle();
    const loading = element.querySelector<HTMLElement>('wx-loading-state.table-loading');
    expect(loading?.getAttribute('role')).toBe('status');
    expect(loading?.closest('[role="table"]')).withContext('outside the table roles').toBeNull();
    expect(element.querySelector('[role="table"]')).withContext('the same table').toBe(table);
    expect(element.querySelector('cdk-virtual-scroll-viewport')).withContext('the same viewport').toBe(viewport);
    expect(element.querySelectorAll('.fan-row.body').length).toBe(0);
    // Over the table's body, not its header row.
    const header = element.querySelector('.fan-row.head')!.getBoundingClientRect();
    expect(loading!.getBoundingClientRect().top - header.bottom).toBeGreaterThanOrEqual(0);
    expect(loading!.getBoundingClientRect().top - header.bottom).toBeLessThanOrEqual(1);

    answer(0, 500);
    await settle();
    expect(element.querySelector('wx-loading-state')).toBeNull();
    expect(row(0)?.dataset['openid']).toBe('o00000');
  });

  it('renders the date filters once the browser is idle, in boxes of their size, and filters by them', async () => {
    // Hold the idle callbacks back: the list is shown with the stand-in boxes first.
    const idle: IdleRequestCallback[] = [];
    const requestIdle = spyOn(window, 'requestIdleCallback').and.callFake((callback) => idle.push(callback));
    await render(30, [0]);
    const boxes = [...element.querySelectorAll<HTMLElement>('.date-box')];
    expect(boxes.length).toBe(2);
    expect(boxes.every((box) => box.closest('[aria-hidden="true"]'))).toBeTrue();
    expect(element.querySelector('input[type="date"]')).toBeNull();
    const placeholderSize = boxes.map((box) => [box.offsetWidth, box.offsetHeight]);

    requestIdle.and.callThrough();
    for (const callback of idle.splice(0)) callback({ didTimeout: false, timeRemaining: () => 50 });
    await settle();
    expect(element.querySelector('.date-box')).toBeNull();
    const from = element.querySelector<HTMLInputElement>('input#fan-from[type="date"]')!;
    const to = element.querySelector<HTMLInputElement>('input#fan-to[type="date"]')!;
    expect([from, to].map((input) => [input.offsetWidth, input.offsetHeight])).toEqual(placeholderSize);
    expect(element.querySelector('label[for="fan-from"]')!.textContent!.trim()).toBe(zh.list.subscribedFrom);

    dispatched.length = 0;
    from.value = '2026-10-01';
    from.dispatchEvent(new Event('change'));
    expect(dispatched).toContain(FanListPageActions.filterChanged({ filter: { subscribedFrom: '2026-10-01' } }));
  });
});
