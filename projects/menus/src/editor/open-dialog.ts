import { Injector, Type } from '@angular/core';
import { firstValueFrom } from 'rxjs';

/**
 * Opens one of the editor's dialogs (publish summary, JSON import/export, confirmations) and resolves
 * with its result. Material's dialog packages and the dialog itself load on first use, so the
 * editor's route does not carry their bytes.
 */
export async function openMenuDialog<R, D>(
  injector: Injector,
  loadComponent: () => Promise<Type<unknown>>,
  data: D,
  width: string,
): Promise<R | undefined> {
  const [{ MatDialog }, component] = await Promise.all([import('@angular/material/dialog'), loadComponent()]);
  const ref = injector.get(MatDialog).open<unknown, D, R>(component, { data, width, autoFocus: 'dialog', injector });
  return firstValueFrom(ref.afterClosed());
}
