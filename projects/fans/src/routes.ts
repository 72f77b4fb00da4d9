import { ChangeDetectionStrategy, Component } from '@angular/core';
import { Routes } from '@angular/router';
import { ModuleStandIn } from '@wechat-mfe/ui';
import { FansPage } from './list/fans-page';

/** Other applications' URLs: this module renders nothing there. */
@Component({ selector: 'wx-fans-empty', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
export class FansEmptyRoute {}

/** /host/contacts stays a stand-in until the contacts part of issue #7 is built. */
@Component({
  selector: 'wx-fan-contacts-stand-in',
  imports: [ModuleStandIn],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<wx-module-stand-in moduleTitleKey="contacts.title" [issue]="7" />',
})
export class FanContactsStandIn {}

/** Full paths (ARCHITECTURE §3). */
export const routes: Routes = [
  { path: 'wechat/fans', component: FansPage },
  { path: 'host/contacts', component: FanContactsStandIn },
  { path: '**', component: FansEmptyRoute },
];
