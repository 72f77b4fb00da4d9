import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { WechatAccount } from '@wechat-mfe/account-context';
import { Field, FieldControl, FieldHint, StaleNotice, focusAfterRender } from '@wechat-mfe/ui';
import type { Department, SharingRule, SharingRuleInput } from '../data/organisation-api';
import { AccountBadge } from '../shared/account-badge';
import { toggled } from '../allocation/allocation-tree';
import { SHARING_NAME_MAX, type SharingIssues, sharingRuleIssues } from './sharing-rules';

let nextFormId = 0;

/**
 * Create or edit a contact-sharing rule: name, owner department, its accounts and the departments
 * that see their contacts (read-only). Checked like the suite checks it before sending; the
 * suite's own refusals (`issues` from the page) show on the same fields. What was typed stays.
 */
@Component({
  selector: 'wx-sharing-rule-form',
  imports: [TranslocoPipe, Field, FieldControl, FieldHint, AccountBadge, StaleNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(keydown.escape)': 'cancelled.emit()' },
  templateUrl: './sharing-rule-form.html',
  styleUrl: './sharing-rule-form.scss',
})
export class SharingRuleForm {
  /** The rule to edit; null for a new one. */
  readonly rule = input<SharingRule | null>(null);
  readonly departments = input.required<readonly Department[]>();
  /** Every bound account, in the switcher's order. */
  readonly accounts = input.required<readonly WechatAccount[]>();
  /** Every rule, for the duplicate check. */
  readonly rules = input.required<readonly SharingRule[]>();
  /** The suite's refusal of the last save, by field. */
  readonly serverIssues = input<SharingIssues>(new Map());
  readonly saving = input(false);
  /** The rule as another administrator saved it after this form opened (the save was refused), or null. */
  readonly latest = input<SharingRule | null>(null);
  readonly saved = output<SharingRuleInput>();
  /** Save the form's values over `latest`. */
  readonly overwrite = output<SharingRuleInput>();
  /** Show `latest` instead: the page makes it the edited rule, which resets the fields. */
  readonly tookLatest = output<void>();
  readonly cancelled = output<void>();

  protected readonly ids = { heading: `sharing-form-${nextFormId++}` };
  protected readonly nameMax = SHARING_NAME_MAX;
  protected readonly name = linkedSignal(() => this.rule()?.name ?? '');
  protected readonly source = linkedSignal(() => this.rule()?.sourceDepartmentId ?? '');
  protected readonly appids = linkedSignal<string[]>(() => [...(this.rule()?.appids ?? [])]);
  protected readonly targets = linkedSignal<string[]>(() => [...(this.rule()?.targetDepartmentIds ?? [])]);
  protected readonly enabled = linkedSignal(() => this.rule()?.enabled ?? true);
  /** Client issues appear after the first attempt to save, then follow each change. */
  private readonly attempted = signal(false);

  protected readonly draft = computed<SharingRuleInput>(() => ({
    name: this.name(),
    sourceDepartmentId: this.source(),
    appids: this.appids(),
    targetDepartmentIds: this.targets(),
    enabled: this.enabled(),
  }));
  protected readonly issues = computed<SharingIssues>(() => {
    const own = this.attempted() ? sharingRuleIssues(this.draft(), this.rules(), this.rule()?.id ?? null) : new Map();
    return new Map([...this.serverIssues(), ...own]);
  });

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  constructor() {
    focusAfterRender(this.host.nativeElement, 'input');
  }

  protected length(text: string): number {
    return [...text.trim()].length;
  }

  protected toggleAccount(appid: string, on: boolean): void {
    this.appids.update((list) => toggled(list, appid, on, this.accounts().map((a) => a.appid)));
  }

  protected toggleTarget(id: string, on: boolean): void {
    this.targets.update((list) => toggled(list, id, on, this.departments().map((d) => d.id)));
  }

  protected save(): void {
    this.attempted.set(true);
    const issues = sharingRuleIssues(this.draft(), this.rules(), this.rule()?.id ?? null);
    if (issues.size) {
      // Take the user to the first problem.
      setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>('[aria-invalid="true"], .invalid input, .form-error')?.focus());
      return;
    }
    this.saved.emit({ ...this.draft(), name: this.name().trim() });
  }

  protected keepMine(): void {
    this.overwrite.emit({ ...this.draft(), name: this.name().trim() });
  }
}
