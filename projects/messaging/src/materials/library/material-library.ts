import { ChangeDetectionStrategy, Component, OnDestroy, OnInit, inject, input, signal } from '@angular/core';
import { DatePipe, DecimalPipe, NgTemplateOutlet } from '@angular/common';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';
import { TranslocoPipe } from '@jsverse/transloco';
import { EmptyState, ErrorState, LoadingState, ProblemMessagePipe, toProblem, type Problem } from '@wechat-mfe/ui';
import { MaterialsApi, type Material, type MaterialTab } from '../data/materials-api';
import { MaterialUpload } from '../upload/material-upload';
import { formatBytes, type UploadType } from '../upload/upload-rules';
import { MaterialLibraryPageActions, materialLibraryFeature } from './material-library.store';

/**
 * The selected account's materials by type: tabs with live counts, search, permanence filter and
 * paging on the server (NgRx feature `materialLibrary`), the permanent usage against WeChat's limits,
 * the upload panel, a thumbnail grid for images and a list for voice, video and articles, and delete
 * after an inline confirmation.
 */
@Component({
  selector: 'wx-material-library',
  imports: [DatePipe, DecimalPipe, NgTemplateOutlet, RouterLink, TranslocoPipe, EmptyState, ErrorState, LoadingState, ProblemMessagePipe, MaterialUpload],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './material-library.html',
  styleUrl: './material-library.scss',
})
export class MaterialLibrary implements OnInit, OnDestroy {
  /** The account whose materials are shown (the gate's selected account). */
  readonly appid = input.required<string>();

  private readonly store = inject(Store);
  private readonly api = inject(MaterialsApi);
  protected readonly materials = this.store.selectSignal(materialLibraryFeature.selectMaterials);
  protected readonly query = this.store.selectSignal(materialLibraryFeature.selectQuery);
  protected readonly status = this.store.selectSignal(materialLibraryFeature.selectStatus);
  protected readonly problem = this.store.selectSignal(materialLibraryFeature.selectProblem);
  protected readonly counts = this.store.selectSignal(materialLibraryFeature.selectCounts);
  protected readonly usage = this.store.selectSignal(materialLibraryFeature.selectUsage);
  protected readonly page = this.store.selectSignal(materialLibraryFeature.selectPage);
  protected readonly tabs: readonly MaterialTab[] = ['image', 'voice', 'video', 'news'];
  protected readonly confirming = signal<Material | null>(null);
  protected readonly deleting = signal(false);
  protected readonly deleteProblem = signal<Problem | null>(null);
  protected readonly deleted = signal<string | null>(null);
  protected readonly formatBytes = formatBytes;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  ngOnInit(): void {
    this.store.dispatch(MaterialLibraryPageActions.opened({ appid: this.appid() }));
  }

  ngOnDestroy(): void {
    clearTimeout(this.searchTimer);
    this.store.dispatch(MaterialLibraryPageActions.closed());
  }

  protected uploadType(): UploadType {
    const type = this.query().type;
    return type === 'news' ? 'image' : type;
  }

  protected chooseTab(tab: MaterialTab): void {
    this.confirming.set(null);
    this.store.dispatch(MaterialLibraryPageActions.tabChanged({ tab }));
  }

  protected search(q: string): void {
    // One request per pause in typing, not per key.
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.store.dispatch(MaterialLibraryPageActions.searchChanged({ q: q.trim() })), 250);
  }

  protected filterPermanence(value: string): void {
    this.store.dispatch(MaterialLibraryPageActions.permanenceChanged({ permanent: value === '' ? null : value === 'true' }));
  }

  protected goTo(offset: number): void {
    this.store.dispatch(MaterialLibraryPageActions.pageChanged({ offset: Math.max(0, offset) }));
  }

  protected retry(): void {
    this.store.dispatch(MaterialLibraryPageActions.retried());
  }

  protected onUploaded(material: Material): void {
    this.store.dispatch(MaterialLibraryPageActions.materialUploaded({ material }));
  }

  protected async confirmDelete(material: Material): Promise<void> {
    this.deleting.set(true);
    this.deleteProblem.set(null);
    try {
      await this.api.remove(this.appid(), material.mediaId);
      this.confirming.set(null);
      this.deleted.set(material.name);
      this.store.dispatch(MaterialLibraryPageActions.materialDeleted({ mediaId: material.mediaId }));
    } catch (error) {
      this.deleteProblem.set(toProblem(error));
    } finally {
      this.deleting.set(false);
    }
  }

  protected askDelete(material: Material): void {
    this.deleteProblem.set(null);
    this.confirming.set(material);
  }
}
