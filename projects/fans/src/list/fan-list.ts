import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  OnDestroy,
  OnInit,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { DatePipe, DecimalPipe } from '@angular/common';
import { CdkVirtualScrollViewport, ScrollingModule } from '@angular/cdk/scrolling';
import type { ListRange } from '@angular/cdk/collections';
import { Store } from '@ngrx/store';
import { TranslocoPipe } from '@jsverse/transloco';
import { EmptyState, ErrorState, LoadingState } from '@wechat-mfe/ui';
import { SCENES, type Fan, type FanFilter } from '../data/fans-api';
import { FanListPageActions, PAGE_SIZE, fanListFeature } from './fan-list.store';
import { pagesToFetch } from './page-window';
import { FanDetailPanel } from '../detail/fan-detail';
import { FanBatchBar } from '../batch/batch-bar';
import { TagDirectory } from '../tags/tag-directory';
import { TagManager } from '../tags/tag-manager';

/** Row height in px: the virtual scroll needs a fixed one, the stylesheet uses the same. */
export const ROW_HEIGHT = 44;

/**
 * The selected account's fans, filtered on the server, in a CDK virtual scroll over the whole
 * count: only the rows on screen exist, and their pages are fetched as the viewport nears them.
 * Rows are focusable; Enter or a click opens the fan's detail panel.
 */
@Component({
  selector: 'wx-fan-list',
  imports: [
    DatePipe,
    DecimalPipe,
    ScrollingModule,
    TranslocoPipe,
    EmptyState,
    ErrorState,
    LoadingState,
    FanDetailPanel,
    FanBatchBar,
    TagManager,
  ],
  providers: [TagDirectory],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './fan-list.html',
  styleUrl: './fan-list.scss',
})
export class FanList implements OnInit, OnDestroy {
  readonly appid = input.required<string>();

  private readonly store = inject(Store);
  protected readonly directory = inject(TagDirectory);
  protected readonly rowHeight = ROW_HEIGHT;
  protected readonly scenes = SCENES;
  protected readonly filter = this.store.selectSignal(fanListFeature.selectFilter);
  protected readonly filtered = this.store.selectSignal(fanListFeature.selectFiltered);
  protected readonly total = this.store.selectSignal(fanListFeature.selectTotal);
  protected readonly status = this.store.selectSignal(fanListFeature.selectStatus);
  protected readonly problem = this.store.selectSignal(fanListFeature.selectProblem);
  protected readonly rows = this.store.selectSignal(fanListFeature.selectRows);
  private readonly have = this.store.selectSignal(fanListFeature.selectHave);
  private readonly range = signal<ListRange>({ start: 0, end: 0 });
  private readonly viewport = viewChild(CdkVirtualScrollViewport);
  protected readonly tags = this.directory.tags;
  protected readonly tagNames = this.directory.names;
  protected readonly selection = this.store.selectSignal(fanListFeature.selectSelection);
  protected readonly selectedSet = this.store.selectSignal(fanListFeature.selectSelectedSet);
  protected readonly selecting = this.store.selectSignal(fanListFeature.selectSelecting);
  protected readonly selectionProblem = this.store.selectSignal(fanListFeature.selectSelectionProblem);
  private readonly visible = signal<ListRange>({ start: 0, end: 0 });
  /** The loaded rows in sight: what the header checkbox selects. */
  protected readonly shownOpenids = computed(() => {
    const { start, end } = this.visible();
    return this.rows()
      .slice(start, end)
      .flatMap((fan) => (fan ? [fan.openid] : []));
  });
  protected readonly shownState = computed(() => {
    const shown = this.shownOpenids();
    const selected = this.selectedSet();
    const n = shown.filter((o) => selected.has(o)).length;
    return n === 0 ? 'none' : n === shown.length ? 'all' : 'some';
  });
  protected readonly managingTags = signal(false);
  private readonly manageTagsButton = viewChild<ElementRef<HTMLElement>>('manageTags');
  /** The fan whose detail is open, and the row to give focus back to. */
  protected readonly opened = signal<string | null>(null);
  private returnFocus: HTMLElement | null = null;
  private remarkTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    // The window logic decides; the store remembers what is cached or on its way.
    effect(() => {
      const { start, end } = this.range();
      const pages = pagesToFetch({ start, end, pageSize: PAGE_SIZE, total: this.total(), have: this.have(), lookahead: PAGE_SIZE / 2 });
      if (pages.length && this.status() !== 'error') untracked(() => this.store.dispatch(FanListPageActions.pagesNeeded({ pages })));
    });
    effect((onCleanup) => {
      const viewport = this.viewport();
      if (!viewport) return;
      const subscription = viewport.renderedRangeStream.subscribe((range) => this.range.set(range));
      // The rendered range includes the buffer above and below; the header checkbox takes only
      // the rows the user can see.
      const measure = () => {
        const top = viewport.measureScrollOffset('top');
        this.visible.set({ start: Math.floor(top / ROW_HEIGHT), end: Math.ceil((top + viewport.getViewportSize()) / ROW_HEIGHT) });
      };
      measure();
      subscription.add(viewport.elementScrolled().subscribe(measure));
      subscription.add(viewport.renderedRangeStream.subscribe(measure));
      onCleanup(() => subscription.unsubscribe());
    });
    effect(() => {
      const appid = this.appid();
      untracked(() => void this.directory.load(appid));
    });
  }

  ngOnInit(): void {
    this.store.dispatch(FanListPageActions.opened());
  }

  ngOnDestroy(): void {
    clearTimeout(this.remarkTimer);
    this.store.dispatch(FanListPageActions.closed());
  }

  protected readonly trackRow = (index: number, row: Fan | null) => row?.openid ?? `#${index}`;

  protected change(filter: Partial<FanFilter>): void {
    this.store.dispatch(FanListPageActions.filterChanged({ filter }));
  }

  protected changeRemark(remark: string): void {
    // One request per pause in typing, not per key.
    clearTimeout(this.remarkTimer);
    this.remarkTimer = setTimeout(() => this.change({ remark: remark.trim() }), 300);
  }

  protected changeQrScene(qrScene: string): void {
    clearTimeout(this.remarkTimer);
    this.remarkTimer = setTimeout(() => this.change({ qrScene: qrScene.trim() }), 300);
  }

  protected clear(): void {
    this.store.dispatch(FanListPageActions.filterCleared());
  }

  protected retry(): void {
    this.store.dispatch(FanListPageActions.retried());
  }

  protected open(fan: Fan | null, event: Event): void {
    if (!fan) return;
    this.returnFocus = event.currentTarget as HTMLElement;
    this.opened.set(fan.openid);
  }

  protected closeDetail(): void {
    this.opened.set(null);
    // The row keeps its element while its openid stays in view (trackBy openid).
    const row = this.returnFocus;
    this.returnFocus = null;
    setTimeout(() => row?.focus());
  }

  protected closeTagManager(): void {
    this.managingTags.set(false);
    setTimeout(() => this.manageTagsButton()?.nativeElement.focus());
  }

  protected toggle(openid: string): void {
    this.store.dispatch(FanListPageActions.rowToggled({ openid }));
  }

  protected toggleShown(): void {
    this.store.dispatch(FanListPageActions.rowsSelected({ openids: this.shownOpenids(), selected: this.shownState() !== 'all' }));
  }

  protected fansChanged(): void {
    this.store.dispatch(FanListPageActions.fansChanged());
    void this.directory.reload();
  }

  protected tagLabel(fan: Fan): string {
    const names = this.tagNames();
    return fan.tagIds.map((id) => names.get(id) ?? String(id)).join('、');
  }
}
