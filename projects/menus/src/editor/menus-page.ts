import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { AccountGate, AccountReady } from '@wechat-mfe/ui';
import { MenuEditor } from './menu-editor';

/** /wechat/menus: the title, then the editor of the selected account inside the account gate. */
@Component({
  selector: 'wx-menus-page',
  imports: [AccountGate, AccountReady, MenuEditor, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="page-title">{{ 'menus.title' | transloco }}</h1>
    <wx-account-gate>
      <ng-template wxAccountReady let-account>
        <wx-menu-editor [account]="account" />
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
export class MenusPage {}
