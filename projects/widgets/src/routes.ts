import { ChangeDetectionStrategy, Component } from '@angular/core';
import { Routes } from '@angular/router';
import { JourneysPage } from './host/journeys-page';
import { SegmentsPage } from './host/segments-page';

/** Other applications' URLs: this module renders nothing there. */
@Component({ selector: 'wx-widgets-empty', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
export class WidgetsEmptyRoute {}

/** The demo host pages (ARCHITECTURE §7); full paths. */
export const routes: Routes = [
  { path: 'host/segments', component: SegmentsPage },
  { path: 'host/journeys', component: JourneysPage },
  { path: '**', component: WidgetsEmptyRoute },
];
