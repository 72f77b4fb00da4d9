import { ChangeDetectionStrategy, Component, provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SuiteLink } from './suite-link.directive';

@Component({
  imports: [SuiteLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a wxSuiteLink id="local" href="/settings/wechat-accounts?bind=1#top">bind</a>
    <a wxSuiteLink id="remote" href="https://mp.weixin.qq.com/">WeChat</a>
    <a wxSuiteLink id="blank" href="/wechat/fans" target="_blank">fans</a>
  `,
})
class Host {}

describe('a[wxSuiteLink]', () => {
  let pushState: jasmine.Spy;
  let prevented: boolean[];

  async function click(id: string, init: MouseEventInit = {}) {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const root: HTMLElement = fixture.nativeElement;
    // Runs after the directive; records its decision, then stops the test page from navigating.
    root.addEventListener('click', (event) => {
      prevented.push(event.defaultPrevented);
      event.preventDefault();
    });
    root.querySelector<HTMLAnchorElement>(`#${id}`)!.dispatchEvent(
      new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ...init }),
    );
  }

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
    pushState = spyOn(window.history, 'pushState');
    prevented = [];
  });

  it('pushes same-origin links into history on a plain click', async () => {
    await click('local');
    expect(pushState).toHaveBeenCalledOnceWith(null, '', '/settings/wechat-accounts?bind=1#top');
    expect(prevented).toEqual([true]);
  });

  for (const modifier of ['ctrlKey', 'metaKey', 'shiftKey', 'altKey'] as const) {
    it(`leaves a ${modifier} click to the browser`, async () => {
      await click('local', { [modifier]: true });
      expect(pushState).not.toHaveBeenCalled();
      expect(prevented).toEqual([false]);
    });
  }

  it('leaves middle clicks, other origins and target=_blank to the browser', async () => {
    await click('local', { button: 1 });
    await click('remote');
    await click('blank');
    expect(pushState).not.toHaveBeenCalled();
    expect(prevented).toEqual([false, false, false]);
  });
});
