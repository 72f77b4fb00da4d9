import { ChangeDetectionStrategy, Component } from '@angular/core';
import { Routes } from '@angular/router';

/** Other applications' URLs: this module renders nothing there. */
@Component({ selector: 'wx-messaging-empty', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
export class MessagingEmptyRoute {}

/**
 * The module's internal layout (agreed in issue #5): one feature folder per page —
 * `materials/`, `mass-send/` (part 1, issue #5), `auto-reply/`, `inbox/`, `templates/` (part 2,
 * issue #6) — each with its components, store slice and specs. Pages load lazily so a page's
 * code is fetched only when it is opened; the shell's navigation links to each full path.
 */
export const routes: Routes = [
  { path: 'wechat/messaging', pathMatch: 'full', redirectTo: 'wechat/messaging/mass-send' },
  { path: 'wechat/messaging/mass-send', loadChildren: () => import('./mass-send/mass-send.routes').then((m) => m.MASS_SEND_ROUTES) },
  { path: 'wechat/messaging/materials', loadChildren: () => import('./materials/materials.routes').then((m) => m.MATERIALS_ROUTES) },
  { path: 'wechat/messaging/auto-reply', loadChildren: () => import('./auto-reply/auto-reply.routes').then((m) => m.AUTO_REPLY_ROUTES) },
  { path: 'wechat/messaging/inbox', loadChildren: () => import('./inbox/inbox.routes').then((m) => m.INBOX_ROUTES) },
  { path: 'wechat/messaging/templates', loadChildren: () => import('./templates/templates.routes').then((m) => m.TEMPLATES_ROUTES) },
  { path: '**', component: MessagingEmptyRoute },
];
