import { PICKER_TRANSLATIONS } from '@wechat-mfe/pickers';
import { provideSuiteClient } from '@wechat-mfe/suite-api';
import { provideModuleI18n, type ParcelProps } from '@wechat-mfe/ui';

/**
 * What every widget parcel needs, whatever it shows: the widgets' strings (and the pickers') in the
 * host's locale, and the suite API client. Each parcel instance gets its own copy (its own application).
 */
export function widgetProviders(props: ParcelProps) {
  return [
    provideModuleI18n({
      context: props.context,
      translations: {
        'zh-CN': () => import('../i18n/zh-CN.json'),
        en: () => import('../i18n/en.json'),
      },
      libraries: { pickers: PICKER_TRANSLATIONS },
    }),
    provideSuiteClient(props.apiBase ?? '/api'),
  ];
}
