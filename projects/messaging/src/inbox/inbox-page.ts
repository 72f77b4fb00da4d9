import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { AccountGate, AccountReady } from '@wechat-mfe/ui';
import { InboxPanel } from './inbox-panel';

/** /wechat/messaging/inbox: every account type has the inbox, so the gate asks only for an account. */
@Component({
  selector: 'wx-inbox-page',
  imports: [TranslocoPipe, AccountGate, AccountReady, InboxPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="page-title">{{ 'inbox.title' | transloco }}</h1>
    <wx-account-gate>
      <ng-template wxAccountReady let-account>
        <wx-inbox-panel [appid]="account.appid" />
      </ng-template>
    </wx-account-gate>
  `,
  styles: `
    :host {
      display: block;
    }
    .page-title {
      margin: 0 0 16px;
      font: var(--mat-sys-headline-small);
    }
  `,
})
export class InboxPage {}
