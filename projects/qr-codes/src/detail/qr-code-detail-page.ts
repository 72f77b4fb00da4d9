import { ChangeDetectionStrategy, Component, input, numberAttribute } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AccountGate, AccountReady, WECHAT_FEATURES } from '@wechat-mfe/ui';
import { QrCodeDetail } from './qr-code-detail';

/** /wechat/qrcodes/:id: heading, back link and the gate around one code's detail. */
@Component({
  selector: 'wx-qr-code-detail-page',
  imports: [RouterLink, TranslocoPipe, AccountGate, AccountReady, QrCodeDetail],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a routerLink="/wechat/qrcodes" class="back">← {{ 'qrCodes.detail.back' | transloco }}</a>
    <h1 class="page-title">{{ 'qrCodes.detail.title' | transloco }}</h1>
    <wx-account-gate [requires]="features.qrCodes">
      <ng-template wxAccountReady let-account>
        <wx-qr-code-detail [appid]="account.appid" [codeId]="id()" />
      </ng-template>
    </wx-account-gate>
  `,
  styles: `
    .page-title {
      margin: 8px 0 16px;
      font: var(--mat-sys-headline-small);
    }
    .back {
      color: var(--mat-sys-primary);
    }
  `,
})
export class QrCodeDetailPage {
  /** The route's `:id`. */
  readonly id = input.required({ transform: numberAttribute });
  protected readonly features = WECHAT_FEATURES;
}
