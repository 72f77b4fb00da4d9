import { Injector } from '@angular/core';
import { openLazyDialog, prefetchLazyDialog } from '@wechat-mfe/ui/dialogs';
import type { UnbindDialogData } from './unbind-dialog';

const loadDialog = () => import('./unbind-dialog').then((m) => m.UnbindDialog);

/** For `wxPrefetch` on the unbind buttons. */
export const prefetchUnbindDialog = () => prefetchLazyDialog(loadDialog);

/**
 * Opens the unbind confirmation and resolves true when the account was unbound. The dialog and
 * Material's dialog load on first use: the accounts page does not carry them.
 */
export async function openUnbindDialog(injector: Injector, data: UnbindDialogData): Promise<boolean> {
  const unbound = await openLazyDialog<boolean, UnbindDialogData>(injector, loadDialog, {
    data,
    width: '640px',
    maxWidth: '95vw',
    autoFocus: 'first-heading',
    restoreFocus: true,
  });
  return unbound === true;
}
