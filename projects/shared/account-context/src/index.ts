/*
 * Public API of the account context: the one framework-free store of user, accounts, selection and
 * locale that the shell creates and passes to every application and parcel as the `context` prop.
 */
export * from './models';
export { AccountContext, type AccountContextOptions } from './account-context';
export { forSelectedAccount } from './for-selected-account';
export { type KeyValueStore, type TabChannel } from './persistence';
export { createBrowserAccountContext, SUITE_EVENT_TYPES, type BrowserContextOptions } from './browser-account-context';
