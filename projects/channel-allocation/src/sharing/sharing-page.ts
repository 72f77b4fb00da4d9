import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, signal, untracked } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { AccountGate, AccountReady, EmptyState, ErrorState, LoadingState, ProblemMessagePipe, describeProblem, toProblem, type Problem } from '@wechat-mfe/ui';
import { OrganisationApi, type Department, type SharingRule, type SharingRuleInput } from '../data/organisation-api';
import { AccountBadge } from '../shared/account-badge';
import { AdminOnlyState, injectAdminGate } from '../shared/admin-gate';
import { injectBoundAccounts } from '../shared/bound-accounts';
import { SharingRuleForm } from './sharing-rule-form';
import { type SharingIssues, serverIssues } from './sharing-rules';

/** The form: `new`, or the id of the rule being edited. */
type Editing = 'new' | number | null;

/**
 * /settings/contact-sharing (administrators): the rules that share the contacts of given accounts,
 * owned by one department, with other departments (read-only); create, edit, enable or disable,
 * and delete after a confirmation. The WeChat-fan contacts page applies them.
 */
@Component({
  selector: 'wx-sharing-page',
  imports: [TranslocoPipe, ProblemMessagePipe, AccountGate, AccountReady, LoadingState, ErrorState, EmptyState, AdminOnlyState, AccountBadge, SharingRuleForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sharing-page.html',
  styleUrl: './sharing-page.scss',
})
export class SharingPage {
  private readonly api = inject(OrganisationApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly gate = injectAdminGate();
  protected readonly bound = injectBoundAccounts();

  protected readonly rules = signal<SharingRule[] | null>(null);
  protected readonly departments = signal<Department[]>([]);
  protected readonly loadProblem = signal<Problem | null>(null);
  protected readonly departmentNames = computed(() => new Map(this.departments().map((d) => [d.id, d.name])));

  protected readonly editing = signal<Editing>(null);
  protected readonly editingRule = computed(() => {
    const editing = this.editing();
    return typeof editing === 'number' ? (this.rules()?.find((r) => r.id === editing) ?? null) : null;
  });
  protected readonly formIssues = signal<SharingIssues>(new Map());
  /** The edited rule's revision when the form opened: its save applies only over it. */
  private baseRevision: string | null = null;
  /** The edited rule as another administrator saved it meanwhile (the save was refused); the user chooses. */
  protected readonly latest = signal<SharingRule | null>(null);
  protected readonly saving = signal(false);
  /** The rule whose deletion awaits confirmation. */
  protected readonly deleting = signal<number | null>(null);
  /** A refusal of a toggle or a delete, with the rule it concerns. */
  protected readonly rowProblem = signal<{ id: number; problem: Problem } | null>(null);
  protected readonly announcement = signal<{ key: string; name: string } | null>(null);

  constructor() {
    effect(() => {
      if (this.gate() === 'admin' && untracked(() => this.rules() === null && !this.loadProblem())) void this.load();
    });
  }

  protected async load(): Promise<void> {
    this.loadProblem.set(null);
    try {
      const [rules, departments] = await Promise.all([this.api.sharingRules(), this.api.departments()]);
      this.departments.set(departments);
      this.rules.set(rules);
    } catch (error) {
      this.loadProblem.set(toProblem(error));
    }
  }

  protected departmentName(id: string): string {
    return this.departmentNames().get(id) ?? id;
  }

  protected accountsOf(rule: SharingRule) {
    const byAppid = this.bound.byAppid();
    return rule.appids.map((appid) => byAppid.get(appid) ?? { appid, name: appid, type: 'service' as const, verified: true });
  }

  protected open(editing: Editing): void {
    this.formIssues.set(new Map());
    this.deleting.set(null);
    this.latest.set(null);
    this.baseRevision = typeof editing === 'number' ? (this.rules()?.find((r) => r.id === editing)?.revision ?? null) : null;
    this.editing.set(editing);
  }

  protected closeForm(): void {
    const editing = this.editing();
    this.editing.set(null);
    this.focus(typeof editing === 'number' ? `#edit-${editing}` : '#new-rule');
  }

  protected async save(input: SharingRuleInput): Promise<void> {
    const editing = this.editing();
    this.saving.set(true);
    this.formIssues.set(new Map());
    this.latest.set(null);
    try {
      const saved =
        typeof editing === 'number' ? await this.api.updateSharingRule(editing, input, this.baseRevision) : await this.api.createSharingRule(input);
      this.rules.update((rules) => (typeof editing === 'number' ? (rules ?? []).map((r) => (r.id === saved.id ? saved : r)) : [...(rules ?? []), saved]));
      this.announcement.set({ key: typeof editing === 'number' ? 'sharing.updated' : 'sharing.created', name: saved.name });
      this.editing.set(null);
      this.focus(`#edit-${saved.id}`);
    } catch (error) {
      const problem = toProblem(error);
      const latest = problem.code === 'STALE' && typeof editing === 'number' ? await this.latestOf(editing) : null;
      // Not put into `rules` yet: the form's fields follow the edited rule and would lose what was typed.
      if (latest) this.latest.set(latest);
      else this.formIssues.set(this.issuesOf(problem));
    } finally {
      this.saving.set(false);
    }
  }

  private async latestOf(id: number): Promise<SharingRule | null> {
    try {
      return (await this.api.sharingRules()).find((r) => r.id === id) ?? null;
    } catch {
      return null;
    }
  }

  /** Save the form's values over the version another administrator saved meanwhile. */
  protected overwrite(input: SharingRuleInput): void {
    this.baseRevision = this.latest()?.revision ?? this.baseRevision;
    void this.save(input);
  }

  /** Show that version instead: it becomes the edited rule, which resets the form's fields. */
  protected takeLatest(): void {
    const latest = this.latest();
    if (!latest) return;
    this.baseRevision = latest.revision;
    this.rules.update((rules) => (rules ?? []).map((r) => (r.id === latest.id ? latest : r)));
    this.latest.set(null);
  }

  protected async toggle(rule: SharingRule): Promise<void> {
    this.rowProblem.set(null);
    const { name, sourceDepartmentId, appids, targetDepartmentIds } = rule;
    try {
      const saved = await this.api.updateSharingRule(rule.id, { name, sourceDepartmentId, appids, targetDepartmentIds, enabled: !rule.enabled }, rule.revision);
      this.rules.update((rules) => (rules ?? []).map((r) => (r.id === saved.id ? saved : r)));
      this.announcement.set({ key: saved.enabled ? 'sharing.enabledNow' : 'sharing.disabledNow', name: saved.name });
    } catch (error) {
      const problem = toProblem(error);
      // Changed meanwhile: the row shows the rule as it is now, and says why nothing was switched.
      const latest = problem.code === 'STALE' ? await this.latestOf(rule.id) : null;
      if (latest) this.rules.update((rules) => (rules ?? []).map((r) => (r.id === latest.id ? latest : r)));
      this.rowProblem.set({ id: rule.id, problem });
    }
  }

  protected askDelete(rule: SharingRule): void {
    this.editing.set(null);
    this.rowProblem.set(null);
    this.deleting.set(rule.id);
    this.focus(`#delete-confirm-${rule.id}`);
  }

  protected cancelDelete(id: number): void {
    this.deleting.set(null);
    this.focus(`#delete-${id}`);
  }

  protected async confirmDelete(rule: SharingRule): Promise<void> {
    try {
      await this.api.deleteSharingRule(rule.id);
      this.rules.update((rules) => (rules ?? []).filter((r) => r.id !== rule.id));
      this.deleting.set(null);
      this.announcement.set({ key: 'sharing.deleted', name: rule.name });
      this.focus('#new-rule');
    } catch (error) {
      this.rowProblem.set({ id: rule.id, problem: toProblem(error) });
    }
  }

  /** A refusal of the form: field errors on their fields, a duplicate or anything else above the buttons. */
  private issuesOf(problem: Problem): SharingIssues {
    if (problem.code === 'VALIDATION' && problem.errors?.length) return serverIssues(problem.errors);
    if (problem.code === 'CONFLICT') return new Map([['rule', { key: 'sharing.errors.duplicateServer' }]]);
    const message = describeProblem(problem);
    return new Map([['rule', { key: message.key, params: message.params }]]);
  }

  private focus(selector: string): void {
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus());
  }
}
