import { Injector } from '@angular/core';
import type { UnbindDialogData } from './unbind-dialog';

/**
 * Opens the unbind confirmation and resolves true when the account was unbound. The dialog and
 * Material's dialog and button packages load on first use: the accounts page does not carry them.
 */
export async function openUnbindDialog(injector: Injector, data: UnbindDialogData): Promise<boolean> {
  const [{ MatDialog }, { UnbindDialog }] = await Promise.all([import('@angular/material/dialog'), import('./unbind-dialog')]);
  const ref = injector.get(MatDialog).open<unknown, UnbindDialogData, boolean>(UnbindDialog, {
    data,
    width: '640px',
    maxWidth: '95vw',
    autoFocus: 'first-heading',
    restoreFocus: true,
    injector,
  });
  return new Promise((resolve) => ref.afterClosed().subscribe((unbound) => resolve(unbound === true)));
}
