import { ChangeDetectionStrategy, Component, computed, contentChild, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NgTemplateOutlet } from '@angular/common';
import { ACCOUNT_CONTEXT } from '../../i18n/account-context';
import { Problem, toProblem } from '../../problems/problem';
import { AccountRequirement, meetsRequirement } from '../account-type-unavailable-state/account-requirement';
import { AccountTypeUnavailableState } from '../account-type-unavailable-state/account-type-unavailable-state.component';
import { ErrorState } from '../error-state/error-state.component';
import { LoadingState } from '../loading-state/loading-state.component';
import { NoPermissionState } from '../no-permission-state/no-permission-state.component';
import { NotBoundState } from '../not-bound-state/not-bound-state.component';
import { AccountReady } from './account-ready.directive';

// A signed-out user sees the same message a 401 would give; the shell owns signing in.
const SIGNED_OUT: Problem = { code: 'UNAUTHENTICATED', status: 401 };

/**
 * The wrapper of every WeChat page: shows loading, error (with retry), not bound, no permission,
 * or "not available for this account" from the shared account context, and the page otherwise.
 * It follows the context live: switching to an eligible account shows the page again, no reload.
 *
 * Put page content in `<ng-template wxAccountReady let-account>` so it is created only when the
 * gate opens (and gets the selected account); plain projected content also works, but Angular
 * creates it even while the gate shows a state. Keep the page's `<h1>` outside the gate.
 */
@Component({
  selector: 'wx-account-gate',
  imports: [
    NgTemplateOutlet,
    LoadingState,
    ErrorState,
    NotBoundState,
    NoPermissionState,
    AccountTypeUnavailableState,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // data-gate and data-appid say what the page shows: tests and the bench wait for
  // `wx-account-gate[data-gate="ready"][data-appid="…"]` whatever the module's own markup.
  host: {
    class: 'wx-account-gate',
    '[attr.data-gate]': 'view()',
    '[attr.data-appid]': "view() === 'ready' ? selected()?.appid : null",
  },
  template: `
    @switch (view()) {
      @case ('loading') {
        <wx-loading-state />
      }
      @case ('error') {
        <wx-error-state [problem]="problem()" (retry)="retry()" />
      }
      @case ('not-bound') {
        <wx-not-bound-state [canBind]="state().user?.role === 'admin'" />
      }
      @case ('no-permission') {
        <wx-no-permission-state [department]="state().user?.department?.name ?? null" />
      }
      @case ('unavailable') {
        <wx-account-type-unavailable-state [account]="selected()!" [requirement]="requires()!" />
      }
      @case ('ready') {
        @if (ready(); as ready) {
          <ng-container *ngTemplateOutlet="ready.template; context: { $implicit: selected()! }" />
        }
        <ng-content />
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
  `,
})
export class AccountGate {
  /** What the page's feature needs from the selected account (see `WECHAT_FEATURES`); none by default. */
  readonly requires = input<AccountRequirement | null>(null);

  private readonly context = inject(ACCOUNT_CONTEXT);
  protected readonly ready = contentChild(AccountReady);
  protected readonly state = toSignal(this.context.state$, { initialValue: this.context.snapshot });
  // Recomputed on every state change, but equal results (same account object) notify nobody.
  protected readonly selected = computed(() => {
    const { accounts, selectedAppid } = this.state();
    return accounts.find((a) => a.appid === selectedAppid) ?? null;
  });

  /** Which state is shown; also exposed as `data-gate` for tests and styling. */
  protected readonly view = computed(() => {
    const access = this.state().access;
    if (access === 'signed-out' || access === 'error') return 'error';
    if (access !== 'ready') return access;
    const account = this.selected();
    // `ready` with no selection cannot last: the context always selects one of the user's accounts.
    if (!account) return 'loading';
    return meetsRequirement(account, this.requires()) ? 'ready' : 'unavailable';
  });

  protected readonly problem = computed(() =>
    this.state().access === 'signed-out' ? SIGNED_OUT : toProblem(this.state().error),
  );

  protected retry(): void {
    void this.context.refresh();
  }
}
