import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { OverlayContainer } from '@angular/cdk/overlay';
import { Observable, isObservable } from 'rxjs';
import type { AccountContext } from '@wechat-mfe/account-context';
import { ACCOUNT_CONTEXT } from '../i18n/account-context';
import { fakeContext, wxAccount } from '../testing/ui-testing';
import { angularParcel, type ParcelProps } from './angular-parcel';

@Component({
  selector: 'wx-test-widget',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<button type="button" (click)="picked.emit(label() + '!')">{{ label() }} · {{ accounts().length }}</button>`,
})
class TestWidget {
  readonly label = input('');
  readonly picked = output<string>();
  protected readonly accounts = toSignal(inject(ACCOUNT_CONTEXT).accounts$, { initialValue: [] });
  constructor() {
    // Like a picker that opened once: the CDK creates its overlay container in <body>.
    inject(OverlayContainer).getContainerElement();
  }
}

/** The context with every stream counting its open subscriptions. */
function counted(context: AccountContext): { context: AccountContext; open: () => number } {
  let open = 0;
  const cache = new Map<PropertyKey, Observable<unknown>>();
  const proxy = new Proxy(context, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (!isObservable(value)) return typeof value === 'function' ? value.bind(target) : value;
      if (!cache.has(key)) {
        cache.set(
          key,
          new Observable((subscriber) => {
            open++;
            const subscription = value.subscribe(subscriber);
            return () => {
              open--;
              subscription.unsubscribe();
            };
          }),
        );
      }
      return cache.get(key);
    },
  });
  return { context: proxy, open: () => open };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

describe('angularParcel', () => {
  const lifecycles = angularParcel({
    rootSelector: 'wx-test-widget-parcel',
    rootComponent: TestWidget,
    providers: () => [],
    inputs: { text: 'label' },
    outputs: { picked: 'onPick' },
  });
  let elements: HTMLElement[] = [];

  async function setUp() {
    const { context: raw } = fakeContext({ accounts: { items: [wxAccount('wx-a'), wxAccount('wx-b')], totalBound: 2 } });
    await raw.refresh();
    return counted(raw);
  }

  function propsFor(name: string, context: AccountContext, own: Record<string, unknown>): ParcelProps {
    const domElement = document.body.appendChild(document.createElement('div'));
    elements.push(domElement);
    return { name, context, cspNonce: '', apiBase: '/api', domElement, ...own } as ParcelProps;
  }

  afterEach(() => {
    elements.forEach((e) => e.remove());
    elements = [];
  });

  it('mounts the component with the host props as inputs and calls the host callback on output', async () => {
    const { context } = await setUp();
    const picks: string[] = [];
    const props = propsFor('parcel-a', context, { text: '公众号', onPick: (v: string) => picks.push(v) });
    await lifecycles.bootstrap(props);
    await lifecycles.mount(props);
    const button = () => props.domElement.querySelector('wx-test-widget-parcel button') as HTMLButtonElement | null;
    await until(() => button()?.textContent?.trim() === '公众号 · 2', 'the first render');
    button()!.click();
    expect(picks).toEqual(['公众号!']);
    await lifecycles.unmount(props);
  });

  it('update pushes new props into the inputs and swaps the callbacks', async () => {
    const { context } = await setUp();
    const first: string[] = [];
    const second: string[] = [];
    const props = propsFor('parcel-b', context, { text: 'A', onPick: (v: string) => first.push(v) });
    await lifecycles.mount(props);
    await lifecycles.update({ ...props, text: 'B', onPick: (v: string) => second.push(v) });
    const button = () => props.domElement.querySelector('button') as HTMLButtonElement;
    await until(() => button()?.textContent?.trim().startsWith('B') ?? false, 'the update');
    button().click();
    expect(first).toEqual([]);
    expect(second).toEqual(['B!']);
    await lifecycles.unmount(props);
  });

  it('keeps two instances apart and unmounting one leaves no DOM, overlay container or context subscription', async () => {
    const { context, open } = await setUp();
    // (In a test environment the CDK removes older overlay containers when it creates one, so this
    // spec follows each container element; the e2e spec counts them on a real page.)
    const containers = () => new Set(document.querySelectorAll('.cdk-overlay-container'));
    const before = containers();
    const created = () => [...containers()].filter((c) => !before.has(c));
    const one = propsFor('parcel-1', context, { text: 'one' });
    const two = propsFor('parcel-2', context, { text: 'two' });
    await lifecycles.mount(one);
    const afterOne = open();
    expect(afterOne).toBeGreaterThan(0);
    await lifecycles.mount(two);
    expect(open()).toBe(afterOne * 2);
    const twoContainer = created().at(-1)!;
    expect(twoContainer).toBeDefined();
    await until(() => !!two.domElement.querySelector('button')?.textContent?.includes('two'), 'the second render');
    expect(one.domElement.textContent).toContain('one');

    await lifecycles.unmount(two);
    expect(two.domElement.childElementCount).toBe(0);
    expect(open()).toBe(afterOne);
    expect(twoContainer.isConnected).toBeFalse();
    // The other instance lives on and still updates.
    await lifecycles.update({ ...one, text: 'still here' });
    await until(() => !!one.domElement.textContent?.includes('still here'), 'the remaining instance');

    await lifecycles.unmount(one);
    expect(one.domElement.childElementCount).toBe(0);
    expect(open()).toBe(0);
    expect(created()).toEqual([]);
  });

  it('refuses to mount without an element to render into', async () => {
    const { context } = await setUp();
    await expectAsync(lifecycles.mount({ name: 'x', context, cspNonce: '', apiBase: '/api' } as unknown as ParcelProps)).toBeRejectedWithError(/domElement/);
  });
});
