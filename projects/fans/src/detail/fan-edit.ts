import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, input, output, signal, untracked, viewChild } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { toProblem, type Problem } from '@wechat-mfe/ui';
import { FanActionsApi } from '../data/fan-actions-api';
import { FanProblemPipe } from '../data/fan-problems';
import type { FanDetail } from '../data/fans-api';
import { TagDirectory } from '../tags/tag-directory';
import { REMARK_MAX, TAGS_PER_FAN, tagNameLength } from '../tags/tag-rules';

/** What the drawer changed, for the drawer to show and the list to read again. */
export interface FanPatch {
  readonly remark?: string;
  readonly blacklisted?: boolean;
  readonly tagIds?: readonly number[];
}

/**
 * One fan's remark (n / 30), blacklist state and tags (at most 20), edited in the detail drawer.
 * Each change is saved on its own; a refused one keeps what the user typed and says why.
 */
@Component({
  selector: 'wx-fan-edit',
  imports: [TranslocoPipe, FanProblemPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './fan-edit.html',
  styleUrl: './fan-edit.scss',
})
export class FanEdit {
  readonly appid = input.required<string>();
  readonly fan = input.required<FanDetail>();
  readonly changed = output<FanPatch>();

  private readonly api = inject(FanActionsApi);
  protected readonly directory = inject(TagDirectory);
  protected readonly remarkMax = REMARK_MAX;
  protected readonly tagsMax = TAGS_PER_FAN;

  // A computed of the string: tag or blacklist changes give a new fan object but must not reset the field.
  private readonly savedRemark = computed(() => this.fan().remark);
  protected readonly remark = signal('');
  protected readonly remarkLength = computed(() => tagNameLength(this.remark()));
  protected readonly remarkTooLong = computed(() => this.remarkLength() > REMARK_MAX);
  protected readonly addTagId = signal<number | null>(null);
  protected readonly busy = signal<'remark' | 'blacklist' | 'tags' | null>(null);
  protected readonly problem = signal<{ part: 'remark' | 'blacklist' | 'tags'; problem: Problem } | null>(null);
  protected readonly saved = signal<string | null>(null);
  protected readonly unusedTags = computed(() => this.directory.tags().filter((t) => !this.fan().tagIds.includes(t.id)));
  protected readonly tagsFull = computed(() => this.fan().tagIds.length >= TAGS_PER_FAN);
  /** Where focus goes when the focused control disappears (a removed chip, a reset choice). */
  private readonly addSelect = viewChild<ElementRef<HTMLSelectElement>>('addSelect');

  constructor() {
    // A new fan (or its saved remark) resets the field; typing in between is kept.
    effect(() => {
      const remark = this.savedRemark();
      untracked(() => this.remark.set(remark));
    });
  }

  protected tagName(id: number): string {
    return this.directory.names().get(id) ?? String(id);
  }

  protected async saveRemark(): Promise<void> {
    if (this.remarkTooLong() || this.remark() === this.fan().remark) return;
    await this.act('remark', async () => {
      const fan = await this.api.setRemark(this.appid(), this.fan().openid, this.remark());
      this.changed.emit({ remark: fan.remark });
      return 'fanEdit.remarkSaved';
    });
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

  private async act(part: 'remark' | 'blacklist' | 'tags', request: () => Promise<string>): Promise<void> {
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
