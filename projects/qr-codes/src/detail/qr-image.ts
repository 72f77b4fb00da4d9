import { ChangeDetectionStrategy, Component, ElementRef, effect, input, signal, viewChild } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { PRINT_SIZES_CM, downloadName, printPixels } from './print-sizes';

type QrLib = typeof import('qrcode/lib/browser');

// The library loads with the detail page only (it is not in the list's bytes). Its browser build:
// the package's main entry is the Node one (streams, PNG encoder), which does not build for browsers.
let library: Promise<QrLib> | null = null;
function loadQr(): Promise<QrLib> {
  library ??= import('qrcode/lib/browser').then((m) => ((m as unknown as { default?: QrLib }).default ?? m) as QrLib);
  return library;
}

const OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;

/**
 * The QR image of a code's URL (the `qrcode` library, on a canvas: no innerHTML), with PNG
 * downloads at print sizes (300 dpi), an SVG download and "copy link".
 */
@Component({
  selector: 'wx-qr-image',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <canvas #canvas class="qr" role="img" [attr.aria-label]="'qrCodes.detail.imageLabel' | transloco: { name: name() }"></canvas>
    <p class="url"><a [href]="url()" rel="noopener noreferrer" target="_blank">{{ url() }}</a></p>
    <p class="downloads-title" id="qr-downloads">{{ 'qrCodes.detail.downloads' | transloco }}</p>
    <div class="downloads" role="group" aria-labelledby="qr-downloads">
      @for (cm of sizes; track cm) {
        <button class="wx-button outlined" type="button" (click)="downloadPng(cm)" [disabled]="!ready()">PNG {{ cm }} cm · {{ pixels(cm) }} px</button>
      }
      <button class="wx-button outlined" type="button" (click)="downloadSvg()" [disabled]="!ready()">
        {{ 'qrCodes.detail.downloadSvg' | transloco }}
      </button>
      <button class="wx-button outlined" type="button" (click)="copy()">{{ 'qrCodes.detail.copyLink' | transloco }}</button>
    </div>
    <p class="status" role="status">
      @if (message(); as m) {
        {{ m | transloco }}
      }
    </p>
  `,
  styles: `
    :host {
      display: block;
    }
    .qr {
      width: 240px;
      height: 240px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      background: #fff;
    }
    .url {
      font: var(--mat-sys-body-small);
      word-break: break-all;
    }
    .downloads-title {
      margin: 0 0 8px;
      font: var(--mat-sys-title-small);
    }
    .downloads {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .status {
      min-height: 1.5em;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class QrImage {
  /** What the code encodes (WeChat's `https://weixin.qq.com/q/<ticket>`). */
  readonly url = input.required<string>();
  /** The code's name, for the image's accessible name. */
  readonly name = input.required<string>();
  /** The scene value, for file names. */
  readonly scene = input.required<string>();

  protected readonly sizes = PRINT_SIZES_CM;
  protected readonly pixels = printPixels;
  protected readonly ready = signal(false);
  protected readonly message = signal<string | null>(null);
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');

  constructor() {
    effect(() => {
      const url = this.url();
      const canvas = this.canvas().nativeElement;
      void loadQr().then(async (qr) => {
        await qr.toCanvas(canvas, url, { ...OPTIONS, width: 240 });
        this.ready.set(true);
      });
    });
  }

  protected async downloadPng(cm: number): Promise<void> {
    const qr = await loadQr();
    const px = printPixels(cm);
    const drawn = document.createElement('canvas');
    await qr.toCanvas(drawn, this.url(), { ...OPTIONS, width: px });
    // The library rounds its module size (945 px comes out 944): print shops expect the exact size.
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = px;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, px, px);
    context.imageSmoothingEnabled = false;
    context.drawImage(drawn, 0, 0, px, px);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (blob) this.save(blob, downloadName(this.scene(), `${cm}cm-${px}px.png`));
  }

  protected async downloadSvg(): Promise<void> {
    const qr = await loadQr();
    const svg = await qr.toString(this.url(), { ...OPTIONS, type: 'svg' });
    this.save(new Blob([svg], { type: 'image/svg+xml' }), downloadName(this.scene(), 'vector.svg'));
  }

  protected async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.url());
      this.message.set('qrCodes.detail.copied');
    } catch {
      this.message.set('qrCodes.detail.copyFailed');
    }
  }

  private save(blob: Blob, fileName: string): void {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    this.message.set('qrCodes.detail.downloaded');
  }
}
