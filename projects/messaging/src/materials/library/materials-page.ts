import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { AccountGate, AccountReady } from '@wechat-mfe/ui';
import { MaterialLibrary } from './material-library';

/** /wechat/messaging/materials: the heading and the gate (every account type has materials) around the library. */
@Component({
  selector: 'wx-materials-page',
  imports: [TranslocoPipe, AccountGate, AccountReady, MaterialLibrary],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="page-title">{{ 'materials.title' | transloco }}</h1>
    <wx-account-gate>
      <ng-template wxAccountReady let-account>
        <wx-material-library [appid]="account.appid" />
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
export class MaterialsPage {}
