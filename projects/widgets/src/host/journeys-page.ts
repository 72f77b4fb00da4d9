import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import { ACCOUNT_CONTEXT } from '@wechat-mfe/ui';
import { ParcelSlot } from './parcel-slot';
import { WidgetDiagnostics } from './widget-diagnostics';

/**
 * /host/journeys: a stand-in for the host suite's journey builder. It embeds our widgets as parcels
 * (the account picker for a one-time journey's audience) and shows the values they report.
 */
@Component({
  selector: 'wx-host-journeys-page',
  imports: [TranslocoPipe, ParcelSlot, WidgetDiagnostics],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './journeys-page.html',
  styleUrl: './host-page.scss',
})
export class JourneysPage {
  private readonly context = inject(ACCOUNT_CONTEXT);
  private readonly accounts = toSignal(this.context.accounts$, { initialValue: this.context.snapshot.accounts });

  /** The audience's appids as the widget reported them. */
  protected readonly audience = signal<readonly string[]>([]);
  protected readonly audienceNames = computed(() => {
    const byAppid = new Map(this.accounts().map((a) => [a.appid, a.name]));
    return this.audience().map((appid) => byAppid.get(appid) ?? appid);
  });
  /** Whether the second audience picker (two instances of one parcel) is mounted. */
  protected readonly compare = signal(false);
  protected readonly compareValue = signal<readonly string[]>([]);

  protected readonly audienceProps = computed(() => ({
    value: this.audience(),
    multiple: true,
    onChange: (appids: readonly string[]) => this.audience.set(appids),
  }));
  protected readonly compareProps = computed(() => ({
    value: this.compareValue(),
    multiple: false,
    onChange: (appids: readonly string[]) => this.compareValue.set(appids),
  }));
}
