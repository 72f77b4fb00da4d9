import { ChangeDetectionStrategy, Component, provideZonelessChangeDetection, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { WxDrag, WxDrop, WxDropList } from './lazy-drag-drop';

@Component({
  imports: [WxDropList, WxDrag],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: 'li { display: block; height: 40px; width: 200px; }',
  template: `
    <ol wxDropList (wxDropListDropped)="drops.push($event)">
      @for (item of items(); track item) {
        <li wxDrag wxDragLockAxis="y">{{ item }}</li>
      }
      <li class="add">+</li>
    </ol>
  `,
})
class Host {
  readonly items = signal(['a', 'b', 'c']);
  readonly drops: WxDrop[] = [];
}

const centre = (element: Element) => {
  const box = element.getBoundingClientRect();
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
};

/** A mouse drag as the CDK sees one: press, several moves (past its 5 px threshold), release. */
async function drag(from: Element, to: Element): Promise<void> {
  const start = centre(from);
  const end = centre(to);
  from.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0, buttons: 1, detail: 1, clientX: start.x, clientY: start.y }));
  for (let step = 1; step <= 8; step++) {
    const x = start.x + ((end.x - start.x) * step) / 8;
    const y = start.y + ((end.y - start.y) * step) / 8;
    document.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, buttons: 1, clientX: x, clientY: y }));
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: end.x, clientY: end.y }));
}

async function ready(fixture: ComponentFixture<Host>): Promise<HTMLElement> {
  const list = fixture.nativeElement.querySelector('ol') as HTMLElement;
  list.dispatchEvent(new Event('pointerover', { bubbles: true })); // intent loads it without waiting for idle
  for (let i = 0; i < 100 && !list.hasAttribute('data-drag-ready'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    await fixture.whenStable();
  }
  expect(list.hasAttribute('data-drag-ready')).withContext('the CDK was attached').toBeTrue();
  return list;
}

describe('WxDropList / WxDrag (CDK drag-drop attached after first render)', () => {
  let fixture: ComponentFixture<Host>;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
    fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
  });

  it('renders the list at once, with the CDK classes, before the drag code is loaded', () => {
    const list = fixture.nativeElement.querySelector('ol') as HTMLElement;
    expect(list.classList).toContain('cdk-drop-list');
    expect([...list.querySelectorAll('li.cdk-drag')].map((li) => li.textContent?.trim())).toEqual(['a', 'b', 'c']);
  });

  it('reports a drag from the first to the last item as indexes among the draggable items only', async () => {
    const list = await ready(fixture);
    const items = list.querySelectorAll('li.cdk-drag');
    await drag(items[0], items[2]);
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve, 50)); // the drop waits for the preview's (zero) animation
    expect(fixture.componentInstance.drops).toEqual([{ previousIndex: 0, currentIndex: 2 }]);
  });

  it('lets items added after loading be dragged too', async () => {
    const list = await ready(fixture);
    fixture.componentInstance.items.set(['a', 'b', 'c', 'd']);
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve, 0)); // the new item attaches once the import promise settles
    const items = list.querySelectorAll('li.cdk-drag');
    await drag(items[3], items[1]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fixture.componentInstance.drops).toEqual([{ previousIndex: 3, currentIndex: 1 }]);
  });

  it('does not report a click without movement as a drop', async () => {
    const list = await ready(fixture);
    const item = list.querySelector('li.cdk-drag')!;
    const at = centre(item);
    item.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0, buttons: 1, detail: 1, clientX: at.x, clientY: at.y }));
    document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: at.x, clientY: at.y }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fixture.componentInstance.drops).toEqual([]);
  });
});
