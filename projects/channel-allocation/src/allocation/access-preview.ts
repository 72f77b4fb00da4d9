import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { WechatAccount } from '@wechat-mfe/account-context';
import { Field, FieldControl } from '@wechat-mfe/ui';
import type { Department, SuiteUser } from '../data/organisation-api';
import { AccountBadge } from '../shared/account-badge';
import { effectiveAccess } from './effective-access';

/**
 * "Effective access": pick a user, see which accounts they can use and why (administrator, or
 * allocated to their department), and which of their parent departments' accounts they do not
 * inherit. Computed here from the page's departments, users and bound accounts, so it follows
 * every allocation saved on the page at once (see effective-access.ts).
 */
@Component({
  selector: 'wx-access-preview',
  imports: [TranslocoPipe, Field, FieldControl, AccountBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <wx-field class="user" [label]="'allocation.preview.user' | transloco">
      <select wxFieldControl (change)="userId.set($any($event.target).value)">
        <option value="" [selected]="!userId()">{{ 'allocation.preview.pick' | transloco }}</option>
        @for (user of users(); track user.id) {
          <option [value]="user.id" [selected]="user.id === userId()">
            {{ user.name }} ({{ user.username }}) · {{ user.department?.name ?? ('allocation.preview.noDepartment' | transloco) }}
          </option>
        }
      </select>
    </wx-field>

    <div class="result" aria-live="polite" data-testid="access-preview">
      @if (picked(); as user) {
        @let access = result()!;
        @if (user.role === 'admin') {
          <p class="summary">{{ 'allocation.preview.admin' | transloco: { name: user.name } }}</p>
        } @else if (access.usable.length) {
          <p class="summary">{{ 'allocation.preview.count' | transloco: { name: user.name, count: access.usable.length } }}</p>
        } @else {
          <p class="summary flag">{{ 'allocation.preview.none' | transloco: { name: user.name } }}</p>
        }
        @if (access.usable.length) {
          <ul class="accounts" [attr.aria-label]="'allocation.preview.usable' | transloco">
            @for (entry of access.usable; track entry.appid) {
              @if (byAppid().get(entry.appid); as account) {
                <li>
                  <wx-account-badge [account]="account" />
                  <span class="reason">
                    @if (entry.reason.kind === 'administrator') {
                      {{ 'allocation.preview.reasonAdmin' | transloco }}
                    } @else {
                      {{ 'allocation.preview.reasonAllocated' | transloco: { department: entry.reason.department } }}
                    }
                  </span>
                </li>
              }
            }
          </ul>
        }
        @if (access.notInherited.length) {
          <ul class="accounts not-inherited" [attr.aria-label]="'allocation.preview.notInheritedList' | transloco">
            @for (entry of access.notInherited; track entry.appid) {
              @if (byAppid().get(entry.appid); as account) {
                <li>
                  <wx-account-badge [account]="account" />
                  <span class="reason">{{ 'allocation.preview.reasonNotInherited' | transloco: { department: entry.department } }}</span>
                </li>
              }
            }
          </ul>
        }
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .user {
      max-width: 420px;
    }
    .summary {
      margin: 8px 0;
    }
    .flag {
      color: var(--mat-sys-error);
    }
    .accounts {
      display: grid;
      gap: 6px;
      margin: 0 0 8px;
      padding: 0;
      list-style: none;
    }
    .accounts li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .reason {
      color: var(--mat-sys-on-surface-variant);
    }
    .not-inherited .reason {
      color: var(--mat-sys-error);
    }
  `,
})
export class AccessPreview {
  readonly users = input.required<readonly SuiteUser[]>();
  readonly departments = input.required<readonly Department[]>();
  /** Every bound account, in the switcher's order. */
  readonly accounts = input.required<readonly WechatAccount[]>();

  protected readonly userId = signal('');
  protected readonly picked = computed(() => this.users().find((u) => u.id === this.userId()) ?? null);
  protected readonly byAppid = computed(() => new Map(this.accounts().map((a) => [a.appid, a])));
  protected readonly result = computed(() => {
    const user = this.picked();
    return user ? effectiveAccess(user, this.departments(), this.accounts().map((a) => a.appid)) : null;
  });
}
