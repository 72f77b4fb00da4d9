import { afterNextRender, DestroyRef, Directive, ElementRef, inject, Injector, input, output, signal } from '@angular/core';
import type { DragRef, DropListRef } from '@angular/cdk/drag-drop';

/**
 * CDK drag-and-drop, loaded after the editor is on screen.
 *
 * The CDK's drag code is about 19 KiB gzip with what only it uses, half the module's budget (issue #4), and
 * nothing can be dragged before the page shows anyway. So these two directives render nothing of
 * their own: once the browser is idle after the first render (or as soon as a pointer or the focus
 * enters a list, whichever comes first) they import `@angular/cdk/drag-drop` and attach the CDK's own
 * `DragRef`/`DropListRef` to the elements, the way `cdkDrag`/`cdkDropList` do, keeping the CDK's
 * classes (`cdk-drag`, `cdk-drop-list-dragging`, `cdk-drag-preview`, …) so its styles apply.
 * Keyboard reordering (Alt + arrows) never depended on this and works from the first render.
 */
type DragDropLib = typeof import('@angular/cdk/drag-drop');

let library: Promise<DragDropLib> | null = null;
/** One import per page, shared by every list (a failed import is retried by the next list that asks). */
function loadDragDrop(): Promise<DragDropLib> {
  library ??= import('@angular/cdk/drag-drop').catch((error: unknown) => {
    library = null;
    throw error;
  });
  return library;
}

/** A reorder within one list, in the list's draggable items (other children such as "+" are not counted). */
export interface WxDrop {
  readonly previousIndex: number;
  readonly currentIndex: number;
}

@Directive({
  selector: '[wxDropList]',
  host: {
    class: 'cdk-drop-list',
    '[class.cdk-drop-list-dragging]': 'dragging()',
    '[attr.data-drag-ready]': 'ready() ? "" : null',
    '(pointerover)': 'warm()',
    '(focusin)': 'warm()',
  },
})
export class WxDropList {
  private readonly element = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly injector = inject(Injector);
  private readonly items = new Set<WxDrag>();
  private ref: DropListRef | null = null;
  private destroyed = false;

  readonly orientation = input<'horizontal' | 'vertical'>('vertical', { alias: 'wxDropListOrientation' });
  readonly dropped = output<WxDrop>({ alias: 'wxDropListDropped' });

  protected readonly dragging = signal(false);
  /** True once the CDK is attached (tests and the bench can wait for it; users never need to). */
  protected readonly ready = signal(false);
  /** Resolves with the library once this list's ref exists; items attach their refs then. */
  private lib: Promise<DragDropLib> | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      this.ref?.dispose();
    });
    afterNextRender(() => {
      const idle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1));
      idle(() => this.warm(), { timeout: 500 });
    });
  }

  /**
   * Starts the import. A failed import (offline, a redeploy) only means no dragging yet: keyboard
   * reordering and clicks keep working, and the next pointer over the list tries again.
   */
  protected warm(): void {
    this.load().catch(() => undefined);
  }

  private load(): Promise<DragDropLib> {
    this.lib ??= loadDragDrop().then(
      (lib) => {
        if (this.destroyed) return lib;
        const ref = (this.ref = lib.createDropListRef(this.injector, this.element));
        // Like CdkDropList: the items are synced in DOM order right before each drag starts.
        ref.beforeStarted.subscribe(() => {
          ref.withOrientation(this.orientation()).withItems(this.sortedRefs());
          this.dragging.set(true);
        });
        ref.dropped.subscribe(({ previousIndex, currentIndex }) => {
          this.dragging.set(false);
          this.dropped.emit({ previousIndex, currentIndex });
        });
        ref.exited.subscribe(() => this.dragging.set(false));
        for (const item of this.items) item.attach(lib);
        ref.withItems(this.sortedRefs());
        this.ready.set(true);
        return lib;
      },
      (error: unknown) => {
        this.lib = null;
        throw error;
      },
    );
    return this.lib;
  }

  add(item: WxDrag): void {
    this.items.add(item);
    if (!this.ref) return; // the load attaches every item at once
    void this.load().then((lib) => {
      if (!this.ref || !this.items.has(item)) return;
      item.attach(lib);
      if (!this.ref.isDragging()) this.ref.withItems(this.sortedRefs());
    });
  }

  remove(item: WxDrag): void {
    this.items.delete(item);
    if (this.ref && !this.ref.isDragging()) this.ref.withItems(this.sortedRefs());
  }

  private sortedRefs(): DragRef[] {
    return [...this.items]
      .map((item) => item.ref)
      .filter((ref): ref is DragRef => ref !== null)
      .sort((a, b) => (a.getRootElement().compareDocumentPosition(b.getRootElement()) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  }
}

@Directive({
  selector: '[wxDrag]',
  host: { class: 'cdk-drag', '[class.cdk-drag-dragging]': 'dragging()' },
})
export class WxDrag {
  private readonly element = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly injector = inject(Injector);
  private readonly list = inject(WxDropList);

  readonly lockAxis = input<'x' | 'y' | null>(null, { alias: 'wxDragLockAxis' });

  protected readonly dragging = signal(false);
  ref: DragRef | null = null;

  constructor() {
    this.list.add(this);
    inject(DestroyRef).onDestroy(() => {
      this.list.remove(this);
      this.ref?.dispose();
      this.ref = null;
    });
  }

  /** Creates this element's DragRef (once); the list then hands it to its DropListRef. */
  attach(lib: DragDropLib): void {
    if (this.ref) return;
    const ref = (this.ref = lib.createDragRef(this.injector, this.element));
    ref.beforeStarted.subscribe(() => (ref.lockAxis = this.lockAxis()));
    ref.started.subscribe(() => this.dragging.set(true));
    ref.ended.subscribe(() => this.dragging.set(false));
  }
}
