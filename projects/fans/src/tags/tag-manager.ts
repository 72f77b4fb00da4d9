import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, input, output, signal } from '@angular/core';
import { DecimalPipe } from '@angular/common';
import { A11yModule } from '@angular/cdk/a11y';
import { TranslocoPipe } from '@jsverse/transloco';
import { ErrorState, StaleNotice, toProblem, type Problem } from '@wechat-mfe/ui';
import { FanActionsApi, type FanTag } from '../data/fan-actions-api';
import { FanProblemPipe } from '../data/fan-problems';
import { TagDirectory } from './tag-directory';
import { TAG_NAME_MAX, tagNameLength } from './tag-rules';

/** WeChat's answer to a name another tag has, known here from the loaded list. */
const DUPLICATE_NAME: Problem = { code: 'WECHAT_45157' };

/**
 * The account's tags in a side panel over the fans page: counts, create, rename inline, delete
 * after a confirmation. WeChat's reserved tags show why they cannot change. Errors stay next to
 * the field they concern, and the typed name is kept. A rename is saved over the name it started from:
 * a colleague's rename meanwhile is shown and the user chooses (ADR 0024).
 */
@Component({
  selector: 'wx-fan-tag-manager',
  imports: [DecimalPipe, A11yModule, TranslocoPipe, FanProblemPipe, ErrorState, StaleNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './tag-manager.html',
  styleUrl: './tag-manager.scss',
  host: { '(keydown.escape)': 'closed.emit()' },
})
export class TagManager {
  readonly appid = input.required<string>();
  readonly closed = output<void>();
  /** A tag was created, renamed or deleted: fans' tags may read differently. */
  readonly changed = output<void>();

  private readonly api = inject(FanActionsApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly directory = inject(TagDirectory);
  protected readonly max = TAG_NAME_MAX;
  protected readonly length = tagNameLength;

  protected readonly newName = signal('');
  protected readonly createProblem = signal<Problem | null>(null);
  protected readonly editing = signal<{ id: number; name: string; revision: string } | null>(null);
  protected readonly renameProblem = signal<Problem | null>(null);
  /** The name a colleague gave the tag after this rename started (the save was refused as `STALE`). */
  protected readonly renameLatest = signal<{ name: string; revision: string } | null>(null);
  protected readonly confirming = signal<number | null>(null);
  protected readonly deleteProblem = signal<{ id: number; problem: Problem } | null>(null);
  /** The reserved tag whose "why not" is shown. */
  protected readonly reservedNote = signal<number | null>(null);
  protected readonly busy = signal(false);
  /** Announced after a change (a live region), e.g. "Tag “VIP” deleted". */
  protected readonly done = signal<{ key: string; name: string } | null>(null);
  protected readonly full = computed(() => this.directory.tags().length >= this.directory.limit());

  protected tooLong(name: string): boolean {
    return tagNameLength(name) > TAG_NAME_MAX;
  }

  protected typeNew(value: string): void {
    this.newName.set(value);
    this.createProblem.set(null);
  }

  protected async create(): Promise<void> {
    const name = this.newName();
    if (!name.trim() || this.tooLong(name) || this.busy()) return;
    // WeChat would refuse a name the loaded list already has (45157): say so without the round trip.
    if (this.taken(name)) {
      this.createProblem.set(DUPLICATE_NAME);
      this.focus('#tag-new');
      return;
    }
    await this.act(
      () => this.api.createTag(this.appid(), name),
      (tag) => {
        this.newName.set('');
        this.done.set({ key: 'tagManager.created', name: tag.name });
      },
      (problem) => {
        this.createProblem.set(problem);
        // The disabled button lost focus to <body> while the request ran (and Escape with it).
        this.focus('#tag-new');
      },
    );
  }

  /** Whether another loaded tag has this name, compared as WeChat does (trimmed, exact). */
  private taken(name: string, exceptId?: number): boolean {
    const trimmed = name.trim();
    return this.directory.tags().some((t) => t.id !== exceptId && t.name === trimmed);
  }

  protected startRename(tag: FanTag): void {
    if (tag.reserved) {
      this.reservedNote.set(tag.id);
      return;
    }
    this.reservedNote.set(null);
    this.confirming.set(null);
    this.renameProblem.set(null);
    this.renameLatest.set(null);
    this.editing.set({ id: tag.id, name: tag.name, revision: tag.revision });
  }

  protected typeRename(value: string): void {
    this.editing.update((e) => (e ? { ...e, name: value } : e));
    this.renameProblem.set(null);
  }

  protected async saveRename(): Promise<void> {
    const edit = this.editing();
    if (!edit || this.renameLatest()) return;
    await this.saveRenameOver(edit.revision);
  }

  /** Saves the typed name over `revision`: the one the rename started from, or the latest (keep mine). */
  protected async saveRenameOver(revision: string): Promise<void> {
    const edit = this.editing();
    if (!edit || !edit.name.trim() || this.tooLong(edit.name) || this.busy()) return;
    const field = `#tag-rename-${edit.id}`;
    if (this.taken(edit.name, edit.id)) {
      this.renameProblem.set(DUPLICATE_NAME);
      this.focus(field);
      return;
    }
    await this.act(
      () => this.api.renameTag(this.appid(), edit.id, edit.name, revision),
      (tag) => {
        this.editing.set(null);
        this.renameLatest.set(null);
        this.done.set({ key: 'tagManager.renamed', name: tag.name });
        this.focus(`[data-tag-id="${tag.id}"] button`);
      },
      (problem) => {
        if (problem.code === 'STALE') void this.showLatestName(edit.id);
        else {
          this.renameProblem.set(problem);
          this.focus(field);
        }
      },
    );
  }

  /** Use theirs: the edit closes on the name the colleague gave. */
  protected takeTheirName(id: number): void {
    this.renameLatest.set(null);
    this.editing.set(null);
    this.focus(`[data-tag-id="${id}"] button`);
  }

  private async showLatestName(id: number): Promise<void> {
    await this.directory.reload();
    const latest = this.directory.tags().find((t) => t.id === id);
    // Deleted meanwhile: its row is gone with the reload, and so is the edit.
    if (!latest) this.editing.set(null);
    else this.renameLatest.set({ name: latest.name, revision: latest.revision });
  }

  protected askDelete(tag: FanTag): void {
    if (tag.reserved) {
      this.reservedNote.set(tag.id);
      return;
    }
    this.reservedNote.set(null);
    this.editing.set(null);
    this.deleteProblem.set(null);
    this.confirming.set(tag.id);
  }

  protected async confirmDelete(tag: FanTag): Promise<void> {
    if (this.busy()) return;
    await this.act(
      () => this.api.deleteTag(this.appid(), tag.id),
      () => {
        this.confirming.set(null);
        this.done.set({ key: 'tagManager.deleted', name: tag.name });
        this.focus('#tag-new');
      },
      (problem) => this.deleteProblem.set({ id: tag.id, problem }),
    );
  }

  /** Focus goes somewhere sensible when the focused control disappears with the change. */
  private focus(selector: string): void {
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus());
  }

  private async act<T>(request: () => Promise<T>, succeeded: (answer: T) => void, failed: (problem: Problem) => void): Promise<void> {
    this.busy.set(true);
    this.done.set(null);
    try {
      const answer = await request();
      succeeded(answer);
      await this.directory.reload();
      this.changed.emit();
    } catch (error: unknown) {
      failed(toProblem(error));
    } finally {
      this.busy.set(false);
    }
  }
}
