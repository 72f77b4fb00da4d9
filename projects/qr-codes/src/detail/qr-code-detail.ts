import { ChangeDetectionStrategy, Component, DestroyRef, Injector, effect, inject, input, signal, untracked } from '@angular/core';
import { DatePipe, DecimalPipe } from '@angular/common';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ACCOUNT_CONTEXT, ErrorState, LoadingState, Prefetch, type Problem, toProblem } from '@wechat-mfe/ui';
import { QrCodesApi, type QrCode, type QrCodeScanPage, type QrCodeStats } from '../data/qr-codes-api';
import { openQrCodeEditor, prefetchQrCodeEditor } from '../editor/open-editor';
import { QrImage } from './qr-image';
import { ScansChart } from './scans-chart';

interface DetailData {
  readonly code: QrCode;
  readonly stats: QrCodeStats;
  readonly scans: QrCodeScanPage;
}

/** One code: its image and downloads, counters, the daily chart and the latest scans. */
@Component({
  selector: 'wx-qr-code-detail',
  imports: [DatePipe, DecimalPipe, TranslocoPipe, ErrorState, LoadingState, Prefetch, QrImage, ScansChart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './qr-code-detail.html',
  styleUrl: './qr-code-detail.scss',
})
export class QrCodeDetail {
  readonly appid = input.required<string>();
  readonly codeId = input.required<number>();

  private readonly api = inject(QrCodesApi);
  private readonly router = inject(Router);
  protected readonly prefetchEditor = prefetchQrCodeEditor;
  private readonly injector = inject(Injector);
  protected readonly data = signal<DetailData | null>(null);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly refreshing = signal(false);
  private firstAppid: string | null = null;
  private request = 0;

  constructor() {
    effect(() => {
      const appid = this.appid();
      const id = this.codeId();
      // Codes belong to one account: after a switch, this code is not the new account's.
      if (this.firstAppid && appid !== this.firstAppid) {
        void this.router.navigateByUrl('/wechat/qrcodes');
        return;
      }
      this.firstAppid = appid;
      untracked(() => void this.load(appid, id));
    });
    // A scan pushed on the suite's event stream refreshes the counters, the chart and the scans.
    const scans = inject(ACCOUNT_CONTEXT).events$.subscribe((event) => {
      const data = event.data as { appid?: string; qrCodeId?: number };
      if (event.type === 'qrcode.scan' && data.appid === this.appid() && data.qrCodeId === this.codeId()) this.refresh();
    });
    inject(DestroyRef).onDestroy(() => scans.unsubscribe());
  }

  protected refresh(): void {
    void this.load(this.appid(), this.codeId());
  }

  private async load(appid: string, id: number): Promise<void> {
    const request = ++this.request;
    this.refreshing.set(true);
    try {
      const [code, stats, scans] = await Promise.all([this.api.get(appid, id), this.api.stats(appid, id), this.api.scans(appid, id)]);
      // Only the latest request may land.
      if (request !== this.request) return;
      this.data.set({ code, stats, scans });
      this.problem.set(null);
    } catch (error) {
      if (request === this.request) this.problem.set(toProblem(error));
    } finally {
      if (request === this.request) this.refreshing.set(false);
    }
  }

  protected async edit(code: QrCode): Promise<void> {
    const saved = await openQrCodeEditor(this.injector, { appid: this.appid(), code });
    if (saved) this.refresh();
  }
}
