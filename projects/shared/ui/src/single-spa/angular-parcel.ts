import { APP_ID, ApplicationRef, ComponentRef, EnvironmentProviders, OutputRef, Provider, Type } from '@angular/core';
import { createApplication } from '@angular/platform-browser';
import { mountRoot, suiteAppProviders } from './angular-lifecycles';
import { SuiteAppProps } from './suite-app-props';

/** What a parcel receives: the suite's props, the element to render into, and its own props and callbacks. */
export type ParcelProps = SuiteAppProps & { readonly domElement: HTMLElement } & Readonly<Record<string, unknown>>;

/** single-spa's parcel lifecycles, framework-agnostic: a host of any framework (or none) calls them. */
export interface ParcelLifeCycles {
  bootstrap(props: ParcelProps): Promise<void>;
  mount(props: ParcelProps): Promise<void>;
  update(props: ParcelProps): Promise<void>;
  unmount(props: ParcelProps): Promise<void>;
}

/** How an Angular component becomes a parcel. */
export interface AngularParcelOptions {
  /** The element created inside the host's `domElement`; unique per parcel (`wx-account-picker-parcel`). */
  readonly rootSelector: string;
  readonly rootComponent: Type<unknown>;
  /** The parcel's own providers (i18n, API client), built from the host's props. */
  readonly providers: (props: ParcelProps) => (Provider | EnvironmentProviders)[];
  /** Host prop → component input, e.g. `{ value: 'value', multiple: 'multiple' }`; pushed on mount and every update. */
  readonly inputs: Readonly<Record<string, string>>;
  /** Component output → host callback prop it calls, e.g. `{ valueChange: 'onChange' }`. */
  readonly outputs: Readonly<Record<string, string>>;
}

interface MountedParcel {
  readonly appRef: ApplicationRef;
  readonly root: ComponentRef<unknown>;
  readonly host: HTMLElement;
  /** The latest props: callbacks are looked up here so that `update` can replace them. */
  props: ParcelProps;
  readonly outputs: { unsubscribe(): void }[];
}

/**
 * Turns an Angular component into single-spa parcel lifecycles. Each mount is its own zoneless
 * application (its own injector, transloco, overlay container), so two instances on one page never
 * share state, and `unmount` destroys all of it: the component, the injector (which ends every
 * subscription to the shared account context), the CDK overlay container and the host element.
 *
 * The lifecycles are one object for every instance: single-spa gives each parcel its own `name`
 * (`parcel-3`), which keys the instance here.
 */
export function angularParcel(options: AngularParcelOptions): ParcelLifeCycles {
  const mounted = new Map<string, MountedParcel>();
  let instances = 0;

  function pushInputs(root: ComponentRef<unknown>, props: ParcelProps): void {
    for (const [prop, input] of Object.entries(options.inputs)) {
      if (prop in props) root.setInput(input, props[prop]);
    }
  }

  return {
    bootstrap: async () => undefined,

    async mount(props) {
      if (!props.domElement) throw new Error(`${props.name}: a parcel needs a domElement`);
      const appRef = await createApplication({
        providers: [
          ...suiteAppProviders(props),
          // The CDK numbers its ids (form field labels, listboxes) per APP_ID and per bundle: with the
          // default 'ng', a parcel's first label got the same id as the host's, and its combobox the
          // host's name. A distinct APP_ID per instance keeps every id on the page unique.
          { provide: APP_ID, useValue: `wxp${++instances}` },
          ...options.providers(props),
        ],
      });
      const host = document.createElement(options.rootSelector);
      props.domElement.appendChild(host);
      const inputs = Object.fromEntries(
        Object.entries(options.inputs)
          .filter(([prop]) => prop in props)
          .map(([prop, input]) => [input, props[prop]]),
      );
      const root = mountRoot(appRef, { rootComponent: options.rootComponent, inputs }, host);
      const instance: MountedParcel = { appRef, root, host, props, outputs: [] };
      for (const [output, callback] of Object.entries(options.outputs)) {
        const ref = (root.instance as Record<string, OutputRef<unknown> | undefined>)[output];
        if (!ref) throw new Error(`${options.rootSelector}: no output "${output}"`);
        instance.outputs.push(
          ref.subscribe((value) => {
            const fn = instance.props[callback];
            if (typeof fn === 'function') fn(value);
          }),
        );
      }
      mounted.set(props.name, instance);
    },

    async update(props) {
      const instance = mounted.get(props.name);
      if (!instance) return;
      instance.props = props;
      pushInputs(instance.root, props);
    },

    async unmount(props) {
      const instance = mounted.get(props.name);
      if (!instance) return;
      mounted.delete(props.name);
      instance.outputs.forEach((s) => s.unsubscribe());
      // Destroys the root component and the application's injector: every `toSignal`, effect and
      // DestroyRef-bound subscription ends, and the CDK's OverlayContainer removes its element.
      instance.appRef.destroy();
      instance.host.remove();
    },
  };
}
