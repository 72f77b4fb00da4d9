import { ChangeDetectionStrategy, Component, Injector, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import { openMaterialPicker, prefetchMaterialPicker, type MaterialChoice, type MaterialTab } from '@wechat-mfe/pickers/material';
import { ACCOUNT_CONTEXT, Field, FieldControl, Prefetch } from '@wechat-mfe/ui';

/** The widget's value: the chosen material and the account it belongs to. */
export interface WidgetMaterial extends MaterialChoice {
  readonly appid: string;
}

const TABS: readonly MaterialTab[] = ['image', 'voice', 'video', 'news'];

function toMaterial(value: unknown): WidgetMaterial | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Partial<WidgetMaterial>;
  return typeof v.appid === 'string' && typeof v.mediaId === 'string' ? (v as WidgetMaterial) : null;
}

/**
 * The material picker widget for journey content: the shared material picker, with an account
 * switch inside the widget (journey content may come from any account the user may use).
 */
@Component({
  selector: 'wx-material-picker-widget',
  imports: [Prefetch, TranslocoPipe, Field, FieldControl],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="material-widget" role="group" [attr.aria-label]="'material.title' | transloco">
      <wx-field [label]="'material.account' | transloco">
        <select wxFieldControl (change)="appid.set($any($event.target).value)">
          @for (account of accounts(); track account.appid) {
            <option [value]="account.appid" [selected]="account.appid === appid()">{{ account.name }} · {{ 'segment.accountType.' + account.type | transloco }}</option>
          }
        </select>
      </wx-field>
      <button type="button" class="wx-button outlined" [disabled]="!appid() || opening()" [wxPrefetch]="prefetchPicker" (click)="pick()">{{ 'material.pick' | transloco }}</button>
      @if (chosen(); as m) {
        <p class="chosen" data-testid="chosen-material">
          {{ 'material.chosen' | transloco: { name: m.name, type: ('material.types.' + m.type | transloco), account: accountName(m.appid) } }}
        </p>
        <button type="button" class="wx-button" (click)="clear()">{{ 'material.clear' | transloco }}</button>
      } @else {
        <p class="chosen">{{ 'material.none' | transloco }}</p>
      }
    </div>
  `,
  styles: `
    .material-widget {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: center;
    }
    .chosen {
      margin: 0;
    }
  `,
})
export class MaterialPickerWidget {
  protected readonly prefetchPicker = prefetchMaterialPicker;
  /** The chosen material (`{ appid, type, mediaId, name, thumbUrl }`) or null. */
  readonly value = input<unknown>(null);
  /** The material types offered, in tab order (default: all). */
  readonly types = input<readonly MaterialTab[] | null>(null);
  readonly valueChange = output<WidgetMaterial | null>();

  private readonly injector = inject(Injector);
  private readonly context = inject(ACCOUNT_CONTEXT);
  protected readonly accounts = toSignal(this.context.accounts$, { initialValue: this.context.snapshot.accounts });
  private readonly selected = toSignal(this.context.selected$, { initialValue: null });
  protected readonly chosen = linkedSignal(() => toMaterial(this.value()));
  /** The widget's own account: the chosen material's, else the one selected in the suite. */
  protected readonly appid = linkedSignal(() => this.chosen()?.appid ?? this.selected()?.appid ?? '');
  protected readonly opening = signal(false);
  private readonly names = computed(() => new Map(this.accounts().map((a) => [a.appid, a.name])));

  protected accountName(appid: string): string {
    return this.names().get(appid) ?? appid;
  }

  protected async pick(): Promise<void> {
    const appid = this.appid();
    this.opening.set(true);
    try {
      const types = this.types()?.filter((t) => TABS.includes(t));
      const choice = await openMaterialPicker(this.injector, { appid, permanentOnly: true, ...(types?.length ? { types } : {}) });
      if (choice) this.emit({ ...choice, appid });
    } finally {
      this.opening.set(false);
    }
  }

  protected clear(): void {
    this.emit(null);
  }

  private emit(material: WidgetMaterial | null): void {
    this.chosen.set(material);
    this.valueChange.emit(material);
  }
}
