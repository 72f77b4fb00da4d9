/*
 * Public API of @wechat-mfe/ui: theme (Sass, under ./theme), i18n, problem messages, the state
 * components every WeChat page uses, and suite navigation. Bundled into each module, so every
 * export is standalone and tree-shakeable: import only what a page uses.
 */

// --- i18n and the account context ---------------------------------------------------------------
/** The injection token, provider and signal helper for the shell's one account context. */
export { ACCOUNT_CONTEXT, provideAccountContext, injectAccountState, type AccountState } from './i18n/account-context';
/** Transloco for one module: its strings plus the library's under `ui.`, following `context.locale$`. */
export { provideModuleI18n, type ModuleI18nOptions, type TranslationLoader } from './i18n/provide-module-i18n';
export { providePageTranslations } from './i18n/provide-page-translations';
/** The type both languages of the library's strings share (for tooling that lists keys). */
export type { UiTranslation } from './i18n/ui.zh-CN';

// --- problems -----------------------------------------------------------------------------------
/** The suite API's problem shape and the normaliser for anything a request throws. */
export { toProblem, type Problem, type ProblemFieldError } from './problems/problem';
/** Problem code → translation key (+ params), and the `problemMessage` pipe. */
export {
  describeProblem,
  problemMessageKey,
  ProblemMessagePipe,
  KNOWN_PROBLEM_CODES,
  type ProblemMessage,
} from './problems/problem-message';

// --- states -------------------------------------------------------------------------------------
/** `wx-loading-state`: spinner and label, `role="status"`, `aria-busy`. */
export { LoadingState } from './states/loading-state/loading-state.component';
/** `wx-empty-state`: heading, message and projected actions. */
export { EmptyState } from './states/empty-state/empty-state.component';
/** `wx-error-state`: the problem's message and detail, with a `retry` output. */
export { ErrorState } from './states/error-state/error-state.component';
/** `wx-not-bound-state`: no account bound; administrators get "click to authorize". */
export { NotBoundState, BIND_ACCOUNT_URL } from './states/not-bound-state/not-bound-state.component';
/** `wx-no-permission-state`: no account allocated to the user's department. */
export { NoPermissionState } from './states/no-permission-state/no-permission-state.component';
/** `wx-account-type-unavailable-state`: the feature needs a (verified) service account. */
export { AccountTypeUnavailableState } from './states/account-type-unavailable-state/account-type-unavailable-state.component';
/** What a feature needs from an account, the check, and WeChat's gated features. */
export {
  meetsRequirement,
  WECHAT_FEATURES,
  type AccountRequirement,
  type AccountKind,
} from './states/account-type-unavailable-state/account-requirement';
/** `wx-job-progress`: status, progress bar and "1,234 / 2,000" of a job. */
export { JobProgress, type JobProgressView, type JobStatus } from './states/job-progress/job-progress.component';
/** `wx-stale-notice`: a save refused because someone changed the thing meanwhile (`STALE`); keep mine or take theirs. */
export { StaleNotice } from './states/stale-notice/stale-notice.component';
/** `wx-account-gate`: the wrapper of every WeChat page. */
export { AccountGate } from './states/account-gate/account-gate.component';
/** `<ng-template wxAccountReady let-account>`: gate content created only while the gate is open. */
export { AccountReady, type AccountReadyContext } from './states/account-gate/account-ready.directive';

// --- store ------------------------------------------------------------------------------------
/** `[Account Context] Selected` and the effect that bridges the shared context into a module's NgRx store. */
export { AccountContextActions, AccountContextEffects } from './store/account-context.effects';

// --- navigation ---------------------------------------------------------------------------------
/** `a[wxSuiteLink]`: client-side navigation to another application of the suite. */
export { SuiteLink } from './navigation/suite-link.directive';
/** `wx-module-outlet`: a module root's router outlet that shows a lazy page's download failure with a retry. */
export { ModuleOutlet, withModuleRouterConfig } from './navigation/module-outlet.component';

// --- keyboard focus -----------------------------------------------------------------------------
/** Focus the first match of a selector after the next render (opened forms, marked errors, moved rows). */
export { focusAfterRender } from './a11y/focus-after-render';

// --- dialogs ------------------------------------------------------------------------------------
// Opening such a dialog (openLazyDialog, prefetchLazyDialog) is in `@wechat-mfe/ui/dialogs`.
/** `[wxPrefetch]="load"`: start loading a control's code at the first hover or focus on it. */
export { Prefetch } from './dialogs/prefetch.directive';

// Native form controls in the suite's look (ADR 0005).
export { Field, FieldControl, FieldHint } from './forms/field';
export { Select, SelectOption, SelectValue, type SelectItem } from './forms/select/select';

// --- single-spa glue ----------------------------------------------------------------------------
/** The custom props the shell passes to every application and parcel. */
export type { SuiteAppProps } from './single-spa/suite-app-props';
/** single-spa lifecycles for a zoneless Angular application, and the providers every app needs. */
export { angularLifecycles, suiteAppProviders, type AngularAppOptions } from './single-spa/angular-lifecycles';
/** single-spa parcel lifecycles for an Angular component (the host-suite widgets). */
export { angularParcel, type AngularParcelOptions, type ParcelLifeCycles, type ParcelProps } from './single-spa/angular-parcel';
/** Trusted Types: one policy per name per document (shared by every module's copy), and the root-markup policy. */
export { sharedPolicy, trustedTypesFactory, type PolicyRules, type TrustedPolicy, type TrustedValue } from './single-spa/trusted-types';
export { rootTemplate, ROOT_TEMPLATE_POLICY } from './single-spa/root-template';
/** Runs an application on its own page against the mock suite (`ng serve <module>`). */
export { bootstrapStandalone } from './single-spa/standalone';
