import { Injector } from '@angular/core';
import type { QrCode } from '../data/qr-codes-api';

/** What the editor dialog edits: a new code of `appid`, or `code`. */
export interface QrCodeEditorData {
  readonly appid: string;
  readonly code: QrCode | null;
}

/**
 * Opens the create / edit dialog and resolves with the saved code (null when cancelled). The dialog
 * and Material's dialog packages load on first use, so the list page does not carry their bytes.
 */
export async function openQrCodeEditor(injector: Injector, data: QrCodeEditorData): Promise<QrCode | null> {
  const [{ MatDialog }, { QrCodeEditor }] = await Promise.all([import('@angular/material/dialog'), import('./qr-code-editor')]);
  const ref = injector.get(MatDialog).open<unknown, QrCodeEditorData, QrCode>(QrCodeEditor, {
    data,
    width: '640px',
    maxWidth: '95vw',
    autoFocus: 'first-tabbable',
    injector,
  });
  return new Promise((resolve) => ref.afterClosed().subscribe((saved) => resolve(saved ?? null)));
}
