import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { WechatAccount } from '@wechat-mfe/account-context';

/** An account's name with its type badge (服务号 / 订阅号) and "not verified" when so. */
@Component({
  selector: 'wx-account-badge',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="name">{{ account().name }}</span>
    <span class="badge" [class.subscription]="account().type === 'subscription'">{{ 'ui.account.types.' + account().type | transloco }}</span>
    @if (!account().verified) {
      <span class="badge unverified">{{ 'ui.account.unverified' | transloco }}</span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px;
    }
    .badge {
      padding: 0 6px;
      border-radius: 4px;
      font: var(--mat-sys-label-small);
      line-height: 18px;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .badge.subscription {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .badge.unverified {
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface);
    }
  `,
})
export class AccountBadge {
  readonly account = input.required<WechatAccount>();
}
