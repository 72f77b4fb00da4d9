import { ChangeDetectionStrategy, Component, ElementRef, Injector, type OnInit, computed, inject, input, output, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Field, FieldControl, FieldHint, type Problem, ProblemMessagePipe, StaleNotice, focusAfterRender } from '@wechat-mfe/ui';
import type { AutoReplyKeyword, AutoReplyRule, AutoReplyRuleInput } from '../data/auto-reply-api';
import { keywordConflicts } from '../rules/conflicts';
import { fieldIssues, otherIssues } from '../rules/field-errors';
import { KEYWORDS_MAX, KEYWORD_MAX, NAME_MAX, chars } from '../rules/limits';
import { fold } from '../rules/matcher';
import { missingRuleFields } from './missing-fields';
import { type ReplyDraft, emptyReply, fromDraft, toDraft } from './reply-draft';
import { RepliesEditor } from './replies-editor';

let nextId = 0;

/**
 * Creates or edits a keyword rule: name, keywords as chips with their full/partial match, replies
 * and mode. While editing, it warns of keywords another rule also answers and says which rule
 * wins (same order as the server). The draft stays as typed when the server refuses it.
 */
@Component({
  selector: 'wx-rule-form',
  imports: [TranslocoPipe, ProblemMessagePipe, Field, FieldControl, FieldHint, RepliesEditor, StaleNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './rule-form.html',
  styleUrl: './rule-form.scss',
})
export class RuleForm implements OnInit {
  /** The rule edited, or null for a new one. */
  readonly rule = input<AutoReplyRule | null>(null);
  /** Every rule of the account, for the conflict warnings. */
  readonly rules = input<readonly AutoReplyRule[]>([]);
  readonly saving = input(false);
  readonly problem = input<Problem | null>(null);
  /** The rule as someone else saved it after this form opened (the save was refused), or null. */
  readonly latest = input<AutoReplyRule | null>(null);
  readonly saved = output<AutoReplyRuleInput>();
  /** Save the form's values over `latest`. */
  readonly overwrite = output<AutoReplyRuleInput>();
  /** The form now shows `latest` instead of the user's edits. */
  readonly tookLatest = output<void>();
  readonly cancelled = output<void>();

  protected readonly ids = { heading: `wx-rule-form-${nextId++}`, keyword: `wx-rule-keyword-${nextId++}` };
  protected readonly nameMax = NAME_MAX;
  protected readonly keywordsMax = KEYWORDS_MAX;
  protected readonly keywordMax = KEYWORD_MAX;
  protected readonly length = chars;

  protected readonly name = signal('');
  protected readonly keywords = signal<readonly AutoReplyKeyword[]>([]);
  protected readonly newKeyword = signal('');
  protected readonly newMatch = signal<AutoReplyKeyword['match']>('full');
  protected readonly replies = signal<readonly ReplyDraft[]>([emptyReply()]);
  protected readonly mode = signal<AutoReplyRuleInput['mode']>('all');
  protected readonly enabled = signal(true);
  /** A problem found before sending (keyword input), shown like the server's. */
  protected readonly keywordInputIssue = signal<string | null>(null);

  /** Set by a save with empty fields: those show (and clear while typing) instead of the server's problems. */
  private readonly checked = signal(false);
  private readonly missing = computed(() => missingRuleFields({ name: this.name(), keywords: this.keywords(), replies: this.replies() }));
  protected readonly issues = computed(() => {
    const missing = this.checked() ? this.missing() : null;
    return missing?.size ? missing : fieldIssues(this.problem());
  });
  protected readonly summaryIssues = computed(() =>
    otherIssues(this.issues(), (f) => f === 'name' || f === 'keywords' || f.startsWith('keywords[') || f.startsWith('replies')),
  );
  protected readonly conflicts = computed(() => {
    const rule = this.rule();
    return keywordConflicts({ id: rule?.id ?? null, createdAt: rule?.createdAt ?? null, keywords: this.keywords() }, this.rules());
  });

  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  private readonly injector = inject(Injector);

  constructor() {
    // Opened by a button above it: take the keyboard to the first field (the name).
    this.focusSoon('input');
  }

  /** Focuses the first match of `selector` once rendered. */
  private focusSoon(selector: string): void {
    focusAfterRender(this.host, selector, this.injector);
  }

  ngOnInit(): void {
    // The rule is read once: later list updates must not overwrite what the user typed.
    const rule = this.rule();
    if (rule) this.load(rule);
  }

  private load(rule: AutoReplyRule): void {
    this.name.set(rule.name);
    this.keywords.set(rule.keywords);
    this.replies.set(rule.replies.map(toDraft));
    this.mode.set(rule.mode);
    this.enabled.set(rule.enabled);
  }

  protected keywordIssue(index: number) {
    return this.issues().get(`keywords[${index}].text`) ?? this.issues().get(`keywords[${index}].match`) ?? null;
  }

  protected addKeyword(event?: Event): void {
    event?.preventDefault();
    const text = this.newKeyword().trim();
    if (!text) return;
    if (this.keywords().length >= KEYWORDS_MAX) return this.keywordInputIssue.set('autoReply.errors.tooManyKeywords');
    if (chars(text) > KEYWORD_MAX) return this.keywordInputIssue.set('autoReply.errors.keywordTooLong');
    if (this.keywords().some((k) => fold(k.text) === fold(text))) return this.keywordInputIssue.set('autoReply.errors.duplicateKeyword');
    this.keywords.update((list) => [...list, { text, match: this.newMatch() }]);
    this.newKeyword.set('');
    this.keywordInputIssue.set(null);
  }

  protected toggleMatch(index: number): void {
    this.keywords.update((list) => list.map((k, i) => (i === index ? { ...k, match: k.match === 'full' ? 'partial' : 'full' } : k)));
  }

  protected removeKeyword(index: number): void {
    this.keywords.update((list) => list.filter((_, i) => i !== index));
  }

  protected save(): void {
    if (this.refuseEmpty()) return;
    this.saved.emit(this.value());
  }

  protected keepMine(): void {
    if (this.refuseEmpty()) return;
    this.overwrite.emit(this.value());
  }

  /** Empty fields are shown, not sent: the server would only refuse them. */
  private refuseEmpty(): boolean {
    this.checked.set(this.missing().size > 0);
    if (this.checked()) this.focusSoon('[aria-invalid="true"]');
    return this.checked();
  }

  protected takeLatest(latest: AutoReplyRule): void {
    this.load(latest);
    this.keywordInputIssue.set(null);
    this.tookLatest.emit();
  }

  private value(): AutoReplyRuleInput {
    return {
      name: this.name(),
      keywords: [...this.keywords()],
      replies: this.replies().map(fromDraft),
      mode: this.mode(),
      enabled: this.enabled(),
    };
  }
}
