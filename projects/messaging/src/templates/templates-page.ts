import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { Store } from '@ngrx/store';
import { TranslocoPipe } from '@jsverse/transloco';
import { AccountGate, AccountReady, WECHAT_FEATURES } from '@wechat-mfe/ui';
import { TemplateHistory } from './history/template-history';
import { TemplateLibrary } from './library/template-library';
import { templatesFeature } from './library/templates.store';
import { TemplateSendForm } from './send/template-send-form';

/**
 * /wechat/messaging/templates: the account's templates, the send form of the chosen one, and the
 * history of sends. Verified service accounts only: the gate shows the shared "not available for this
 * account type" state otherwise, and nothing here asks the server.
 */
@Component({
  selector: 'wx-templates-page',
  imports: [TranslocoPipe, AccountGate, AccountReady, TemplateLibrary, TemplateSendForm, TemplateHistory],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="page-title">{{ 'templates.title' | transloco }}</h1>
    <wx-account-gate [requires]="requires">
      <ng-template wxAccountReady let-account>
        <wx-template-library [appid]="account.appid" />
        <wx-template-send-form class="block" [account]="account" [template]="chosen()" (sent)="sends.set(sends() + 1)" />
        <wx-template-history class="block" [appid]="account.appid" [refresh]="sends()" />
      </ng-template>
    </wx-account-gate>
  `,
  styles: `
    .page-title {
      margin: 0 0 16px;
      font: var(--mat-sys-headline-small);
    }
    .block {
      display: block;
      margin-top: 32px;
    }
  `,
})
export class TemplatesPage {
  protected readonly requires = WECHAT_FEATURES.templates;
  protected readonly chosen = inject(Store).selectSignal(templatesFeature.selectChosen);
  /** Sends made on this page: the history reloads after each. */
  protected readonly sends = signal(0);
}
