import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { ACCOUNT_CONTEXT, SuiteLink, injectAccountState } from '@wechat-mfe/ui';
import type { WechatAccount } from '@wechat-mfe/account-context';

/**
 * The account selector in the suite's top bar: picks the account every WeChat module shows.
 * Lists only the accounts the user's department may use (the context already filters them).
 */
@Component({
  selector: 'wx-account-switcher',
  imports: [MatSelectModule, TranslocoPipe, SuiteLink],
  templateUrl: './account-switcher.html',
  styleUrl: './account-switcher.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountSwitcher {
  private readonly context = inject(ACCOUNT_CONTEXT);
  protected readonly state = injectAccountState();
  protected readonly accounts = toSignal(this.context.accounts$, { initialValue: this.context.snapshot.accounts });
  protected readonly canBind = computed(() => this.state.user()?.role === 'admin');
  /** The last switch, for the polite live region (screen readers hear which account is now shown). */
  protected readonly announcement = signal<WechatAccount | null>(null);

  protected select(appid: string): void {
    if (this.context.select(appid)) this.announcement.set(this.accounts().find((a) => a.appid === appid) ?? null);
  }

  protected retry(): void {
    void this.context.refresh();
  }
}
