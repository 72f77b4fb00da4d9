import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import { ACCOUNT_CONTEXT, Select, SelectOption, SelectValue, SuiteLink, injectAccountState, type SelectItem } from '@wechat-mfe/ui';
import type { WechatAccount } from '@wechat-mfe/account-context';

/**
 * The account selector in the suite's top bar: picks the account every WeChat module shows.
 * Lists only the accounts the user's department may use (the context already filters them).
 * The suite's native select (`wx-select`, ADR 0008), not mat-select: the switcher is on the first
 * load of every page.
 */
@Component({
  selector: 'wx-account-switcher',
  imports: [TranslocoPipe, SuiteLink, Select, SelectOption, SelectValue],
  templateUrl: './account-switcher.html',
  styleUrl: './account-switcher.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountSwitcher {
  private readonly context = inject(ACCOUNT_CONTEXT);
  protected readonly state = injectAccountState();
  protected readonly accounts = toSignal(this.context.accounts$, { initialValue: this.context.snapshot.accounts });
  protected readonly items = computed<SelectItem<WechatAccount>[]>(() => this.accounts().map((a) => ({ key: a.appid, text: a.name, data: a })));
  protected readonly canBind = computed(() => this.state.user()?.role === 'admin');
  /** The last switch, for the polite live region (screen readers hear which account is now shown). */
  protected readonly announcement = signal<WechatAccount | null>(null);

  protected select([appid]: string[]): void {
    if (appid && this.context.select(appid)) this.announcement.set(this.accounts().find((a) => a.appid === appid) ?? null);
  }

  protected retry(): void {
    void this.context.refresh();
  }

  /** Template type guards: the templates receive `unknown`. */
  protected account(value: unknown): WechatAccount {
    return value as WechatAccount;
  }
}
