import { Routes } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';
import { providePageTranslations } from '@wechat-mfe/ui';
import { MaterialLibraryEffects } from './library/material-library.effects';
import { materialLibraryFeature } from './library/material-library.store';
import { MaterialsPage } from './library/materials-page';

/** The page's strings (`materials.…`), fetched with the page rather than with the module (ADR 0025). */
const STRINGS = providePageTranslations('materials', {
  'zh-CN': () => import('./i18n/zh-CN.json'),
  en: () => import('./i18n/en.json'),
});

/**
 * /wechat/messaging/materials/** (loaded lazily from the module's routes): the library, with its
 * store slice registered here, and the article editor, a further lazy chunk (it carries the
 * rich-text editor and the preview).
 */
export const MATERIALS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideState(materialLibraryFeature), provideEffects(MaterialLibraryEffects), ...STRINGS],
    children: [
      { path: '', pathMatch: 'full', component: MaterialsPage },
      { path: 'news/new', loadComponent: () => import('./editor/article-editor-page').then((m) => m.ArticleEditorPage) },
      { path: 'news/:mediaId', loadComponent: () => import('./editor/article-editor-page').then((m) => m.ArticleEditorPage) },
    ],
  },
];
