import { ChangeDetectionStrategy, Component, DestroyRef, Injector, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { DecimalPipe } from '@angular/common';
import { TranslocoPipe } from '@jsverse/transloco';
import type { WechatAccount } from '@wechat-mfe/account-context';
import type { Job } from '@wechat-mfe/suite-api';
import {
  ACCOUNT_CONTEXT,
  EmptyState,
  ErrorState,
  JobProgress,
  LoadingState,
  Prefetch,
  injectAccountState,
  toProblem,
  type Problem,
} from '@wechat-mfe/ui';
import { BindingService } from './binding.service';
import { openUnbindDialog, prefetchUnbindDialog } from './open-unbind';

/**
 * Enterprise settings › WeChat accounts. Administrators bind (through WeChat's authorization page),
 * re-authorize and unbind; everyone else sees the list read-only.
 */
@Component({
  selector: 'wx-wechat-accounts-page',
  imports: [DecimalPipe, TranslocoPipe, EmptyState, ErrorState, JobProgress, LoadingState, Prefetch],
  templateUrl: './wechat-accounts-page.html',
  styleUrl: './wechat-accounts-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WechatAccountsPage {
  private readonly context = inject(ACCOUNT_CONTEXT);
  private readonly binding = inject(BindingService);
  private readonly injector = inject(Injector);
  /** The unbind dialog is loading (its code comes on first use): a second click must not open another. */
  private opening = false;
  protected readonly state = injectAccountState();
  protected readonly accounts = toSignal(this.context.accounts$, { initialValue: this.context.snapshot.accounts });
  protected readonly isAdmin = computed(() => this.state.user()?.role === 'admin');
  protected readonly busy = signal(false);
  protected readonly prefetchUnbind = prefetchUnbindDialog;
  protected readonly problem = signal<Problem | null>(null);
  /** Why the context could not load the accounts (the same message other pages give for it). */
  protected readonly contextProblem = computed(() => (this.state.access() === 'error' ? toProblem(this.context.snapshot.error) : null));
  /** The user's department has no account while the organisation has some: not an empty organisation. */
  protected readonly noPermission = computed(() => this.state.access() === 'no-permission');
  /** The account just authorized (back from WeChat's page) and its follower import. */
  protected readonly authorized = signal<{ appid: string; job: Job | null } | null>(null);
  protected readonly notice = signal<{ key: string; params: Record<string, unknown> } | null>(null);
  protected readonly authorizedName = computed(() => {
    const appid = this.authorized()?.appid;
    return this.accounts().find((a) => a.appid === appid)?.name ?? appid ?? '';
  });

  constructor() {
    const params = new URLSearchParams(location.search);
    const appid = params.get('authorized');
    const jobId = params.get('job');
    if (appid) this.followImport(appid, jobId);
    // "Click to authorize" on an empty WeChat page lands here with ?bind=1: go straight to WeChat.
    if (params.get('bind') === '1' && this.context.snapshot.user?.role === 'admin') void this.bind();
  }

  protected async bind(appid?: string): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      location.assign(await this.binding.authorizeUrl(appid));
    } catch (error) {
      this.problem.set(toProblem(error));
      this.busy.set(false);
    }
  }

  protected async openUnbind(account: WechatAccount): Promise<void> {
    if (this.opening) return;
    this.opening = true;
    try {
      if (await openUnbindDialog(this.injector, { account })) this.notice.set({ key: 'accounts.unbound', params: { name: account.name } });
    } catch (error) {
      // The dialog's code could not be loaded (network): say so where the page reports a failed action.
      this.problem.set(toProblem(error));
    } finally {
      this.opening = false;
    }
  }

  protected retry(): void {
    void this.context.refresh();
  }

  private followImport(appid: string, jobId: string | null): void {
    this.authorized.set({ appid, job: null });
    // The query string did its job; a reload must not replay the banner.
    history.replaceState(history.state, '', location.pathname);
    if (!jobId) return;
    const subscription = this.binding.importProgress(jobId).subscribe({
      next: (job) => {
        this.authorized.set({ appid, job });
        if (job.status === 'succeeded') void this.context.refresh();
      },
      error: (error) => this.problem.set(toProblem(error)),
    });
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }
}
