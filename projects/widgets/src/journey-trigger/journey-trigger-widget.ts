import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, output, resource } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ACCOUNT_CONTEXT, Field, FieldControl } from '@wechat-mfe/ui';
import { SegmentApi } from '../segment-conditions/data/segment-api';
import { EVENTS, type WechatEvent } from '../segment-conditions/model';
import { toTrigger, validateTrigger, type JourneyTrigger } from './journey-trigger-model';

/** What the widget reports to the host after every change (`onValidity`). */
export interface TriggerValidity {
  readonly valid: boolean;
  readonly problems: readonly { readonly path: string; readonly message: string }[];
}

/**
 * The journey trigger widget: "when WeChat event E happens on account A", with the same event
 * catalogue as the segment conditions (a QR code, a live menu button, a message text).
 */
@Component({
  selector: 'wx-journey-trigger-widget',
  imports: [TranslocoPipe, Field, FieldControl],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './journey-trigger-widget.html',
  styles: `
    .trigger {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: flex-end;
    }
  `,
})
export class JourneyTriggerWidget {
  /** The trigger to edit; absent: the selected account, "sent a message". */
  readonly value = input<unknown>(null);
  readonly valueChange = output<JourneyTrigger>();
  readonly validityChange = output<TriggerValidity>();

  protected readonly events = EVENTS;
  private readonly context = inject(ACCOUNT_CONTEXT);
  private readonly api = inject(SegmentApi);
  private readonly transloco = inject(TranslocoService);
  private readonly strings = toSignal(this.transloco.selectTranslation());
  protected readonly accounts = toSignal(this.context.accounts$, { initialValue: this.context.snapshot.accounts });
  private readonly selected = toSignal(this.context.selected$, { initialValue: null });

  protected readonly trigger = linkedSignal<JourneyTrigger>(
    () => toTrigger(this.value()) ?? { version: 1, type: 'wechatEvent', appid: this.selected()?.appid ?? '', event: 'sentMessage' },
  );
  protected readonly problems = computed(() => validateTrigger(this.trigger()));
  protected readonly catalogue = resource({
    params: () => {
      const t = this.trigger();
      return t.appid && (t.event === 'scannedQrCode' || t.event === 'clickedMenu') ? t.appid : undefined;
    },
    loader: ({ params }) => this.api.catalogue(params),
  });

  constructor() {
    effect(() => {
      const problems = this.problems();
      if (!this.strings()) return;
      this.validityChange.emit({
        valid: problems.length === 0,
        problems: problems.map((p) => ({ path: p.path, message: this.transloco.translate(`segment.problem.${p.key}`, p.params ?? {}) })),
      });
    });
  }

  protected problemAt(path: string): string | null {
    const problem = this.problems().find((p) => p.path === path);
    return problem ? this.transloco.translate(`segment.problem.${problem.key}`, problem.params ?? {}) : null;
  }

  protected setAccount(appid: string): void {
    const { version, type, event, match } = this.trigger();
    this.emit({ version, type, appid, event, ...(match ? { match } : {}) });
  }

  protected setEvent(event: string): void {
    const { version, type, appid } = this.trigger();
    this.emit({ version, type, appid, event: event as WechatEvent });
  }

  protected setQrCode(value: string): void {
    const { qrCodeId, ...rest } = this.trigger();
    void qrCodeId;
    this.emit(value ? { ...rest, qrCodeId: Number(value) } : rest);
  }

  protected setMenuKey(value: string): void {
    const { menuKey, ...rest } = this.trigger();
    void menuKey;
    this.emit(value ? { ...rest, menuKey: value } : rest);
  }

  protected setMatch(kind: string, text = this.trigger().match?.text ?? ''): void {
    const { match, ...rest } = this.trigger();
    void match;
    this.emit(kind === 'any' ? rest : { ...rest, match: { operator: kind as 'contains' | 'equals', text } });
  }

  private emit(trigger: JourneyTrigger): void {
    this.trigger.set(trigger);
    this.valueChange.emit(trigger);
  }
}
