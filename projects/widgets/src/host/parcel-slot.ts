import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, afterNextRender, effect, inject, input, signal, viewChild } from '@angular/core';
import type { Parcel, ParcelConfig } from 'single-spa';
import { TranslocoPipe } from '@jsverse/transloco';
import { ContextProbe } from './context-probe';
import { HOST_PROPS } from './host-props';

/**
 * Mounts a widget parcel from the manifest by name, as any host would: `loadParcel(name)` from the
 * shell and single-spa's `mountParcel`, never by importing the widget. `props` are the widget's own
 * props and callbacks; a change calls the parcel's `update`.
 */
@Component({
  selector: 'wx-parcel-slot',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div #mount class="parcel-mount" [attr.data-parcel]="parcel()"></div>
    @if (failed()) {
      <p class="wx-error" role="alert">{{ 'host.parcelFailed' | transloco: { name: parcel() } }}</p>
    }
  `,
})
export class ParcelSlot {
  /** The parcel's name in the manifest's `parcels`. */
  readonly parcel = input.required<string>();
  /** The widget's props and callbacks (`value`, `onChange`, ...). */
  readonly props = input<Readonly<Record<string, unknown>>>({});

  protected readonly failed = signal(false);
  private readonly mountPoint = viewChild.required<ElementRef<HTMLElement>>('mount');
  private readonly host = inject(HOST_PROPS);
  private readonly probe = inject(ContextProbe);
  private readonly context = this.probe.wrap(this.host.context);
  private mounted: Parcel | null = null;

  constructor() {
    afterNextRender(() => this.mount());
    effect(() => {
      const own = this.props();
      const parcel = this.mounted;
      if (!parcel) return;
      const props = this.parcelProps(own);
      void parcel.mountPromise.then(() => {
        if (parcel.getStatus() === 'MOUNTED') void parcel.update?.(props);
      });
    });
    inject(DestroyRef).onDestroy(() => {
      const parcel = this.mounted;
      this.mounted = null;
      // single-spa has already unmounted it when the whole application is leaving.
      void parcel?.mountPromise.then(() => parcel.getStatus() === 'MOUNTED' && parcel.unmount()).catch(() => undefined);
    });
  }

  private mount(): void {
    const { mountParcel, loadParcel } = this.host;
    if (!mountParcel || !loadParcel) {
      this.failed.set(true);
      return;
    }
    const name = this.parcel();
    this.mounted = mountParcel(() => loadParcel(name) as Promise<ParcelConfig>, {
      ...this.parcelProps(this.props()),
      domElement: this.mountPoint().nativeElement,
    });
    this.mounted.mountPromise.catch((error: unknown) => {
      console.error(error);
      this.failed.set(true);
    });
  }

  private parcelProps(own: Readonly<Record<string, unknown>>) {
    return {
      context: this.context,
      cspNonce: this.host.cspNonce,
      apiBase: this.host.apiBase,
      ...own,
      domElement: this.mountPoint().nativeElement,
    };
  }
}
