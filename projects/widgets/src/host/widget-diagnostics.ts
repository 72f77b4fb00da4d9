import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ContextProbe } from './context-probe';

/**
 * What an integrator checks after unmounting a widget: the subscriptions the page's parcels hold on
 * the account context (back to the count before mounting once a parcel is gone). A deliberate part
 * of the demo host (the e2e test reads it too), so it says what it is and is drawn apart from the
 * page's own content: an auditor took the bare count for a developer leftover.
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
  styles: `
    .diagnostics {
      margin: 8px 0 0;
      padding: 6px 10px;
      border: 1px dashed var(--mat-sys-outline-variant);
      border-radius: 4px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class WidgetDiagnostics {
  protected readonly probe = inject(ContextProbe);
}
