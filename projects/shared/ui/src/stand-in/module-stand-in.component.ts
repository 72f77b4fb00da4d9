import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { AccountRequirement } from '../states/account-type-unavailable-state/account-requirement';
import { AccountGate } from '../states/account-gate/account-gate.component';
import { AccountReady } from '../states/account-gate/account-ready.directive';

/**
 * TEMPORARY placeholder for a route whose module is not built yet: the page title, then, inside
 * the account gate, the selected account (e2e tests read its appid from
 * `data-testid="selected-account-appid"`) and which issue builds the page. Delete once unused.
 */
@Component({
  selector: 'wx-module-stand-in',
  imports: [AccountGate, AccountReady, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'wx-module-stand-in' },
  template: `
    <h1>{{ moduleTitleKey() | transloco }}</h1>
    <wx-account-gate [requires]="requires()">
      <ng-template wxAccountReady let-account>
        <section aria-labelledby="wx-stand-in-account">
          <h2 id="wx-stand-in-account">{{ 'ui.account.current' | transloco }}</h2>
          <dl>
            <dt>{{ 'ui.account.name' | transloco }}</dt>
            <dd>{{ account.name }}</dd>
            <dt>{{ 'ui.account.appid' | transloco }}</dt>
            <dd data-testid="selected-account-appid">{{ account.appid }}</dd>
            <dt>{{ 'ui.account.type' | transloco }}</dt>
            <dd>{{ 'ui.account.types.' + account.type | transloco }}</dd>
            <dt>{{ 'ui.account.verification' | transloco }}</dt>
            <dd>{{ (account.verified ? 'ui.account.verified' : 'ui.account.unverified') | transloco }}</dd>
          </dl>
        </section>
        <p>{{ 'ui.standIn.issue' | transloco: { issue: issue() } }}</p>
      </ng-template>
    </wx-account-gate>
  `,
  styles: `
    :host {
      display: block;
      padding: 1.5rem;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.5rem 1.5rem;
      margin: 0 0 1rem;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
  `,
})
export class ModuleStandIn {
  /** Translation key of the page's title (the module's own key, e.g. `qrCodes.title`). */
  readonly moduleTitleKey = input.required<string>();
  /** The issue that builds the real page. */
  readonly issue = input.required<number>();
  /** What the future page needs from the account, so the stand-in already gates like it will. */
  readonly requires = input<AccountRequirement | null>(null);
}
