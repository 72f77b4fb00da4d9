import {
  APP_BOOTSTRAP_LISTENER,
  ApplicationRef,
  ComponentRef,
  CSP_NONCE,
  createComponent,
  DestroyRef,
  EnvironmentProviders,
  FactoryProvider,
  Injector,
  PlatformRef,
  Provider,
  Type,
  inject,
  provideZonelessChangeDetection,
  runInInjectionContext,
} from '@angular/core';
import { createApplication } from '@angular/platform-browser';
import { singleSpaAngular, provideSingleSpa, provideSingleSpaPlatform } from 'single-spa-angular';
import type { LifeCycles } from 'single-spa';
import { provideAccountContext } from '../i18n/account-context';
import { rootTemplate } from './root-template';
import { SuiteAppProps } from './suite-app-props';

/** What an Angular module passes to get single-spa lifecycles for one of its applications. */
export interface AngularAppOptions {
  /** Unique per module (`wx-qr-codes-root`): Angular looks selectors up in the whole document. */
  readonly rootSelector: string;
  readonly rootComponent: Type<unknown>;
  /** The module's own providers (routes, store, i18n), built from the shell's props. */
  readonly providers: (props: SuiteAppProps) => (Provider | EnvironmentProviders)[];
  /** Inputs set on the root component once it is created. */
  readonly inputs?: Readonly<Record<string, unknown>>;
  /** Router classes, for modules that route (single-spa-angular keeps Angular and single-spa in step). */
  readonly router?: { readonly Router: unknown; readonly NavigationStart: unknown };
}

/** Providers every one of our Angular applications needs, mounted or served alone. */
export function suiteAppProviders(props: Pick<SuiteAppProps, 'context' | 'cspNonce'>): (Provider | EnvironmentProviders)[] {
  return [
    provideZonelessChangeDetection(),
    { provide: CSP_NONCE, useValue: props.cspNonce },
    provideAccountContext(props.context),
  ];
}

/**
 * single-spa lifecycles for a zoneless Angular application. Both `provideSingleSpa()` and
 * `provideSingleSpaPlatform()` go in the application's own providers: with Angular shared between
 * modules there is one platform for all of them, and platform-level providers broke navigation.
 */
export function angularLifecycles(options: AngularAppOptions): LifeCycles<SuiteAppProps> {
  return singleSpaAngular({
    NgZone: 'noop',
    // A function, so that single-spa-angular's `innerHTML` gets TrustedHTML (ADR 0010).
    template: () => rootTemplate(options.rootSelector),
    Router: options.router?.Router,
    NavigationStart: options.router?.NavigationStart,
    bootstrapFunction: async (props: SuiteAppProps) => {
      const appRef: ApplicationRef = await createApplication({
        providers: [
          ...suiteAppProviders(props),
          ...(options.router ? [provideSingleSpa(), provideSingleSpaPlatformPerApplication()] : []),
          ...options.providers(props),
        ],
      });
      const host = containerOf(props).querySelector(options.rootSelector);
      if (!host) throw new Error(`${props.name}: <${options.rootSelector}> is missing from its container`);
      mountRoot(appRef, options, host);
      return appRef;
    },
  } as never) as LifeCycles<SuiteAppProps>;
}

/**
 * single-spa-angular's platform location, scoped to one application. It registers its cleanup (ending
 * its popstate pipeline) with `PlatformRef.onDestroy`; our platform is shared by every module and never
 * destroyed, so each routed mount left its location, Subject and subscription behind for good. Here it
 * is created with a PlatformRef stand-in whose `onDestroy` runs when the application is destroyed.
 */
export function provideSingleSpaPlatformPerApplication(): Provider[] {
  const [location, ...aliases] = provideSingleSpaPlatform() as [FactoryProvider, ...Provider[]];
  return [
    {
      provide: location.provide,
      useFactory: () => {
        const destroyRef = inject(DestroyRef);
        const applicationScoped = { onDestroy: (callback: () => void) => destroyRef.onDestroy(callback) };
        const injector = Injector.create({ providers: [{ provide: PlatformRef, useValue: applicationScoped }], parent: inject(Injector) });
        return runInInjectionContext(injector, () => location.useFactory());
      },
    },
    ...aliases,
  ];
}

/**
 * Creates the root component in `host`, sets its inputs before its first change detection (required
 * inputs must be there by then), attaches it so that destroying the application destroys it, and runs
 * the bootstrap listeners `appRef.bootstrap()` would run (the router's initial navigation is one).
 */
export function mountRoot(
  appRef: ApplicationRef,
  options: Pick<AngularAppOptions, 'rootComponent' | 'inputs'>,
  host: Element,
): ComponentRef<unknown> {
  const root = createComponent(options.rootComponent, { environmentInjector: appRef.injector, hostElement: host });
  for (const [name, value] of Object.entries(options.inputs ?? {})) root.setInput(name, value);
  appRef.attachView(root.hostView);
  // As appRef.bootstrap() does: the router's listener acts only for `appRef.components[0]`.
  appRef.components.push(root);
  root.onDestroy(() => appRef.components.splice(appRef.components.indexOf(root), 1));
  for (const listener of appRef.injector.get(APP_BOOTSTRAP_LISTENER, [])) listener(root);
  return root;
}

// Applications get a container from single-spa-layout; parcels get the element they render into.
function containerOf(props: SuiteAppProps): HTMLElement {
  return props.domElement ?? document.getElementById(`single-spa-application:${props.name}`) ?? document.body;
}
