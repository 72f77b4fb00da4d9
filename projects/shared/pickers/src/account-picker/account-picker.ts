import { ChangeDetectionStrategy, Component, computed, inject, input, model } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import type { WechatAccount } from '@wechat-mfe/account-context';
import { ACCOUNT_CONTEXT, Select, SelectOption, SelectValue, type SelectItem } from '@wechat-mfe/ui';

/**
 * An accessible picker of the user's WeChat accounts (from the shared account context), single
 * or multiple, each option with its type and verification. The suite's native select
 * (`wx-select`, ADR 0008): a labelled combobox whose options are reached and chosen with the
 * keyboard, without Material's select, overlay and forms code in every page that shows it.
 *
 * `selection` is always a list of appids (at most one in single mode), so a page can switch
 * modes without changing its state. Strings: `pickers.account.*` (pass `PICKER_TRANSLATIONS`).
 */
@Component({
  selector: 'wx-account-picker',
  imports: [Select, SelectOption, SelectValue, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './account-picker.html',
  styleUrl: './account-picker.scss',
})
export class AccountPicker {
  /** Whether several accounts may be chosen. */
  readonly multiple = input(false);
  /** The chosen appids (at most one unless `multiple`). */
  readonly selection = model<readonly string[]>([]);
  /** Already translated label; defaults to "公众号" / "公众号（可多选）". */
  readonly label = input<string>();
  /** Already translated hint under the field, e.g. what an empty selection means. */
  readonly hint = input<string>();

  private readonly context = inject(ACCOUNT_CONTEXT);
  /** The accounts the user may use, in the context's order. */
  protected readonly accounts = toSignal(this.context.accounts$, { initialValue: this.context.snapshot.accounts });
  /** Chosen appids the user may still use (an account unallocated meanwhile drops out). */
  protected readonly chosen = computed(() => {
    const known = new Set(this.accounts().map((a) => a.appid));
    return this.selection().filter((appid) => known.has(appid));
  });
  protected readonly items = computed<SelectItem<WechatAccount>[]>(() => this.accounts().map((a) => ({ key: a.appid, text: a.name, data: a })));

  protected change(appids: string[]): void {
    this.selection.set(appids);
  }

  /** Template type guard: templates receive `unknown`. */
  protected account(value: unknown): WechatAccount {
    return value as WechatAccount;
  }

  protected typeKey(account: WechatAccount): string {
    return `pickers.account.type.${account.type}`;
  }
}
