import { afterNextRender, type Injector } from '@angular/core';

/**
 * Focuses the first element under `host` matching `selector` once Angular has rendered the change
 * just made (a form opened, errors marked, a row removed or moved). Without it focus falls to <body>
 * and keyboard and screen-reader users lose their place. Pass `injector` outside an injection context.
 */
export function focusAfterRender(host: HTMLElement, selector: string, injector?: Injector): void {
  afterNextRender(() => host.querySelector<HTMLElement>(selector)?.focus(), { injector });
}
