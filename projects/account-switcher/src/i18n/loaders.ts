// Each language is its own chunk; both applications of this module share the files.
export const translations = {
  'zh-CN': () => import('./zh-CN.json'),
  en: () => import('./en.json'),
};
