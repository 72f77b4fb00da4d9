import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { STATE_STYLES } from '../state-styles';
import { AccountKind, AccountRequirement } from './account-requirement';

/**
 * "模板消息仅支持已认证的服务号": says which accounts may use the feature, why the current one may
 * not (subscription and/or unverified, PRODUCT §1), and what the user can do about it.
 */
@Component({
  selector: 'wx-account-type-unavailable-state',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'status', class: 'wx-account-type-unavailable-state' },
  template: `
    @let feature = requirement().feature | transloco;
    @let accountName = account().name;
    <h2 class="wx-state-title">{{ titleKey() | transloco: { feature } }}</h2>
    @if (lacksType()) {
      <p class="wx-state-text">{{ 'ui.typeUnavailable.reasonSubscription' | transloco: { account: accountName, feature } }}</p>
    }
    @if (lacksVerification()) {
      <p class="wx-state-text">{{ 'ui.typeUnavailable.reasonUnverified' | transloco: { account: accountName, feature } }}</p>
    }
    <p class="wx-state-text">{{ 'ui.typeUnavailable.switchHint' | transloco }}</p>
    <!-- Verifying helps only when the account's type is already right. -->
    @if (lacksVerification() && !lacksType()) {
      <p class="wx-state-text">{{ 'ui.typeUnavailable.verifyHint' | transloco }}</p>
    }
  `,
  styles: [STATE_STYLES],
})
export class AccountTypeUnavailableState {
  /** The selected account (name, type, verification). */
  readonly account = input.required<AccountKind>();
  /** What the feature needs, including its name key (see `WECHAT_FEATURES`). */
  readonly requirement = input.required<AccountRequirement>();

  protected readonly lacksType = computed(() => {
    const type = this.requirement().type;
    return !!type && this.account().type !== type;
  });
  protected readonly lacksVerification = computed(() => !!this.requirement().verified && !this.account().verified);
  protected readonly titleKey = computed(() => {
    const { type, verified } = this.requirement();
    if (type && verified) return 'ui.typeUnavailable.titleVerifiedService';
    return type ? 'ui.typeUnavailable.titleService' : 'ui.typeUnavailable.titleVerified';
  });
}
