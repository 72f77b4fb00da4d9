import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { AccountGate, AccountReady, WECHAT_FEATURES } from '@wechat-mfe/ui';
import { QrCodeList } from './qr-code-list';

/** /wechat/qrcodes: the page heading and the gate (service accounts only) around the list. */
@Component({
  selector: 'wx-qr-codes-page',
  imports: [TranslocoPipe, AccountGate, AccountReady, QrCodeList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="page-title">{{ 'qrCodes.title' | transloco }}</h1>
    <wx-account-gate [requires]="features.qrCodes">
      <ng-template wxAccountReady let-account>
        <wx-qr-code-list [appid]="account.appid" />
      </ng-template>
    </wx-account-gate>
  `,
  styles: `
    .page-title {
      margin: 0 0 16px;
      font: var(--mat-sys-headline-small);
    }
  `,
})
export class QrCodesPage {
  protected readonly features = WECHAT_FEATURES;
}
