import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  OnDestroy,
  OnInit,
  afterEveryRender,
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
import { EmptyState, ErrorState, LoadingState, Prefetch } from '@wechat-mfe/ui';
import { SCENES, type Fan, type FanFilter } from '../data/fans-api';
import { FanListPageActions, PAGE_SIZE, fanListFeature } from './fan-list.store';
import { pagesNear, pagesToFetch } from './page-window';
import { RowFocus, type RowAt } from './row-focus';
import { nextRowIndex, rowsPerPage } from './row-keys';
import { FanDetailPanel } from '../detail/fan-detail';
import { FanBatchBar } from '../batch/batch-bar';
import { TagDirectory } from '../tags/tag-directory';
import { TagManager } from '../tags/tag-manager';

/** Row height in px: the virtual scroll needs a fixed one, the stylesheet uses the same. */
export const ROW_HEIGHT = 44;

/**
 * Rows rendered beyond the viewport (px), so that scrolling rarely meets an unrendered row. The
 * first rows come without them: at 1440 × 900 the buffer is 20 more rows than the 14 in sight, and
 * rendering rows is most of the work between the first page's answer and the first rows on screen.
 * It widens once those rows have been painted.
 */
export const FIRST_BUFFER = { min: 0, max: 0 } as const;
export const SCROLL_BUFFER = { min: 440, max: 880 } as const;

