import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { DatePipe } from '@angular/common';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MassSendQuota } from '../mass-send-api';
import type { QuotaView } from './quota-rules';

/**
 * Used / remaining sends of the period, the per-fan rule (service accounts only), and what happens when
 * the quota is exceeded.
 */
@Component({
  selector: 'wx-mass-send-quota-panel',
  imports: [TranslocoPipe, DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="quota" aria-labelledby="ms-quota-heading" [attr.data-remaining]="view().remaining">
      <h3 id="ms-quota-heading" class="quota-title">{{ 'massSend.quota.title' | transloco }}</h3>
      <p class="figures">
        <meter id="ms-quota-meter" min="0" [max]="view().limit" [value]="view().used"
          [attr.aria-label]="'massSend.quota.meter' | transloco"
          [attr.aria-valuetext]="'massSend.quota.usedOf' | transloco: { used: view().used, limit: view().limit }"></meter>
        <span>{{ 'massSend.quota.' + view().period | transloco: { used: view().used, limit: view().limit, remaining: view().remaining } }}</span>
      </p>
      @if (view().fanMonthlyLimit; as limit) {
        <p class="hint">{{ 'massSend.quota.fanRule' | transloco: { limit: limit } }}</p>
      } @else {
        <p class="hint">{{ 'massSend.quota.noFanRule' | transloco }}</p>
      }
      @if (view().blocked) {
        <p class="warn" role="alert">{{ 'massSend.quota.agreementMissing' | transloco }}</p>
      } @else if (view().exhausted) {
        <p class="warn">{{ 'massSend.quota.exhausted' | transloco: { at: (quota().periodEndsAt | date: 'yyyy-MM-dd HH:mm') } }}</p>
      } @else if (view().lastOne) {
        <p class="hint">{{ 'massSend.quota.lastOne' | transloco }}</p>
      }
    </section>
  `,
  styles: `
    .quota {
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
      font: var(--mat-sys-body-medium);
    }
    .quota-title {
      margin: 0 0 8px;
      font: var(--mat-sys-title-small);
    }
    .figures {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin: 0;
    }
    meter {
      width: 120px;
    }
    .hint {
      margin: 8px 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .warn {
      margin: 8px 0 0;
      color: var(--mat-sys-error);
    }
  `,
})
export class QuotaPanel {
  readonly quota = input.required<MassSendQuota>();
  readonly view = input.required<QuotaView>();
}
