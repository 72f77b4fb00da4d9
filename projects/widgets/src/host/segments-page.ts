import { ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ParcelSlot } from './parcel-slot';
import { WidgetDiagnostics } from './widget-diagnostics';

interface Validity {
  readonly valid: boolean;
  readonly problems: readonly { readonly path: string; readonly message: string }[];
}

/**
 * /host/segments: a stand-in for the host suite's segment builder. It embeds the segment conditions
 * parcel and keeps what a host keeps: the document it reports, and whether it may be saved.
 */
@Component({
  selector: 'wx-host-segments-page',
  imports: [TranslocoPipe, ParcelSlot, WidgetDiagnostics],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="page-title">{{ 'host.segments.title' | transloco }}</h1>
    <p class="intro">{{ 'host.segments.intro' | transloco }}</p>
    <section class="host-card" aria-labelledby="segment-conditions-heading">
      <h2 id="segment-conditions-heading">{{ 'host.segments.conditions' | transloco }}</h2>
      <wx-parcel-slot parcel="segment-conditions" [props]="conditionProps()" data-testid="segment-conditions" />
      <div class="value" data-testid="segment-validity">
        @if (validity(); as v) {
          <p>{{ v.valid ? ('host.segments.valid' | transloco) : ('host.segments.invalid' | transloco: { count: v.problems.length }) }}</p>
          <!-- What a host would show beside its disabled Save: the widget's own (translated) reasons, the
               first few, so "1 to fix" on an untouched editor says what (add a condition). -->
          @if (v.problems.length) {
            <ul class="problems">
              @for (problem of v.problems.slice(0, 3); track $index) {
                <li>{{ problem.message }}</li>
              }
            </ul>
          }
        }
      </div>
    </section>
    @if (document(); as json) {
      <section class="host-card" aria-labelledby="segment-document-heading">
        <h2 id="segment-document-heading">{{ 'host.segments.document' | transloco }}</h2>
        <pre class="document" data-testid="segment-document" tabindex="0">{{ json }}</pre>
      </section>
    }
    <wx-widget-diagnostics />
  `,
  styleUrl: './host-page.scss',
})
export class SegmentsPage {
  protected readonly value = signal<unknown>(null);
  protected readonly validity = signal<Validity | null>(null);
  protected readonly document = computed(() => (this.value() ? JSON.stringify(this.value(), null, 2) : ''));
  // Built once: the host keeps the document itself and does not feed each change back.
  protected readonly conditionProps = computed(() => ({
    onChange: (doc: unknown) => this.value.set(doc),
    onValidity: (validity: Validity) => this.validity.set(validity),
  }));
}
