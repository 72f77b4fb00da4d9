import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, input, linkedSignal, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { WechatAccount } from '@wechat-mfe/account-context';
import { ProblemMessagePipe, StaleNotice, type Problem, focusAfterRender } from '@wechat-mfe/ui';
import type { Department } from '../data/organisation-api';
import { AccountBadge } from '../shared/account-badge';
import { sameAllocation, toggled } from './allocation-tree';

/**
 * Configure one department: a checkbox per bound account, saved as a whole (the suite replaces
 * the allocation). A refusal is shown under the list and the ticks stay as the user left them.
 */
@Component({
  selector: 'wx-department-editor',
  imports: [TranslocoPipe, ProblemMessagePipe, AccountBadge, StaleNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'department-editor', '(keydown.escape)': 'cancelled.emit()' },
  template: `
    <form (submit)="$event.preventDefault(); save()">
      <fieldset>
        <legend>{{ 'allocation.editor.legend' | transloco: { department: department().name } }}</legend>
        @for (account of accounts(); track account.appid) {
          <label class="option">
            <input
              type="checkbox"
              [checked]="selection().includes(account.appid)"
              (change)="toggle(account.appid, $any($event.target).checked)"
            />
            <wx-account-badge [account]="account" />
          </label>
        } @empty {
          <p class="muted">{{ 'allocation.editor.noAccounts' | transloco }}</p>
        }
      </fieldset>
      @if (problem(); as problem) {
        @let message = problem | problemMessage;
        <p class="error" role="alert">{{ message.key | transloco: message.params }}</p>
      }
      @if (latest()) {
        <wx-stale-notice (keepMine)="overwrite.emit(selection())" (takeTheirs)="tookLatest.emit()" />
      }
      <div class="actions">
        <button class="wx-button filled" type="submit" [disabled]="saving() || unchanged()">
          {{ (saving() ? 'allocation.editor.saving' : 'allocation.editor.save') | transloco }}
        </button>
        <button class="wx-button" type="button" (click)="cancelled.emit()">{{ 'common.cancel' | transloco }}</button>
      </div>
    </form>
  `,
  styles: `
    :host {
      display: block;
      margin-top: 12px;
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      background: var(--mat-sys-surface-container-low);
    }
    fieldset {
      display: grid;
      gap: 8px;
      margin: 0;
      padding: 0;
      border: 0;
    }
    legend {
      margin-bottom: 8px;
      font: var(--mat-sys-title-small);
    }
    .option {
      display: flex;
      align-items: center;
      gap: 8px;
      cursor: pointer;
    }
    .option input {
      margin: 0;
    }
    .error {
      margin: 8px 0 0;
      color: var(--mat-sys-error);
    }
    .muted {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      gap: 8px;
      margin-top: 12px;
    }
  `,
})
export class DepartmentEditor {
  readonly department = input.required<Department>();
  /** Every bound account, in the switcher's order. */
  readonly accounts = input.required<readonly WechatAccount[]>();
  /** The suite's refusal of the last save, if any. */
  readonly problem = input<Problem | null>(null);
  readonly saving = input(false);
  /** The department as another administrator allocated it after this editor opened (the save was refused). */
  readonly latest = input<Department | null>(null);
  readonly saved = output<string[]>();
  /** Save these ticks over `latest`. */
  readonly overwrite = output<string[]>();
  /** Show `latest` instead: the page makes it the department, which resets the ticks. */
  readonly tookLatest = output<void>();
  readonly cancelled = output<void>();

  /** The ticked accounts; starts from the department's allocation. */
  protected readonly selection = linkedSignal<string[]>(() => [...this.department().appids]);
  protected readonly unchanged = computed(() => sameAllocation(this.selection(), this.department().appids));

  constructor() {
    const host = inject<ElementRef<HTMLElement>>(ElementRef);
    // Keyboard users land on the first checkbox when the editor opens.
    focusAfterRender(host.nativeElement, 'input[type="checkbox"]');
  }

  protected toggle(appid: string, on: boolean): void {
    this.selection.update((selection) => toggled(selection, appid, on, this.accounts().map((a) => a.appid)));
  }

  protected save(): void {
    if (!this.saving() && !this.unchanged()) this.saved.emit(this.selection());
  }
}
