import { ChangeDetectionStrategy, Component, Signal, computed } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { EmptyState, injectAccountState } from '@wechat-mfe/ui';

/** What an administrators-only settings page may show; `pending` covers loading, signed out and errors. */
export type AdminGate = 'pending' | 'member' | 'admin';

/**
 * The gate of this module's pages from the shared account context: only administrators allocate
 * accounts and manage sharing (PRODUCT §1). Call in an injection context.
 */
export function injectAdminGate(): Signal<AdminGate> {
  const { access, user } = injectAccountState();
  return computed(() => {
    const state = access();
    if (state === 'loading' || state === 'signed-out' || state === 'error') return 'pending';
    return user()?.role === 'admin' ? 'admin' : 'member';
  });
}

/**
 * "暂无权限" for a member on an administrators-only page: the shared state's title with why and
 * what to do. (The shared `wx-no-permission-state` explains a missing account allocation, which is
 * not the reason here.)
 */
@Component({
  selector: 'wx-admin-only-state',
  imports: [TranslocoPipe, EmptyState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<wx-empty-state data-testid="admin-only" [heading]="'ui.noPermission.title' | transloco" [message]="'common.adminOnly' | transloco" />`,
})
export class AdminOnlyState {}
