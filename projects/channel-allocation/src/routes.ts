import { ChangeDetectionStrategy, Component } from '@angular/core';
import { Routes } from '@angular/router';

/** Other applications' URLs: this module renders nothing there. */
@Component({ selector: 'wx-channel-allocation-empty', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
export class ChannelAllocationEmptyRoute {}

/** Full paths (ARCHITECTURE §3); each page loads on demand, so one route never pays for the other. */
export const routes: Routes = [
  { path: 'settings/channel-allocation', loadComponent: () => import('./allocation/allocation-page').then((m) => m.AllocationPage) },
  { path: 'settings/contact-sharing', loadComponent: () => import('./sharing/sharing-page').then((m) => m.SharingPage) },
  { path: '**', component: ChannelAllocationEmptyRoute },
];
