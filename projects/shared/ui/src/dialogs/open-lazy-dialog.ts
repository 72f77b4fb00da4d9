import { Injector, Type } from '@angular/core';
import type { MatDialogConfig } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';

/** How the dialog opens: Material's dialog options, without `injector` (the caller's is used). */
export type LazyDialogConfig<D> = Omit<MatDialogConfig<D>, 'injector'>;

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
  const [{ MatDialog }, component] = await Promise.all([import('@angular/material/dialog'), loadComponent()]);
  const ref = injector.get(MatDialog).open<unknown, D, R>(component, { ...config, injector });
  return firstValueFrom(ref.afterClosed());
}
