/*
 * @wechat-mfe/ui/dialogs: open a dialog whose component and Material's dialog load on first use.
 * Its own entry point, not the main one: esbuild makes a chunk of every `import()` it finds, even in
 * code a module does not use, so `import('@angular/material/dialog')` in the main entry split the CDK
 * code of every module (fans too) into more files on the first route (ADR 0030).
 */
export { openLazyDialog, prefetchLazyDialog, type LazyDialogConfig } from './open-lazy-dialog';
