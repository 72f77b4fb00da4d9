import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { DecimalPipe } from '@angular/common';
import { TranslocoPipe } from '@jsverse/transloco';
import { ErrorState, toProblem, type Problem } from '@wechat-mfe/ui';
import { TemplatesApi, type TemplateSend, type TemplateSendResult } from '../templates-api';

const PAGE_SIZE = 10;

/**
 * The per-recipient results of one send, paged on the server: who received it and who did not and
 * why (not following 43004, blacklisted 43019, unknown openid 40003). Filterable to failures.
 */
@Component({
  selector: 'wx-template-send-results',
  imports: [DecimalPipe, TranslocoPipe, ErrorState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="results" [attr.aria-labelledby]="'tpl-results-' + send().id">
      <div class="results-head">
        <h3 [id]="'tpl-results-' + send().id">{{ 'templates.results.title' | transloco }}</h3>
        @if (send().totals; as t) {
          <span class="totals">{{ 'templates.results.totals' | transloco: { count: (t.total | number), sent: (t.sent | number), failed: (t.failed | number) } }}</span>
        }
        <label class="only-failed">
          <input type="checkbox" [checked]="onlyFailed()" (change)="onlyFailed.set($any($event.target).checked); goTo(0)" />
          {{ 'templates.results.onlyFailed' | transloco }}
        </label>
      </div>
      @if (problem(); as p) {
        <wx-error-state [problem]="p" (retry)="goTo(offset())" />
      } @else {
        <table class="table">
          <caption class="visually-hidden">{{ 'templates.results.title' | transloco }}</caption>
          <thead>
            <tr>
              <th scope="col">OpenID</th>
              <th scope="col">{{ 'templates.results.status' | transloco }}</th>
              <th scope="col">{{ 'templates.results.reason' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (r of rows(); track r.openid) {
              <tr [attr.data-status]="r.status">
                <td><code>{{ r.openid }}</code></td>
                <td>{{ 'templates.results.' + r.status | transloco }}</td>
                <td>{{ r.reason ? ('templates.results.reasons.' + r.reason | transloco: { errcode: r.errcode }) : '' }}</td>
              </tr>
            } @empty {
              <tr><td colspan="3">{{ 'templates.results.none' | transloco }}</td></tr>
            }
          </tbody>
        </table>
        @if (total() > pageSize) {
          <nav class="pager" [attr.aria-label]="'templates.results.pager' | transloco">
            <span>{{ 'templates.results.range' | transloco: { from: offset() + 1, to: min(offset() + pageSize, total()), total: total() } }}</span>
            <button type="button" class="wx-button" [disabled]="offset() === 0" (click)="goTo(offset() - pageSize)">{{ 'templates.results.previous' | transloco }}</button>
            <button type="button" class="wx-button" [disabled]="offset() + pageSize >= total()" (click)="goTo(offset() + pageSize)">{{ 'templates.results.next' | transloco }}</button>
          </nav>
        }
      }
    </section>
  `,
  styles: `
    .results-head {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 12px;
    }
    h3 {
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    .totals {
      font: var(--mat-sys-body-medium);
    }
    .only-failed {
      margin-inline-start: auto;
      font: var(--mat-sys-body-medium);
    }
    .table {
      width: 100%;
      margin-top: 8px;
      border-collapse: collapse;
      font: var(--mat-sys-body-medium);
    }
    th,
    td {
      padding: 6px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: start;
    }
    tr[data-status='failed'] td:nth-child(2) {
      color: var(--mat-sys-error);
    }
    .pager {
      display: flex;
      align-items: center;
      justify-content: flex-end;
      gap: 8px;
      margin-top: 8px;
      font: var(--mat-sys-body-small);
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
  `,
})
export class TemplateSendResults {
  readonly appid = input.required<string>();
  /** The send; its results are reloaded whenever it changes (e.g. its totals arrive). */
  readonly send = input.required<TemplateSend>();

  private readonly api = inject(TemplatesApi);
  protected readonly pageSize = PAGE_SIZE;
  protected readonly rows = signal<TemplateSendResult[]>([]);
  protected readonly total = signal(0);
  protected readonly offset = signal(0);
  protected readonly onlyFailed = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly min = Math.min;

  constructor() {
    effect(() => {
      this.send();
      untracked(() => this.goTo(this.offset()));
    });
  }

  protected async goTo(offset: number): Promise<void> {
    const { appid, id } = { appid: this.appid(), id: this.send().id };
    this.offset.set(Math.max(0, offset));
    try {
      const page = await this.api.results(appid, id, { offset: this.offset(), limit: PAGE_SIZE, ...(this.onlyFailed() ? { status: 'failed' as const } : {}) });
      if (id !== this.send().id) return;
      this.rows.set(page.items);
      this.total.set(page.total);
      this.problem.set(null);
    } catch (error) {
      this.problem.set(toProblem(error));
    }
  }
}
