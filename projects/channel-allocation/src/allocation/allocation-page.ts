import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import { filter } from 'rxjs';
import { ACCOUNT_CONTEXT, AccountGate, AccountReady, ErrorState, LoadingState, ProblemMessagePipe, toProblem, type Problem } from '@wechat-mfe/ui';
import { OrganisationApi, type Department, type SuiteUser } from '../data/organisation-api';
import { AccountBadge } from '../shared/account-badge';
import { AdminOnlyState, injectAdminGate } from '../shared/admin-gate';
import { injectBoundAccounts } from '../shared/bound-accounts';
import { AccessPreview } from './access-preview';
import { type DepartmentRow, departmentRows, withParentAllocation } from './allocation-tree';
import { DepartmentEditor } from './department-editor';

/** What the page announces in its live region after a change. */
interface Announcement {
  readonly key: string;
  readonly department: string;
}

/**
 * /settings/channel-allocation (administrators): the department tree with each department's
 * accounts, configure one department, "copy the parent's allocation" after a confirmation, and
 * the effective-access preview. Saves take effect at once for signed-in users (the suite emits
 * `allocation`; their account context refreshes).
 */
@Component({
  selector: 'wx-allocation-page',
  imports: [TranslocoPipe, ProblemMessagePipe, AccountGate, AccountReady, LoadingState, ErrorState, AdminOnlyState, AccountBadge, DepartmentEditor, AccessPreview],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './allocation-page.html',
  styleUrl: './allocation-page.scss',
})
export class AllocationPage {
  private readonly api = inject(OrganisationApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly gate = injectAdminGate();
  protected readonly bound = injectBoundAccounts();

  protected readonly departments = signal<Department[] | null>(null);
  protected readonly users = signal<SuiteUser[]>([]);
  protected readonly loadProblem = signal<Problem | null>(null);
  protected readonly rows = computed(() => departmentRows(this.departments() ?? []));

  /** The department being configured, and the refusal of its last save. */
  protected readonly editing = signal<string | null>(null);
  protected readonly editProblem = signal<Problem | null>(null);
  /** The edited department as another administrator allocated it meanwhile (the save was refused). */
  protected readonly editLatest = signal<Department | null>(null);
  /** The department whose "copy the parent's allocation" awaits confirmation, and its refusal. */
  protected readonly copying = signal<string | null>(null);
  protected readonly copyProblem = signal<Problem | null>(null);
  protected readonly saving = signal(false);
  protected readonly announcement = signal<Announcement | null>(null);

  constructor() {
    // Members never ask: the suite would refuse them anyway (FORBIDDEN_ROLE).
    effect(() => {
      if (this.gate() === 'admin' && untracked(() => this.departments() === null && !this.loadProblem())) void this.load();
    });
    // Another administrator (or another tab) changed an allocation: show it.
    inject(ACCOUNT_CONTEXT)
      .events$.pipe(
        filter((event) => event.type === 'allocation'),
        takeUntilDestroyed(),
      )
      .subscribe(() => void this.refreshDepartments());
  }

  /** Reloads the tree, keeping the department being configured as it is so its ticks survive. */
  private async refreshDepartments(): Promise<void> {
    if (this.departments() === null) return;
    try {
      const fresh = await this.api.departments();
      const editing = this.editing();
      this.departments.update((old) => fresh.map((d) => (d.id === editing ? (old?.find((o) => o.id === d.id) ?? d) : d)));
    } catch {
      // The next event or a reload will catch up; the tree on screen stays usable.
    }
  }

  protected async load(): Promise<void> {
    this.loadProblem.set(null);
    try {
      const [departments, users] = await Promise.all([this.api.departments(), this.api.users()]);
      this.departments.set(departments);
      this.users.set(users);
    } catch (error) {
      this.loadProblem.set(toProblem(error));
    }
  }

  protected accountsOf(row: DepartmentRow) {
    const byAppid = this.bound.byAppid();
    return row.department.appids.flatMap((appid) => byAppid.get(appid) ?? []);
  }

  protected namesOf(appids: readonly string[]): string {
    const byAppid = this.bound.byAppid();
    return appids.map((appid) => byAppid.get(appid)?.name ?? appid).join('、');
  }

  protected configure(row: DepartmentRow): void {
    this.copying.set(null);
    this.editProblem.set(null);
    this.editLatest.set(null);
    this.editing.update((id) => (id === row.department.id ? null : row.department.id));
  }

  protected closeEditor(departmentId: string): void {
    this.editing.set(null);
    this.editLatest.set(null);
    this.focus(`#configure-${departmentId}`);
  }

  protected async saveAllocation(department: Department, appids: string[]): Promise<void> {
    if (await this.save(department, appids, this.editProblem, 'allocation.saved')) this.closeEditor(department.id);
  }

  /** Save the ticks over the allocation another administrator saved meanwhile. */
  protected async overwriteAllocation(department: Department, appids: string[]): Promise<void> {
    const latest = this.editLatest();
    if (latest && (await this.save(latest, appids, this.editProblem, 'allocation.saved'))) this.closeEditor(department.id);
  }

  /** Show that allocation instead: it becomes the department, which resets the editor's ticks. */
  protected takeLatestAllocation(): void {
    const latest = this.editLatest();
    if (!latest) return;
    this.departments.update((list) => (list ?? []).map((d) => (d.id === latest.id ? latest : d)));
    this.editLatest.set(null);
  }

  protected askCopy(row: DepartmentRow): void {
    this.editing.set(null);
    this.copyProblem.set(null);
    this.copying.set(row.department.id);
    this.focus(`#copy-confirm-${row.department.id}`);
  }

  protected cancelCopy(departmentId: string): void {
    this.copying.set(null);
    this.focus(`#copy-${departmentId}`);
  }

  protected async confirmCopy(row: DepartmentRow): Promise<void> {
    if (!row.parent) return;
    if (await this.save(row.department, withParentAllocation(row.department, row.parent), this.copyProblem, 'allocation.copied')) {
      this.copying.set(null);
      this.focus(`#configure-${row.department.id}`);
    }
  }

  /**
   * PUTs the allocation over `department`'s revision; on success replaces the department, else keeps
   * everything and shows why. Refused as stale (another administrator saved meanwhile): the editor
   * offers both versions; a copy of the parent's allocation shows the department as it is now.
   */
  private async save(department: Department, appids: string[], problem: typeof this.editProblem, announce: string): Promise<boolean> {
    this.saving.set(true);
    problem.set(null);
    this.editLatest.set(null);
    try {
      const updated = await this.api.updateAllocation(department.id, appids, department.revision);
      this.departments.update((list) => (list ?? []).map((d) => (d.id === updated.id ? updated : d)));
      this.announcement.set({ key: announce, department: updated.name });
      return true;
    } catch (error) {
      const refusal = toProblem(error);
      const latest = refusal.code === 'STALE' ? await this.latestOf(department.id) : null;
      if (latest && problem === this.editProblem) this.editLatest.set(latest);
      else {
        if (latest) this.departments.update((list) => (list ?? []).map((d) => (d.id === latest.id ? latest : d)));
        problem.set(refusal);
      }
      return false;
    } finally {
      this.saving.set(false);
    }
  }

  private async latestOf(id: string): Promise<Department | null> {
    try {
      return (await this.api.departments()).find((d) => d.id === id) ?? null;
    } catch {
      return null;
    }
  }

  /** Moves focus after the view updated (the target may only now exist). */
  private focus(selector: string): void {
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus());
  }
}
