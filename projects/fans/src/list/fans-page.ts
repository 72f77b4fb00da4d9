import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { AccountGate, AccountReady } from '@wechat-mfe/ui';
import { FanList } from './fan-list';
import { FanSyncPanel } from '../sync/fan-sync-panel';

/** /wechat/fans: the page heading and the gate around the list (every account type has fans). */
@Component({
  selector: 'wx-fans-page',
  imports: [TranslocoPipe, AccountGate, AccountReady, FanList, FanSyncPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="page-title">{{ 'title' | transloco }}</h1>
    <wx-account-gate>
      <ng-template wxAccountReady let-account>
        <wx-fan-sync-panel class="sync" [appid]="account.appid" />
        <wx-fan-list [appid]="account.appid" />
      </ng-template>
    </wx-account-gate>
  `,
  styles: `
    .page-title {
      margin: 0 0 16px;
      font: var(--mat-sys-headline-small);
    }
    .sync {
      display: block;
      margin-bottom: 16px;
    }
  `,
})
export class FansPage {}
