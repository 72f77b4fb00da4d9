import { ChangeDetectionStrategy, Component } from '@angular/core';
import { NavigationStart, provideRouter, Router, Routes, withComponentInputBinding } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideStore } from '@ngrx/store';
import { PICKER_TRANSLATIONS } from '@wechat-mfe/pickers';
import { provideSuiteClient } from '@wechat-mfe/suite-api';
import { AngularAppOptions, provideModuleI18n, ModuleOutlet, withModuleRouterConfig } from '@wechat-mfe/ui';
import { MenusEffects } from './editor/menus.effects';
import { menusFeature } from './editor/menus.feature';
import { MenusPage } from './editor/menus-page';

/** Shown while the URL belongs to another module (single-spa keeps this app mounted only on its routes). */
@Component({ selector: 'wx-menus-elsewhere', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
export class MenusElsewhere {}

@Component({
  selector: 'wx-menus-root',
  imports: [ModuleOutlet],
  template: '<wx-module-outlet />',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MenusRoot {}

const routes: Routes = [
  { path: 'wechat/menus', component: MenusPage },
  { path: '**', component: MenusElsewhere },
];

const translations = {
  'zh-CN': () => import('./i18n/zh-CN.json'),
  en: () => import('./i18n/en.json'),
};

/** The custom menu module (/wechat/menus): the phone-preview editor, drafts and publishing. */
export const app: AngularAppOptions = {
  rootSelector: 'wx-menus-root',
  rootComponent: MenusRoot,
  router: { Router, NavigationStart },
  providers: ({ context, apiBase }) => [
    provideModuleI18n({ context, translations, libraries: { pickers: PICKER_TRANSLATIONS } }),
    provideSuiteClient(apiBase),
    provideRouter(routes, withComponentInputBinding(), withModuleRouterConfig()),
    provideStore({ [menusFeature.name]: menusFeature.reducer }),
    provideEffects(MenusEffects),
  ],
};
