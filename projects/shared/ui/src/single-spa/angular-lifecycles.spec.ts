import { DOCUMENT, EnvironmentInjector, Injector, PlatformRef, createEnvironmentInjector } from '@angular/core';
import { PlatformLocation } from '@angular/common';
import { provideSingleSpaPlatform } from 'single-spa-angular';
import type { Subject } from 'rxjs';
import { provideSingleSpaPlatformPerApplication } from './angular-lifecycles';

/** A shared platform that is never destroyed, recording who registered for its destruction. */
function sharedPlatform() {
  const listeners: (() => void)[] = [];
  const parent = Injector.create({
    providers: [
      { provide: PlatformRef, useValue: { onDestroy: (fn: () => void) => listeners.push(fn) } },
      { provide: DOCUMENT, useValue: document },
    ],
  });
  return { listeners, parent: createEnvironmentInjector([], parent as unknown as EnvironmentInjector) };
}

type WithPipeline = PlatformLocation & { onPopState$: Subject<unknown> };

describe('provideSingleSpaPlatformPerApplication', () => {
  it("ends the location's popstate pipeline with the application, leaving nothing on the shared platform", () => {
    const platform = sharedPlatform();
    for (let mount = 0; mount < 3; mount++) {
      const app = createEnvironmentInjector(provideSingleSpaPlatformPerApplication(), platform.parent);
      const location = app.get(PlatformLocation) as WithPipeline;
      expect(location.onPopState$.isStopped).toBeFalse();
      app.destroy();
      expect(location.onPopState$.isStopped).withContext('completed when the application is destroyed').toBeTrue();
    }
    expect(platform.listeners.length).withContext('destroy listeners left on the shared platform').toBe(0);
  });

  it('is needed: the library provider registers one listener per mount on the shared platform, and never ends it', () => {
    const platform = sharedPlatform();
    for (let mount = 0; mount < 3; mount++) {
      const app = createEnvironmentInjector(provideSingleSpaPlatform(), platform.parent);
      const location = app.get(PlatformLocation) as WithPipeline;
      app.destroy();
      expect(location.onPopState$.isStopped).toBeFalse();
    }
    expect(platform.listeners.length).toBe(3);
  });
});
