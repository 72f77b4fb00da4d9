import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { AccountGate, AccountReady } from '@wechat-mfe/ui';
import { AutoReplyPanel } from './auto-reply-panel';

/** /wechat/messaging/auto-reply: every account type has auto reply, so the gate asks only for an account. */
@Component({
  selector: 'wx-auto-reply-page',
  imports: [TranslocoPipe, AccountGate, AccountReady, AutoReplyPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="page-title">{{ 'autoReply.title' | transloco }}</h1>
    <wx-account-gate>
      <ng-template wxAccountReady let-account>
        <wx-auto-reply-panel [appid]="account.appid" />
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
export class AutoReplyPage {}
