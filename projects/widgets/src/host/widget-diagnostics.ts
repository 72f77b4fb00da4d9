import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ContextProbe } from './context-probe';

/**
 * What an integrator checks after unmounting a widget: the subscriptions the page's parcels hold on
 * the account context (back to the count before mounting once a parcel is gone).
 */
@Component({
  selector: 'wx-widget-diagnostics',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="diagnostics" role="status" data-testid="context-subscriptions" [attr.data-count]="probe.open()">
      {{ 'host.diagnostics.subscriptions' | transloco: { count: probe.open() } }}
    </p>
  `,
  styles: `.diagnostics { color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-small); }`,
})
export class WidgetDiagnostics {
  protected readonly probe = inject(ContextProbe);
}
