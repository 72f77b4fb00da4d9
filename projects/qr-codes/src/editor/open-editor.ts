import { Injector } from '@angular/core';
import { openLazyDialog } from '@wechat-mfe/ui';
import type { QrCode } from '../data/qr-codes-api';

/** What the editor dialog edits: a new code of `appid`, or `code`. */
export interface QrCodeEditorData {
  readonly appid: string;
  readonly code: QrCode | null;
}

/**
 * Opens the create / edit dialog and resolves with the saved code (null when cancelled). The dialog
 * and Material's dialog load on first use, so the list page does not carry their bytes.
 */
export async function openQrCodeEditor(injector: Injector, data: QrCodeEditorData): Promise<QrCode | null> {
  const saved = await openLazyDialog<QrCode, QrCodeEditorData>(injector, () => import('./qr-code-editor').then((m) => m.QrCodeEditor), {
    data,
    width: '640px',
    maxWidth: '95vw',
    autoFocus: 'first-tabbable',
  });
  return saved ?? null;
}
