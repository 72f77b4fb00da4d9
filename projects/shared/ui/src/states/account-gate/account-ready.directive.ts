import { Directive, TemplateRef, inject } from '@angular/core';
import type { WechatAccount } from '@wechat-mfe/account-context';

/** What `<ng-template wxAccountReady let-account>` receives: the selected account, never null. */
export interface AccountReadyContext {
  readonly $implicit: WechatAccount;
}

/**
 * Marks the content of a `wx-account-gate` that must exist only while the gate is open:
 * `<ng-template wxAccountReady let-account>…</ng-template>`. Unlike projected content (which
 * Angular creates even while hidden), nothing inside is created, and so nothing requests data,
 * while the gate shows a state instead.
 */
@Directive({ selector: 'ng-template[wxAccountReady]' })
export class AccountReady {
  /** The template the gate renders. */
  readonly template: TemplateRef<AccountReadyContext> = inject(TemplateRef);

  static ngTemplateContextGuard(_directive: AccountReady, context: unknown): context is AccountReadyContext {
    return true;
  }
}
