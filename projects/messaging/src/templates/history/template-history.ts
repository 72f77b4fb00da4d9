import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { DatePipe, DecimalPipe } from '@angular/common';
import { TranslocoPipe } from '@jsverse/transloco';
import { EmptyState, ErrorState, LoadingState, toProblem, type Problem } from '@wechat-mfe/ui';
import { TemplatesApi, type TemplateSend } from '../templates-api';
import { TemplateSendResults } from '../send/template-send-results';

const PAGE_SIZE = 10;
/** While a send of the page is still sending, the page is reloaded this often. */
export const HISTORY_POLL_MS = 2_000;

/** The account's template sends, newest first, paged on the server, each with its totals and, on demand, its per-recipient results. */
@Component({
  selector: 'wx-template-history',
  imports: [DatePipe, DecimalPipe, TranslocoPipe, EmptyState, ErrorState, LoadingState, TemplateSendResults],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './template-history.html',
  styleUrl: './template-history.scss',
})
export class TemplateHistory {
  readonly appid = input.required<string>();
  /** Bumped by the page after a send, to show it on top. */
  readonly refresh = input(0);

  private readonly api = inject(TemplatesApi);
  protected readonly sends = signal<TemplateSend[]>([]);
  protected readonly total = signal(0);
  protected readonly offset = signal(0);
  protected readonly status = signal<'loading' | 'loaded' | 'error'>('loading');
  protected readonly problem = signal<Problem | null>(null);
  protected readonly openId = signal<number | null>(null);
  protected readonly pageSize = PAGE_SIZE;
  protected readonly min = Math.min;
  private readonly live = computed(() => this.sends().some((s) => s.status === 'sending'));
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor() {
    effect(() => {
      this.appid();
      this.refresh();
      untracked(() => {
        this.openId.set(null);
        this.goTo(0);
      });
    });
    effect(() => {
      clearInterval(this.timer);
      if (this.live()) this.timer = setInterval(() => this.goTo(this.offset(), true), HISTORY_POLL_MS);
    });
    inject(DestroyRef).onDestroy(() => clearInterval(this.timer));
  }

  protected async goTo(offset: number, background = false): Promise<void> {
    const appid = this.appid();
    this.offset.set(Math.max(0, offset));
    if (!background && this.sends().length === 0) this.status.set('loading');
    try {
      const page = await this.api.sends(appid, { offset: this.offset(), limit: PAGE_SIZE });
      if (appid !== this.appid()) return;
      this.sends.set(page.items);
      this.total.set(page.total);
      this.status.set('loaded');
    } catch (error) {
      if (appid !== this.appid()) return;
      this.problem.set(toProblem(error));
      this.status.set('error');
    }
  }

  protected toggle(send: TemplateSend): void {
    this.openId.set(this.openId() === send.id ? null : send.id);
  }
}
