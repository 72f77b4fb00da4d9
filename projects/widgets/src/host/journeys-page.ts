import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ACCOUNT_CONTEXT, Field, FieldControl, ProblemMessagePipe, toProblem, type Problem } from '@wechat-mfe/ui';
import { HostJourneysApi, type Journey, type JourneyEntry } from './journeys-api';
import { ParcelSlot } from './parcel-slot';
import { WidgetDiagnostics } from './widget-diagnostics';

/**
 * /host/journeys: a stand-in for the host suite's journey builder. It embeds our widgets as parcels
 * (the account picker for a one-time journey's audience) and shows the values they report.
 */
@Component({
  selector: 'wx-host-journeys-page',
  imports: [TranslocoPipe, ParcelSlot, WidgetDiagnostics, Field, FieldControl, ProblemMessagePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './journeys-page.html',
  styleUrl: './host-page.scss',
})
export class JourneysPage {
  private readonly context = inject(ACCOUNT_CONTEXT);
  private readonly api = inject(HostJourneysApi);
  private readonly transloco = inject(TranslocoService);
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

  /** The trigger journey: its name, the trigger the widget reports, and once saved, who entered it. */
  protected readonly journeyName = signal('');
  protected readonly trigger = signal<unknown>(null);
  protected readonly triggerValid = signal(false);
  protected readonly saved = signal<Journey | null>(null);
  protected readonly saving = signal(false);
  protected readonly saveProblem = signal<Problem | null>(null);
  protected readonly entries = signal<readonly JourneyEntry[]>([]);
  protected readonly triggerProps = computed(() => ({
    onChange: (trigger: unknown) => this.trigger.set(trigger),
    onValidity: (validity: { valid: boolean }) => this.triggerValid.set(validity.valid),
  }));
  /** The journey's content, as the material picker widget reports it. */
  protected readonly content = signal<unknown>(null);
  protected readonly contentJson = computed(() => (this.content() ? JSON.stringify(this.content()) : ''));
  protected readonly contentProps = computed(() => ({ types: ['image', 'news'], onChange: (material: unknown) => this.content.set(material) }));
  private poll: ReturnType<typeof setInterval> | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.poll !== null && clearInterval(this.poll));
  }

  protected async save(): Promise<void> {
    const name = this.journeyName().trim() || this.transloco.translate('host.journeys.defaultName');
    this.saving.set(true);
    this.saveProblem.set(null);
    try {
      const journey = await this.api.create(name, this.trigger());
      this.saved.set(journey);
      this.entries.set([]);
      if (this.poll !== null) clearInterval(this.poll);
      // The demo polls: a host would listen to its own event stream.
      this.poll = setInterval(() => void this.refreshEntries(journey.id), 1000);
    } catch (error) {
      this.saveProblem.set(toProblem(error));
    } finally {
      this.saving.set(false);
    }
  }

  private async refreshEntries(journeyId: string): Promise<void> {
    try {
      this.entries.set(await this.api.entries(journeyId));
    } catch {
      // The next poll tries again.
    }
  }
}
