import { Injector, Type } from '@angular/core';
import type { MatDialogConfig } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';

/** How the dialog opens: Material's dialog options, without `injector` (the caller's is used). */
export type LazyDialogConfig<D> = Omit<MatDialogConfig<D>, 'injector'>;

/** Material's dialog and the dialog's own component, loaded together (once: the browser keeps modules). */
const loadDialogCode = (loadComponent: () => Promise<Type<unknown>>) => Promise.all([import('@angular/material/dialog'), loadComponent()]);

/**
 * Opens a dialog whose component and Material's dialog package both load on first use, and resolves
 * with what the dialog closed with (undefined when dismissed). Pages keep dialogs out of their own
 * bytes this way; `injector` is the page's, so the dialog sees its providers (translations, API).
 */
export async function openLazyDialog<R, D = unknown>(
  injector: Injector,
  loadComponent: () => Promise<Type<unknown>>,
  config: LazyDialogConfig<D>,
): Promise<R | undefined> {
  const [{ MatDialog }, component] = await loadDialogCode(loadComponent);
  const ref = injector.get(MatDialog).open<unknown, D, R>(component, { ...config, injector });
  return firstValueFrom(ref.afterClosed());
}

/**
 * Starts loading what `openLazyDialog` will need, for `wxPrefetch` on the control that opens the
 * dialog: its first opening then finds the code loaded. A failed download is not reported here (the
 * browser tries again when the dialog opens, and that shows its error).
 */
export function prefetchLazyDialog(loadComponent: () => Promise<Type<unknown>>): Promise<unknown> {
  return loadDialogCode(loadComponent);
}
