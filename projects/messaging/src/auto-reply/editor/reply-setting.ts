import { ChangeDetectionStrategy, Component, computed, effect, input, output, signal, untracked } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { type Problem, ProblemMessagePipe, StaleNotice } from '@wechat-mfe/ui';
import type { AutoReplySetting, AutoReplyToggle, ReplySettingKind } from '../data/auto-reply-api';
import { fieldIssues } from '../rules/field-errors';
import { missingReplies } from './missing-fields';
import { type ReplyDraft, emptyReply, fromDraft, toDraft } from './reply-draft';
import { RepliesEditor } from './replies-editor';

/**
 * The on-follow or the default reply: an on/off switch and its replies, saved together. The
 * draft is the user's until saved: a refusal keeps it and marks the fields.
 */
@Component({
  selector: 'wx-reply-setting',
  imports: [TranslocoPipe, ProblemMessagePipe, RepliesEditor, StaleNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <label class="switch">
      <input type="checkbox" role="switch" [checked]="enabled()" (change)="enabled.set($any($event.target).checked)" />
      {{ 'autoReply.' + kind() + '.switch' | transloco }}
    </label>
    <p class="hint">{{ 'autoReply.' + kind() + '.hint' | transloco }}</p>
    <wx-replies-editor [(replies)]="replies" [issues]="issues()" />
    @if (problem(); as problem) {
      @if (problem.code !== 'VALIDATION') {
        @let m = problem | problemMessage;
        <p class="error" role="alert">{{ m.key | transloco: m.params }}</p>
      }
    }
    @if (latest(); as l) {
      <wx-stale-notice (keepMine)="keepMine(l)" (takeTheirs)="tookLatest.emit()" />
    }
    <button class="wx-button filled" type="button" [disabled]="saving()" (click)="save()">
      {{ (saving() ? 'autoReply.saving' : 'autoReply.' + kind() + '.save') | transloco }}
    </button>
  `,
  styles: `
    .switch { display: inline-flex; gap: 8px; align-items: center; font: var(--mat-sys-title-small); cursor: pointer; }
    .hint { color: var(--mat-sys-on-surface-variant); margin: 4px 0 12px; }
    .error { color: var(--mat-sys-error); }
  `,
})
export class ReplySetting {
  readonly kind = input.required<ReplySettingKind>();
  readonly setting = input.required<AutoReplyToggle>();
  readonly saving = input(false);
  readonly problem = input<Problem | null>(null);
  /** The setting as saved by someone else after these values were based on it (the save was refused). */
  readonly latest = input<AutoReplySetting | null>(null);
  readonly saved = output<AutoReplyToggle>();
  /** Save these values over `latest` (its revision). */
  readonly overwrite = output<{ setting: AutoReplyToggle; revision: string }>();
  /** Show `latest` instead (the parent replaces `setting`, which resets the values). */
  readonly tookLatest = output<void>();

  protected readonly enabled = signal(false);
  protected readonly replies = signal<readonly ReplyDraft[]>([]);
  /** Set by a save with empty replies: those show (and clear while typing) instead of the server's problems. */
  private readonly checked = signal(false);
  // A switched-on setting needs a reply; a switched-off one drops its untouched empty text replies (see value()).
  private readonly missing = computed(() => missingReplies(this.replies(), { atLeastOne: this.enabled(), skipEmptyText: !this.enabled() }));
  protected readonly issues = computed(() => {
    const missing = this.checked() ? this.missing() : null;
    return missing?.size ? missing : fieldIssues(this.problem());
  });

  constructor() {
    // The server's setting becomes the draft when it (re)loads or is saved, not while typing.
    effect(() => {
      const setting = this.setting();
      untracked(() => {
        this.enabled.set(setting.enabled);
        this.checked.set(false);
        this.replies.set(setting.replies.length ? setting.replies.map(toDraft) : [emptyReply()]);
      });
    });
  }

  protected save(): void {
    if (this.refuseEmpty()) return;
    this.saved.emit(this.value());
  }

  protected keepMine(latest: AutoReplySetting): void {
    if (this.refuseEmpty()) return;
    this.overwrite.emit({ setting: this.value(), revision: latest.revision });
  }

  /** Empty replies are shown, not sent: the server would only refuse them. */
  private refuseEmpty(): boolean {
    this.checked.set(this.missing().size > 0);
    return this.checked();
  }

  private value(): AutoReplyToggle {
    // An untouched empty text reply of a switched-off setting is not a reply.
    const replies = this.replies().filter((r) => this.enabled() || r.type !== 'text' || r.text.trim() !== '');
    return { enabled: this.enabled(), replies: replies.map(fromDraft) };
  }
}
