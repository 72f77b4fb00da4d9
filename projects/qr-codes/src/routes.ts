import { ChangeDetectionStrategy, Component } from '@angular/core';
import { Routes } from '@angular/router';
import { QrCodesPage } from './list/qr-codes-page';

/** Other applications' URLs: this module renders nothing there. */
@Component({ selector: 'wx-qr-codes-empty', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
export class QrCodesEmptyRoute {}

/** Full paths (ARCHITECTURE §3); the detail page, with the QR and chart libraries, loads on demand. */
export const routes: Routes = [
  { path: 'wechat/qrcodes', component: QrCodesPage },
  { path: 'wechat/qrcodes/:id', loadComponent: () => import('./detail/qr-code-detail-page').then((m) => m.QrCodeDetailPage) },
  { path: '**', component: QrCodesEmptyRoute },
];
