import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, effect, inject, input, untracked } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { EmptyState, ErrorState, LoadingState, ProblemMessagePipe } from '@wechat-mfe/ui';
import type { AutoReplyRuleInput, AutoReplyToggle, ReplySettingKind } from './data/auto-reply-api';
import { AutoReplyPageActions, autoReplyFeature } from './auto-reply.store';
import { ReplySetting } from './editor/reply-setting';
import { RuleForm } from './editor/rule-form';
import { RuleList } from './list/rule-list';
import { ReplyTester } from './tester/reply-tester';
import { RULE_LIMIT } from './rules/limits';

/**
 * The selected account's auto reply: on follow, keyword rules, default reply (each with its own
 * switch), and the tester. Sections rather than tabs: everything stays reachable with Tab and
 * by heading, and a rule's conflicts are visible next to the default reply they compete with.
 */
@Component({
  selector: 'wx-auto-reply-panel',
  imports: [TranslocoPipe, ProblemMessagePipe, LoadingState, ErrorState, EmptyState, ReplySetting, RuleForm, RuleList, ReplyTester],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './auto-reply-panel.html',
  styleUrl: './auto-reply-panel.scss',
})
export class AutoReplyPanel {
  readonly appid = input.required<string>();

  private readonly store = inject(Store);
  protected readonly state = this.store.selectSignal(autoReplyFeature.selectAutoReplyState);
  protected readonly ruleLimit = RULE_LIMIT;
  protected readonly editedRule = computed(() => {
    const editing = this.state().editing;
    return typeof editing === 'number' ? (this.state().rules.find((r) => r.id === editing) ?? null) : null;
  });

  /**
   * The button that opened the rule form: focus goes back to it when the form closes (saved or cancelled).
   * A plain field on purpose: the effect below runs on the store's `editing` changing, and only reads it then.
   */
  private opener: HTMLElement | null = null;
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  private readonly injector = inject(Injector);

  constructor() {
    effect(() => {
      const appid = this.appid();
      untracked(() => this.store.dispatch(AutoReplyPageActions.opened({ appid })));
    });
    effect(() => {
      const opener = this.opener;
      if (this.state().editing !== null || !opener) return;
      this.opener = null;
      // The opener may be gone (its rule deleted meanwhile): then the "add rule" button.
      afterNextRender(() => (opener.isConnected ? opener : this.host.querySelector<HTMLElement>('#wx-ar-new'))?.focus(), { injector: this.injector });
    });
  }

  protected retry(): void {
    this.store.dispatch(AutoReplyPageActions.retried());
  }

  protected saveSetting(kind: ReplySettingKind, setting: AutoReplyToggle): void {
    this.store.dispatch(AutoReplyPageActions.settingSaved({ kind, setting }));
  }

  protected overwriteSetting(kind: ReplySettingKind, { setting, revision }: { setting: AutoReplyToggle; revision: string }): void {
    this.store.dispatch(AutoReplyPageActions.settingOverwritten({ kind, setting, revision }));
  }

  protected takeLatestSetting(kind: ReplySettingKind): void {
    this.store.dispatch(AutoReplyPageActions.latestSettingTaken({ kind }));
  }

  protected openEditor(ruleId: number | null): void {
    this.opener = document.activeElement as HTMLElement | null;
    this.store.dispatch(AutoReplyPageActions.editorOpened({ ruleId }));
  }

  protected closeEditor(): void {
    this.store.dispatch(AutoReplyPageActions.editorClosed());
  }

  protected saveRule(rule: AutoReplyRuleInput): void {
    const editing = this.state().editing;
    this.store.dispatch(AutoReplyPageActions.ruleSaved({ ruleId: typeof editing === 'number' ? editing : null, rule }));
  }

  protected overwriteRule(rule: AutoReplyRuleInput): void {
    const editing = this.state().editing;
    if (typeof editing === 'number') this.store.dispatch(AutoReplyPageActions.ruleOverwritten({ ruleId: editing, rule }));
  }

  protected takeLatestRule(): void {
    this.store.dispatch(AutoReplyPageActions.latestRuleTaken());
  }

  protected toggleRule(event: { rule: Parameters<typeof AutoReplyPageActions.ruleToggled>[0]['rule']; enabled: boolean }): void {
    this.store.dispatch(AutoReplyPageActions.ruleToggled(event));
  }

  protected deleteRule(ruleId: number): void {
    this.store.dispatch(AutoReplyPageActions.ruleDeleted({ ruleId }));
  }

  protected test(text: string): void {
    this.store.dispatch(AutoReplyPageActions.tested({ text }));
  }
}
