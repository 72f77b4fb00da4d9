import { DOCUMENT, Directive, ElementRef, inject } from '@angular/core';

/**
 * Turns a plain link to another part of the suite (`<a wxSuiteLink href="/settings/…">`) into a
 * client-side navigation: single-spa patches `history.pushState` and mounts whatever owns the new
 * route, so no page reload. The Angular router cannot do this, as the target usually belongs to
 * another application. Modified clicks (new tab, download, …) and other origins keep the browser's
 * behaviour. Deliberately does not import single-spa: the library must not depend on it.
 */
@Directive({
  selector: 'a[wxSuiteLink]',
  host: { '(click)': 'navigate($event)' },
})
export class SuiteLink {
  private readonly anchor: HTMLAnchorElement = inject(ElementRef).nativeElement;
  private readonly document = inject(DOCUMENT);

  protected navigate(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const target = this.anchor.getAttribute('target');
    if ((target && target !== '_self') || this.anchor.hasAttribute('download')) return;
    const window = this.document.defaultView;
    if (!window || !this.anchor.href) return;
    const url = new URL(this.anchor.href, window.location.href);
    if (url.origin !== window.location.origin) return;
    event.preventDefault();
    window.history.pushState(null, '', url.pathname + url.search + url.hash);
  }
}
