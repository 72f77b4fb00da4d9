import type { AccountRequirement } from '../states/account-type-unavailable-state/account-requirement';
import { ModuleI18nOptions, provideModuleI18n } from '../i18n/provide-module-i18n';
import { ModuleStandIn } from '../stand-in/module-stand-in.component';
import { AngularAppOptions } from './angular-lifecycles';

/**
 * TEMPORARY: the application of a module that is not built yet. It proves routing and the account
 * switch (it shows the selected account) and names the issue that builds it. Delete once unused.
 */
export function standInApp(options: {
  rootSelector: string;
  issue: number;
  translations: ModuleI18nOptions['translations'];
  requires?: AccountRequirement;
}): AngularAppOptions {
  return {
    rootSelector: options.rootSelector,
    rootComponent: ModuleStandIn,
    inputs: { moduleTitleKey: 'title', issue: options.issue, requires: options.requires ?? null },
    providers: ({ context }) => [provideModuleI18n({ context, translations: options.translations })],
  };
}
