import { ChangeDetectionStrategy, Component, input, linkedSignal, output } from '@angular/core';
import { AccountPicker } from '@wechat-mfe/pickers/account';

/** A host may pass one appid, a list, or nothing: the widget always works on a list. */
export function toAppids(value: unknown): readonly string[] {
  if (typeof value === 'string') return value ? [value] : [];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.length > 0) : [];
}

/**
 * The account picker widget: the shared picker, limited to the accounts the user may use (the
 * host's account context), single or multiple, with type and verification badges.
 * Value: a list of appids (at most one unless `multiple`).
 */
@Component({
  selector: 'wx-account-picker-widget',
  imports: [AccountPicker],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <!-- Material's select cannot switch modes, so a mode change creates the other picker. -->
    @if (multiple()) {
      <wx-account-picker [multiple]="true" [selection]="selection()" (selectionChange)="change($event)" [label]="label()" [hint]="hint()" />
    } @else {
      <wx-account-picker [selection]="selection()" (selectionChange)="change($event)" [label]="label()" [hint]="hint()" />
    }
  `,
})
export class AccountPickerWidget {
  /** The chosen appids (a single appid is accepted too). */
  readonly value = input<readonly string[], unknown>([], { transform: toAppids });
  /** Whether several accounts may be chosen. */
  readonly multiple = input(false, { transform: (v: unknown) => v === true });
  /** The host's label, already translated (default: "公众号" / "Official account"). */
  readonly label = input<string | undefined>(undefined);
  /** The host's hint under the field, already translated. */
  readonly hint = input<string | undefined>(undefined);
  /** Every change of the chosen appids. */
  readonly valueChange = output<readonly string[]>();

  /** Follows `value` from the host, and the user's choice until the host sends a new one. */
  protected readonly selection = linkedSignal(() => this.value());

  protected change(appids: readonly string[]): void {
    this.selection.set(appids);
    this.valueChange.emit(appids);
  }
}
