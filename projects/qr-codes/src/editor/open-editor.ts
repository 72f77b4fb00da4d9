import { Injector } from '@angular/core';
import { openLazyDialog, prefetchLazyDialog } from '@wechat-mfe/ui/dialogs';
import type { QrCode } from '../data/qr-codes-api';

/** What the editor dialog edits: a new code of `appid`, or `code`. */
export interface QrCodeEditorData {
  readonly appid: string;
  readonly code: QrCode | null;
}

const loadEditor = () => import('./qr-code-editor').then((m) => m.QrCodeEditor);

/** For `wxPrefetch` on the buttons that open the editor. */
export const prefetchQrCodeEditor = () => prefetchLazyDialog(loadEditor);

/**
 * Opens the create / edit dialog and resolves with the saved code (null when cancelled). The dialog
 * and Material's dialog load on first use, so the list page does not carry their bytes.
 */
export async function openQrCodeEditor(injector: Injector, data: QrCodeEditorData): Promise<QrCode | null> {
  const saved = await openLazyDialog<QrCode, QrCodeEditorData>(injector, loadEditor, {
    data,
    width: '640px',
    maxWidth: '95vw',
    autoFocus: 'first-tabbable',
  });
  return saved ?? null;
}
