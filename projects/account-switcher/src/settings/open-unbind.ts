import { Injector } from '@angular/core';
import { openLazyDialog } from '@wechat-mfe/ui';
import type { UnbindDialogData } from './unbind-dialog';

/**
 * Opens the unbind confirmation and resolves true when the account was unbound. The dialog and
 * Material's dialog load on first use: the accounts page does not carry them.
 */
export async function openUnbindDialog(injector: Injector, data: UnbindDialogData): Promise<boolean> {
  const unbound = await openLazyDialog<boolean, UnbindDialogData>(injector, () => import('./unbind-dialog').then((m) => m.UnbindDialog), {
    data,
    width: '640px',
    maxWidth: '95vw',
    autoFocus: 'first-heading',
    restoreFocus: true,
  });
  return unbound === true;
}
