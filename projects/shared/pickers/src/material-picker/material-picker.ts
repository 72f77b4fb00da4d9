import { ChangeDetectionStrategy, Component, OnDestroy, computed, effect, inject, signal, untracked } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { TranslocoPipe } from '@jsverse/transloco';
import { ACCOUNT_CONTEXT, EmptyState, ErrorState, LoadingState, toProblem, type Problem } from '@wechat-mfe/ui';
import { MaterialPickerApi, type Material, type MaterialPickerQuery, type MaterialTab } from './material-picker-api';
import type { MaterialChoice, MaterialPickerOptions } from './open-material-picker';

const ALL_TYPES: readonly MaterialTab[] = ['image', 'voice', 'video', 'news'];
const PAGE_SIZE = 12;

/**
 * The material picker dialog: the account's usable materials of the allowed types, searched and
 * paged on the server. Each material is a button named after it, so keyboard and screen-reader users
 * pick the same way as a mouse; the dialog closes with the choice.
 */
@Component({
  selector: 'wx-material-picker',
  imports: [MatDialogModule, TranslocoPipe, EmptyState, ErrorState, LoadingState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './material-picker.html',
  styleUrl: './material-picker.scss',
})
export class MaterialPicker implements OnDestroy {
  protected readonly options = inject<MaterialPickerOptions>(MAT_DIALOG_DATA, { optional: true }) ?? {};
  private readonly ref = inject<MatDialogRef<MaterialPicker, MaterialChoice>>(MatDialogRef);
  private readonly api = inject(MaterialPickerApi);
  private readonly context = inject(ACCOUNT_CONTEXT);

  protected readonly types = this.options.types?.length ? this.options.types : ALL_TYPES;
  protected readonly appid = this.options.appid ?? this.context.snapshot.selectedAppid;
  protected readonly type = signal<MaterialTab>(this.types[0]);
  protected readonly q = signal('');
  protected readonly offset = signal(0);
  protected readonly items = signal<readonly Material[]>([]);
  protected readonly total = signal(0);
  protected readonly status = signal<'loading' | 'loaded' | 'error'>('loading');
  protected readonly problem = signal<Problem | null>(null);
  protected readonly page = computed(() => ({
    from: this.total() === 0 ? 0 : this.offset() + 1,
    to: Math.min(this.offset() + PAGE_SIZE, this.total()),
    total: this.total(),
  }));
  private readonly retries = signal(0);
  private abort: AbortController | null = null;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    // One request per query; a newer query aborts the older one so its answer never lands.
    effect(() => {
      const query = {
        type: this.type(),
        q: this.q(),
        offset: this.offset(),
        limit: PAGE_SIZE,
        ...(this.options.permanentOnly ? { permanentOnly: true } : {}),
      };
      this.retries();
      untracked(() => this.load(query));
    });
  }

  ngOnDestroy(): void {
    clearTimeout(this.searchTimer);
    this.abort?.abort();
  }

  private async load(query: MaterialPickerQuery): Promise<void> {
    this.abort?.abort();
    if (!this.appid) return;
    const abort = (this.abort = new AbortController());
    this.status.set('loading');
    this.problem.set(null);
    try {
      const page = await this.api.list(this.appid, query, abort.signal);
      if (abort.signal.aborted) return;
      this.items.set(page.items);
      this.total.set(page.total);
      this.status.set('loaded');
    } catch (error) {
      if (abort.signal.aborted) return;
      this.problem.set(toProblem(error));
      this.status.set('error');
    }
  }

  protected chooseType(type: MaterialTab): void {
    this.type.set(type);
    this.offset.set(0);
  }

  protected search(value: string): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.q.set(value.trim());
      this.offset.set(0);
    }, 250);
  }

  protected goTo(offset: number): void {
    this.offset.set(Math.max(0, offset));
  }

  protected retry(): void {
    this.retries.update((n) => n + 1);
  }

  protected choose(material: Material): void {
    this.ref.close({ type: material.type, mediaId: material.mediaId, name: material.name, thumbUrl: material.thumbUrl });
  }

  protected readonly pageSize = PAGE_SIZE;
}
