import {
  ChangeDetectionStrategy, Component, ElementRef, ViewEncapsulation, computed, effect, input, viewChild, OnDestroy,
} from '@angular/core';
import { DecimalPipe } from '@angular/common';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { combineLatest, map } from 'rxjs';
import type uPlot from 'uplot';
import type { QrCodeStats } from '../data/qr-codes-api';
import { chartTick, chartTime, dayStart } from './chart-time';

type UPlotClass = typeof uPlot;
let library: Promise<UPlotClass> | null = null;
// uPlot loads with the detail page only; its CSS comes in this component's styles (nonce'd by Angular).
function loadUPlot(): Promise<UPlotClass> {
  library ??= import('uplot').then((m) => ((m as unknown as { default?: UPlotClass }).default ?? m) as UPlotClass);
  return library;
}

const color = (name: string, fallback: string): string =>
  getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;

/**
 * Scans and new follows per day (uPlot), with an accessible name that sums the period and the same
 * figures as a table under a disclosure for screen readers and anyone who prefers numbers.
 */
@Component({
  selector: 'wx-scans-chart',
  imports: [DecimalPipe, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // uPlot builds its own DOM, which emulated encapsulation would not reach; the rules stay
  // scoped by the `wx-scans-chart` prefix.
  encapsulation: ViewEncapsulation.None,
  styleUrl: './scans-chart.scss',
  template: `
    <figure class="wx-scans-chart-figure">
      <figcaption>{{ 'qrCodes.detail.chartTitle' | transloco: { days: days().length } }}</figcaption>
      <div #plot class="wx-scans-chart-plot" role="img"
        [attr.aria-label]="'qrCodes.detail.chartLabel' | transloco: { days: days().length, scans: totals().scans, follows: totals().follows }"></div>
      <details class="wx-scans-chart-data">
        <summary>{{ 'qrCodes.detail.chartTable' | transloco }}</summary>
        <table>
          <caption class="wx-visually-hidden">{{ 'qrCodes.detail.chartTable' | transloco }}</caption>
          <thead>
            <tr>
              <th scope="col">{{ 'qrCodes.detail.date' | transloco }}</th>
              <th scope="col">{{ 'qrCodes.list.scans' | transloco }}</th>
              <th scope="col">{{ 'qrCodes.list.follows' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (day of days(); track day.date) {
              <tr>
                <th scope="row">{{ day.date }}</th>
                <td>{{ day.scans | number }}</td>
                <td>{{ day.follows | number }}</td>
              </tr>
            }
          </tbody>
        </table>
      </details>
    </figure>
  `,
})
export class ScansChart implements OnDestroy {
  readonly stats = input.required<QrCodeStats>();

  private readonly transloco = inject(TranslocoService);
  private readonly plotHost = viewChild.required<ElementRef<HTMLElement>>('plot');
  private chart: uPlot | null = null;
  // Series names follow the language (the chart is redrawn when they change).
  private readonly labels = toSignal(
    combineLatest(['qrCodes.detail.date', 'qrCodes.list.scans', 'qrCodes.list.follows'].map((key) => this.transloco.selectTranslate(key))).pipe(
      map(([date, scans, follows]) => ({ date: String(date), scans: String(scans), follows: String(follows) })),
    ),
  );
  protected readonly days = computed(() => this.stats().days);
  protected readonly totals = computed(() =>
    this.days().reduce((sum, d) => ({ scans: sum.scans + d.scans, follows: sum.follows + d.follows }), { scans: 0, follows: 0 }),
  );

  constructor() {
    effect(() => {
      const days = this.days();
      const host = this.plotHost().nativeElement;
      const labels = this.labels();
      if (!labels) return;
      void loadUPlot().then((UPlot) => this.draw(UPlot, host, days, labels));
    });
  }

  private draw(UPlot: UPlotClass, host: HTMLElement, days: QrCodeStats['days'], labels: { date: string; scans: string; follows: string }): void {
    const x = days.map((d) => dayStart(d.date));
    const data: uPlot.AlignedData = [x, days.map((d) => d.scans), days.map((d) => d.follows)];
    this.chart?.destroy();
    this.chart = new UPlot(
      {
        width: Math.max(320, host.clientWidth || 640),
        height: 240,
        series: [
          // The hover readout: the date in the page's language, not uPlot's English "Time" and 12-hour clock.
          { label: labels.date, value: (_u, v) => (v == null ? '' : chartTime(v)) },
          { label: labels.scans, stroke: color('--mat-sys-primary', '#1565c0'), width: 2 },
          { label: labels.follows, stroke: color('--mat-sys-tertiary', '#2e7d32'), width: 2, dash: [6, 4] },
        ],
        axes: [{ values: (_u, splits) => splits.map(chartTick) }, { size: 48 }],
        scales: { y: { range: (_u, _min, max) => [0, Math.max(5, Math.ceil(max * 1.1))] } },
      },
      data,
      host,
    );
  }

  ngOnDestroy(): void {
    this.chart?.destroy();
  }
}
