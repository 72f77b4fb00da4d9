import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { A11yModule } from '@angular/cdk/a11y';
import { TranslocoPipe } from '@jsverse/transloco';
import { ErrorState, LoadingState, toProblem, type Problem } from '@wechat-mfe/ui';
import { FansApi, type FanDetail } from '../data/fans-api';
import { FanEdit, type FanPatch } from './fan-edit';

/** WeChat's `language` values with a name of ours (`detail.languages.*`); any other shows as sent. */
const NAMED_LANGUAGES = new Set(['zh_CN', 'zh_TW', 'zh_HK', 'en']);

/**
 * A fan's detail and event timeline in a side panel over the list. Focus moves into it and stays
 * there; Escape or the close button closes it (the list returns focus to the row).
 */
@Component({
  selector: 'wx-fan-detail-panel',
  imports: [DatePipe, A11yModule, TranslocoPipe, ErrorState, LoadingState, FanEdit],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './fan-detail.html',
  styleUrl: './fan-detail.scss',
  host: { '(keydown.escape)': 'closed.emit()' },
})
export class FanDetailPanel {
  readonly appid = input.required<string>();
  readonly openid = input.required<string>();
  readonly closed = output<void>();
  /** The fan's remark, blacklist state or tags changed. */
  readonly changed = output<void>();

  private readonly api = inject(FansApi);
  protected readonly fan = signal<FanDetail | null>(null);
  protected readonly problem = signal<Problem | null>(null);
  private readonly attempt = signal(0);

  constructor() {
    effect((onCleanup) => {
      const [appid, openid] = [this.appid(), this.openid()];
      this.attempt();
      const abort = new AbortController();
      onCleanup(() => abort.abort());
      this.fan.set(null);
      this.problem.set(null);
      this.api.get(appid, openid, abort.signal).then(
        (fan) => this.fan.set(fan),
        (error: unknown) => !abort.signal.aborted && this.problem.set(toProblem(error)),
      );
    });
  }

  /** The key naming WeChat's language value ("zh_CN" → 简体中文), or null to show the value itself. */
  protected languageKey(language: string): string | null {
    return NAMED_LANGUAGES.has(language) ? `detail.languages.${language}` : null;
  }

  protected retry(): void {
    this.attempt.update((n) => n + 1);
  }

  protected patched(patch: FanPatch): void {
    this.fan.update((fan) => (fan ? { ...fan, ...patch, tagIds: patch.tagIds ? [...patch.tagIds] : fan.tagIds } : fan));
    this.changed.emit();
  }
}