/**
 * The selected account's fans, filtered on the server, in a CDK virtual scroll over the whole
 * count: only the rows on screen exist, and their pages are fetched as the viewport nears them.
 *
 * Keyboard: the rows are one tab stop with roving focus (`RowFocus`); ↑/↓ move a row, Page Up /
 * Page Down a viewport of rows, Home / End (Ctrl+Home / Ctrl+End too) to the first / last fan of
 * the whole filtered list, Space selects, Enter (or a click) opens the fan's detail panel. One
 * keydown, click and focusin handler on the viewport serve every row: the rows scroll in and out
 * by the thousand, so they carry no listeners of their own beyond the checkbox's change.
 *
 * The role stays `table`, not `grid`: a grid promises cell-by-cell navigation (←/→, gridcells
 * that take focus, aria-selected rows) and there is nothing to do in a cell here: a row is one
 * fan, read whole, and its only control (the checkbox) has the Space key. The table's
 * description (`list.keys`, shown on screen) names the keys; axe checks it in e2e.
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
    Prefetch,
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
  // The drawer and the tag manager are @defer blocks: these fetch the same chunks when the pointer or
  // focus comes to the rows or the button (wxPrefetch), so a first opening does not wait for them.
  protected readonly prefetchDetail = () => import('../detail/fan-detail');
  protected readonly prefetchTagManager = () => import('../tags/tag-manager');
  protected readonly buffer = signal<{ readonly min: number; readonly max: number }>(FIRST_BUFFER);
  protected readonly scenes = SCENES;
  protected readonly filter = this.store.selectSignal(fanListFeature.selectFilter);
  protected readonly filtered = this.store.selectSignal(fanListFeature.selectFiltered);
  protected readonly total = this.store.selectSignal(fanListFeature.selectTotal);
  protected readonly status = this.store.selectSignal(fanListFeature.selectStatus);
  protected readonly problem = this.store.selectSignal(fanListFeature.selectProblem);
  protected readonly rows = this.store.selectSignal(fanListFeature.selectRows);
  private readonly have = this.store.selectSignal(fanListFeature.selectHave);
  private readonly key = this.store.selectSignal(fanListFeature.selectKey);
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
  /** The fan whose detail is open, and the row (its index) to give focus back to. */
  protected readonly opened = signal<string | null>(null);
  private openedIndex = 0;
  protected readonly rowFocus = new RowFocus(this.viewport, () => this.total() ?? 0, ROW_HEIGHT);
  /** When the tab stop's row is scrolled out of the rendered ones, the viewport holds the tab stop. */
  protected readonly tabStopRendered = computed(() => this.rowFocus.isRendered(this.range()));
  private remarkTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    // The window logic decides; the store remembers what is cached or on its way.
    effect(() => {
      const { start, end } = this.range();
      const window = { start, end, pageSize: PAGE_SIZE, total: this.total(), have: this.have(), lookahead: PAGE_SIZE / 2 };
      const pages = pagesToFetch(window);
      if (pages.length && this.status() !== 'error') untracked(() => this.store.dispatch(FanListPageActions.pagesNeeded({ pages, near: pagesNear(window) })));
    });
    effect((onCleanup) => {
      const viewport = this.viewport();
      if (!viewport) return;
      let live = true;
      let widened = false;
      const subscription = viewport.renderedRangeStream.subscribe((range) => {
        this.range.set(range);
        // The first rows are rendered without the buffer (FIRST_BUFFER); it comes once they are drawn.
        if (range.end > range.start && !widened) {
          widened = true;
          requestAnimationFrame(() => setTimeout(() => live && this.buffer.set(SCROLL_BUFFER)));
        }
      });
      // The rendered range includes the buffer above and below; the header checkbox takes only
      // the rows the user can see. Measured when the viewport has rendered a range (it does once it
      // has measured itself, right after it starts), not here: reading the offset in the middle of
      // the first change detection laid out the whole page for nothing (~2–12 ms of a cold start).
      const measure = () => {
        const top = viewport.measureScrollOffset('top');
        this.visible.set({ start: Math.floor(top / ROW_HEIGHT), end: Math.ceil((top + viewport.getViewportSize()) / ROW_HEIGHT) });
      };
      subscription.add(viewport.elementScrolled().subscribe(measure));
      subscription.add(viewport.renderedRangeStream.subscribe(measure));
      onCleanup(() => {
        live = false;
        subscription.unsubscribe();
      });
    });
    effect(() => {
      const appid = this.appid();
      untracked(() => void this.directory.load(appid));
    });
    // Another filter or account: the rows are other fans, the place in the list starts over.
    effect(() => {
      this.appid();
      this.key();
      untracked(() => this.rowFocus.reset());
    });
    afterEveryRender(() => this.rowFocus.settle());
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

  /** Row moves, Space (select) and Enter (open) for every row: one handler on the viewport. */
  protected keydown(event: KeyboardEvent): void {
    const row = this.rowFocus.rowOf(event.target);
    if (!row) return;
    const pageRows = rowsPerPage(this.rowFocus.viewHeight(), ROW_HEIGHT);
    const next = nextRowIndex(event, { current: row.index, count: this.total() ?? 0, pageRows });
    if (next !== null) {
      event.preventDefault();
      this.rowFocus.focus(next);
      return;
    }
    // Space and Enter belong to the row itself; on the checkbox (focused by a click) they are its own.
    if (event.target !== row.element || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const fan = this.rows()[row.index];
    if (event.key === ' ') {
      event.preventDefault(); // not a page scroll, also on a placeholder
      if (fan) this.toggle(fan.openid);
    } else if (event.key === 'Enter' && fan) {
      event.preventDefault();
      this.open(fan, row);
    }
  }

  protected clicked(event: MouseEvent): void {
    const row = this.rowFocus.rowOf(event.target);
    if (!row || (event.target as Element).closest('input')) return;
    const fan = this.rows()[row.index];
    if (fan) this.open(fan, row);
  }

  protected focusIn(event: FocusEvent): void {
    const row = this.rowFocus.rowOf(event.target);
    if (row) this.rowFocus.focused(row);
    // Tab reached the viewport itself (the tab stop's row is off screen): bring that row back.
    else if (event.target === this.viewport()?.elementRef.nativeElement) this.rowFocus.focusTabStop();
  }

  private open(fan: Fan, row: RowAt): void {
    this.openedIndex = row.index;
    this.opened.set(fan.openid);
  }

  protected closeDetail(): void {
    this.opened.set(null);
    // By index: the row's element may be gone meanwhile (scrolled away, or the list reloaded
    // after an edit in the drawer); focus goes back to the same place in the list.
    const index = this.openedIndex;
    setTimeout(() => this.rowFocus.focus(index));
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
