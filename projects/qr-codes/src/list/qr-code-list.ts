import { ChangeDetectionStrategy, Component, ElementRef, Injector, OnDestroy, OnInit, inject, input, signal } from '@angular/core';
import { DatePipe, DecimalPipe } from '@angular/common';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';
import { TranslocoPipe } from '@jsverse/transloco';
import { EmptyState, ErrorState, LoadingState, Prefetch, ProblemMessagePipe, toProblem, type Problem, focusAfterRender } from '@wechat-mfe/ui';
import { QrCodesApi, type QrCode, type QrCodeQuery } from '../data/qr-codes-api';
import { QrCodeListPageActions, qrCodeListFeature } from './qr-code-list.store';
import { openQrCodeEditor, prefetchQrCodeEditor } from '../editor/open-editor';

type SortKey = QrCodeQuery['sort'];

/**
 * The selected account's channel QR codes: search, kind filter, sortable columns and paging all
 * run on the server (NgRx feature `qrCodeList`), plus the permanent-code quota meter.
 *
 * Search and filter are native controls, labelled and small. Temporary codes can be deleted after an
 * inline confirmation; permanent ones only disabled (WeChat's rule).
 */
@Component({
  selector: 'wx-qr-code-list',
  imports: [
    DatePipe,
    DecimalPipe,
    RouterLink,
    TranslocoPipe,
    EmptyState,
    ErrorState,
    LoadingState,
    Prefetch,
    ProblemMessagePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './qr-code-list.html',
  styleUrl: './qr-code-list.scss',
})
export class QrCodeList implements OnInit, OnDestroy {
  /** The account whose codes are shown (the gate's selected account). */
  readonly appid = input.required<string>();

  private readonly store = inject(Store);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  protected readonly codes = this.store.selectSignal(qrCodeListFeature.selectCodes);
  protected readonly query = this.store.selectSignal(qrCodeListFeature.selectQuery);
  protected readonly status = this.store.selectSignal(qrCodeListFeature.selectStatus);
  protected readonly problem = this.store.selectSignal(qrCodeListFeature.selectProblem);
  protected readonly quota = this.store.selectSignal(qrCodeListFeature.selectPermanentQuota);
  protected readonly page = this.store.selectSignal(qrCodeListFeature.selectPage);
  private readonly api = inject(QrCodesApi);
  protected readonly opening = signal(false);
  protected readonly prefetchEditor = prefetchQrCodeEditor;
  /** The temporary code whose deletion waits for confirmation, the one being deleted, and the outcome. */
  protected readonly confirming = signal<QrCode | null>(null);
  protected readonly deleting = signal(false);
  protected readonly deleteProblem = signal<Problem | null>(null);
  protected readonly deleted = signal<string | null>(null);
  protected readonly columns: readonly { key: SortKey | null; label: string; numeric?: boolean }[] = [
    { key: 'name', label: 'qrCodes.list.name' },
    { key: null, label: 'qrCodes.list.kind' },
    { key: null, label: 'qrCodes.list.scene' },
    { key: 'createdAt', label: 'qrCodes.list.created' },
    { key: 'expiresAt', label: 'qrCodes.list.expiry' },
    { key: 'scans', label: 'qrCodes.list.scans', numeric: true },
    { key: 'follows', label: 'qrCodes.list.follows', numeric: true },
    { key: null, label: 'qrCodes.list.enabled' },
  ];
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  ngOnInit(): void {
    this.store.dispatch(QrCodeListPageActions.opened());
  }

  ngOnDestroy(): void {
    clearTimeout(this.searchTimer);
    this.store.dispatch(QrCodeListPageActions.closed());
  }

  protected search(q: string): void {
    // One request per pause in typing, not per key.
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.store.dispatch(QrCodeListPageActions.searchChanged({ q: q.trim() })), 250);
  }

  protected filterKind(kind: QrCodeQuery['kind']): void {
    this.store.dispatch(QrCodeListPageActions.kindChanged({ kind }));
  }

  protected sortBy(sort: SortKey): void {
    const current = this.query();
    const order = current.sort === sort && current.order === 'desc' ? 'asc' : 'desc';
    this.store.dispatch(QrCodeListPageActions.sortChanged({ sort, order }));
  }

  protected ariaSort(key: SortKey | null): string | null {
    if (!key) return null;
    const q = this.query();
    return q.sort === key ? (q.order === 'asc' ? 'ascending' : 'descending') : 'none';
  }

  protected goTo(offset: number): void {
    this.store.dispatch(QrCodeListPageActions.pageChanged({ offset: Math.max(0, offset) }));
  }

  protected retry(): void {
    this.store.dispatch(QrCodeListPageActions.retried());
  }

  /**
   * Opens the create or edit dialog (loaded on first use: it is not part of the list's bytes). The
   * buttons stay enabled meanwhile so they keep focus, which the dialog returns to on close.
   */
  protected async edit(code: QrCode | null): Promise<void> {
    if (this.opening()) return;
    this.opening.set(true);
    try {
      const saved = await openQrCodeEditor(this.injector, { appid: this.appid(), code });
      if (saved) this.store.dispatch(QrCodeListPageActions.codeSaved({ code: saved }));
    } finally {
      this.opening.set(false);
    }
  }

  /** Moves focus to `selector` once rendered: the button that had it is being replaced or removed. */
  protected refocus(selector: string): void {
    focusAfterRender(this.host, selector, this.injector);
  }

  protected async confirmDelete(code: QrCode, index: number): Promise<void> {
    this.deleting.set(true);
    this.deleteProblem.set(null);
    try {
      await this.api.remove(this.appid(), code.id);
      this.confirming.set(null);
      this.deleted.set(code.name);
      this.store.dispatch(QrCodeListPageActions.codeDeleted({ id: code.id }));
      // The row is gone: go on to the one that took its place (or the new last one).
      this.refocus(`.qr-code-row:nth-child(${index + 1}) a,.qr-code-row:last-child a`);
    } catch (error) {
      this.deleteProblem.set(toProblem(error));
    } finally {
      this.deleting.set(false);
    }
  }

  protected expiryState(code: QrCode): 'permanent' | 'expired' | 'active' {
    if (code.kind === 'permanent') return 'permanent';
    return code.expired ? 'expired' : 'active';
  }
}
