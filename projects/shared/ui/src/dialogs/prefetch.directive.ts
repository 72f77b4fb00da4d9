import { Directive, input } from '@angular/core';

/**
 * `[wxPrefetch]="load"`: calls `load` once, when the user shows they may use the control: the pointer
 * over it (mouse, pen or touch), or focus on it or inside it (a list whose rows open a drawer). For
 * code a press will load (a dialog, with `prefetchLazyDialog` of `@wechat-mfe/ui/dialogs`; a @defer
 * block's chunk): the user's hover or Tab comes a few hundred milliseconds before the press, long
 * enough for the download, so the first opening is nearly as quick as the next ones, and a page that
 * nobody opens the dialog on fetches nothing more. A failed load is ignored here: the press loads
 * again and reports its own failure.
 */
@Directive({
  selector: '[wxPrefetch]',
  host: { '(pointerenter)': 'start()', '(focusin)': 'start()' },
})
export class Prefetch {
  readonly wxPrefetch = input.required<() => Promise<unknown>>();
  private started = false;

  protected start(): void {
    if (this.started) return;
    this.started = true;
    this.wxPrefetch()().catch(() => {
      // Let the next pointer or focus try again.
      this.started = false;
    });
  }
}
