import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { AccountGate, AccountReady } from '@wechat-mfe/ui';
import { MassSendCompose } from './compose/mass-send-compose';
import { MassSendHistory } from './history/mass-send-history';

/** /wechat/messaging/mass-send: the composer above the account's send history. */
@Component({
  selector: 'wx-mass-send-page',
  imports: [TranslocoPipe, AccountGate, AccountReady, MassSendCompose, MassSendHistory],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="page-title">{{ 'massSend.title' | transloco }}</h1>
    <wx-account-gate>
      <ng-template wxAccountReady let-account>
        <wx-mass-send-compose [account]="account" />
        <wx-mass-send-history class="history" [appid]="account.appid" />
      </ng-template>
    </wx-account-gate>
  `,
  styles: `
    .page-title {
      margin: 0 0 16px;
      font: var(--mat-sys-headline-small);
    }
    .history {
      margin-top: 24px;
    }
  `,
})
export class MassSendPage {}
