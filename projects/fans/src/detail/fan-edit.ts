import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, input, output, signal, untracked, viewChild } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { StaleNotice, toProblem, type Problem } from '@wechat-mfe/ui';
import { FanActionsApi } from '../data/fan-actions-api';
import { FanProblemPipe } from '../data/fan-problems';
import { FansApi, type FanDetail } from '../data/fans-api';
import { TagDirectory } from '../tags/tag-directory';
import { REMARK_MAX, TAGS_PER_FAN, tagNameLength } from '../tags/tag-rules';

/** What the drawer changed, for the drawer to show and the list to read again. */
export interface FanPatch {
  readonly remark?: string;
  readonly remarkRevision?: string;
  readonly blacklisted?: boolean;
  readonly tagIds?: readonly number[];
}

/**
 * One fan's remark (n / 30), blacklist state and tags (at most 20), edited in the detail drawer.
 * Each change is saved on its own; a refused one keeps what the user typed and says why. The remark is
 * saved over the revision the drawer loaded: a colleague's remark saved meanwhile is not overwritten
 * unless the user says so (ADR 0024).
 */
@Component({
  selector: 'wx-fan-edit',
  imports: [TranslocoPipe, FanProblemPipe, StaleNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './fan-edit.html',
  styleUrl: './fan-edit.scss',
})
export class FanEdit {
  readonly appid = input.required<string>();
  readonly fan = input.required<FanDetail>();
  readonly changed = output<FanPatch>();

  private readonly api = inject(FanActionsApi);
  private readonly fans = inject(FansApi);
  protected readonly directory = inject(TagDirectory);
  protected readonly remarkMax = REMARK_MAX;
  protected readonly tagsMax = TAGS_PER_FAN;

  // A computed of the string: tag or blacklist changes give a new fan object but must not reset the field.
  private readonly savedRemark = computed(() => this.fan().remark);
  private readonly openid = computed(() => this.fan().openid);
  protected readonly remark = signal('');
  protected readonly remarkLength = computed(() => tagNameLength(this.remark()));
  protected readonly remarkTooLong = computed(() => this.remarkLength() > REMARK_MAX);
  protected readonly addTagId = signal<number | null>(null);
  protected readonly busy = signal<'remark' | 'blacklist' | 'tags' | null>(null);
  protected readonly problem = signal<{ part: 'remark' | 'blacklist' | 'tags'; problem: Problem } | null>(null);
  protected readonly saved = signal<string | null>(null);
  /** The remark someone else saved after this drawer loaded it (a save was refused as `STALE`). */
  protected readonly remarkLatest = signal<{ readonly remark: string; readonly revision: string } | null>(null);
  protected readonly unusedTags = computed(() => this.directory.tags().filter((t) => !this.fan().tagIds.includes(t.id)));
  protected readonly tagsFull = computed(() => this.fan().tagIds.length >= TAGS_PER_FAN);
  /** Where focus goes when the focused control disappears (a removed chip, a reset choice). */
  private readonly addSelect = viewChild<ElementRef<HTMLSelectElement>>('addSelect');

  constructor() {
    // A new fan (or its saved remark) resets the field and any stale notice; typing in between is kept.
    effect(() => {
      const remark = this.savedRemark();
      this.openid();
      untracked(() => {
        this.remark.set(remark);
        this.remarkLatest.set(null);
      });
    });
  }

  protected tagName(id: number): string {
    return this.directory.names().get(id) ?? String(id);
  }

  protected async saveRemark(): Promise<void> {
    if (this.remarkTooLong() || this.remark() === this.fan().remark || this.remarkLatest()) return;
    await this.saveRemarkOver(this.fan().remarkRevision);
  }

  /** Saves the typed remark over `revision`: the loaded one, or the latest when the user keeps theirs. */
  protected async saveRemarkOver(revision: string): Promise<void> {
    const { openid } = this.fan();
    await this.act('remark', async () => {
      try {
        const fan = await this.api.setRemark(this.appid(), openid, this.remark(), revision);
        this.remarkLatest.set(null);
        this.changed.emit({ remark: fan.remark, remarkRevision: fan.remarkRevision });
        return 'fanEdit.remarkSaved';
      } catch (error: unknown) {
        if (toProblem(error).code !== 'STALE') throw error;
        // The typed text stays in the field; the notice offers saving it anyway or taking the latest.
        const latest = await this.fans.get(this.appid(), openid);
        this.remarkLatest.set({ remark: latest.remark, revision: latest.remarkRevision });
        return null;
      }
    });
  }

  protected takeTheirRemark(latest: { readonly remark: string; readonly revision: string }): void {
    this.remarkLatest.set(null);
    this.changed.emit({ remark: latest.remark, remarkRevision: latest.revision });
    // Shown at once, not only when the parent passes the patched fan back.
    this.remark.set(latest.remark);
  }

  protected async toggleBlacklist(): Promise<void> {
    const blacklisted = !this.fan().blacklisted;
    await this.act('blacklist', async () => {
      await this.api.blacklist(this.appid(), [this.fan().openid], blacklisted);
      this.changed.emit({ blacklisted });
      return blacklisted ? 'fanEdit.blacklisted' : 'fanEdit.unblacklisted';
    });
  }

  protected async addTag(): Promise<void> {
    const tagId = this.addTagId();
    if (tagId === null || this.tagsFull()) return;
    await this.act('tags', async () => {
      await this.api.tagFans(this.appid(), tagId, [this.fan().openid], true);
      this.addTagId.set(null);
      this.changed.emit({ tagIds: [...this.fan().tagIds, tagId] });
      this.refocus();
      return 'fanEdit.tagAdded';
    });
  }

  protected async removeTag(tagId: number): Promise<void> {
    await this.act('tags', async () => {
      await this.api.tagFans(this.appid(), tagId, [this.fan().openid], false);
      this.changed.emit({ tagIds: this.fan().tagIds.filter((id) => id !== tagId) });
      this.refocus();
      return 'fanEdit.tagRemoved';
    });
  }

  private refocus(): void {
    setTimeout(() => this.addSelect()?.nativeElement.focus());
  }

  private async act(part: 'remark' | 'blacklist' | 'tags', request: () => Promise<string | null>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(part);
    this.problem.set(null);
    this.saved.set(null);
    try {
      this.saved.set(await request());
    } catch (error: unknown) {
      this.problem.set({ part, problem: toProblem(error) });
    } finally {
      this.busy.set(null);
    }
  }
}
