import { ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ParcelSlot } from './parcel-slot';
import { WidgetDiagnostics } from './widget-diagnostics';

/**
 * /host/segments: a stand-in for the host suite's segment builder, embedding our widgets as parcels.
 * Today it picks the segment's WeChat account; the condition editor parcel joins it next (issue #9).
 */
@Component({
  selector: 'wx-host-segments-page',
  imports: [TranslocoPipe, ParcelSlot, WidgetDiagnostics],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="page-title">{{ 'host.segments.title' | transloco }}</h1>
    <p class="intro">{{ 'host.segments.intro' | transloco }}</p>
    <section class="host-card" aria-labelledby="segment-account-heading">
      <h2 id="segment-account-heading">{{ 'host.segments.account' | transloco }}</h2>
      <wx-parcel-slot parcel="account-picker" [props]="accountProps()" />
      <p class="value" role="status" data-testid="segment-account">{{ account().join(', ') }}</p>
    </section>
    <wx-widget-diagnostics />
  `,
  styleUrl: './host-page.scss',
})
export class SegmentsPage {
  protected readonly account = signal<readonly string[]>([]);
  protected readonly accountProps = computed(() => ({
    value: this.account(),
    multiple: false,
    onChange: (appids: readonly string[]) => this.account.set(appids),
  }));
}
