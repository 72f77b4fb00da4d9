import { Injector } from '@angular/core';
import { openLazyDialog, prefetchLazyDialog } from '@wechat-mfe/ui/dialogs';
import type { MaterialTab } from './material-picker-api';

/** What the material picker returns. */
export interface MaterialChoice {
  /** The material's own type (`thumb` when a thumb was chosen on the image tab). */
  readonly type: 'image' | 'thumb' | 'voice' | 'video' | 'news';
  readonly mediaId: string;
  /** The file name, or the article's first title. */
  readonly name: string;
  /** An image's own content URL, an article's first cover; null for voice and video. */
  readonly thumbUrl: string | null;
}

/** What the picker offers. */
export interface MaterialPickerOptions {
  /** The types the caller accepts, in tab order (default: every type). */
  readonly types?: readonly MaterialTab[];
  /** The account whose materials are listed (default: the selected account of the context). */
  readonly appid?: string;
  /** Offer permanent materials only (menus and other stored references need them; temporary media expires). */
  readonly permanentOnly?: boolean;
  /** The dialog's heading, already translated (default: "选择素材"). */
  readonly title?: string;
}

const loadPicker = () => import('./material-picker').then((m) => m.MaterialPicker);

/** For `wxPrefetch` (of `@wechat-mfe/ui`) on the controls that open the picker. */
export const prefetchMaterialPicker = () => prefetchLazyDialog(loadPicker);

/**
 * Opens the material picker as a dialog and resolves with the chosen material, or null when the
 * user closed it. The dialog code (and Material's dialog) loads on first use. `injector` must reach
 * `SUITE_CLIENT`, `ACCOUNT_CONTEXT` and transloco with the pickers' strings
 * (`libraries: { pickers: PICKER_TRANSLATIONS }`).
 */
export async function openMaterialPicker(injector: Injector, options: MaterialPickerOptions = {}): Promise<MaterialChoice | null> {
  const choice = await openLazyDialog<MaterialChoice, MaterialPickerOptions>(injector, loadPicker, {
    data: options,
    width: '720px',
    maxWidth: '95vw',
    autoFocus: 'first-tabbable',
  });
  return choice ?? null;
}
