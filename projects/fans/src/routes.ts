import { ChangeDetectionStrategy, Component } from '@angular/core';
import { Routes } from '@angular/router';
import { FansPage } from './list/fans-page';

/** Other applications' URLs: this module renders nothing there. */
@Component({ selector: 'wx-fans-empty', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
export class FansEmptyRoute {}

/** Full paths (ARCHITECTURE §3). */
export const routes: Routes = [
  { path: 'wechat/fans', component: FansPage },
  { path: 'host/contacts', loadChildren: () => import('./contacts/contacts.routes').then((m) => m.CONTACTS_ROUTES) },
  { path: '**', component: FansEmptyRoute },
];
