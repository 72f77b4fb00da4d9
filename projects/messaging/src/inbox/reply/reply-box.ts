import { ChangeDetectionStrategy, Component, DestroyRef, Injector, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { openMaterialPicker, prefetchMaterialPicker, type MaterialChoice } from '@wechat-mfe/pickers/material';
import { Field, FieldControl, FieldHint, type Problem, Prefetch } from '@wechat-mfe/ui';
import type { InboxReplyInput, InboxReplyWindow } from '../data/inbox-api';
import { inboxProblemKey } from '../data/inbox-problems';
import { REPLY_TEXT_MAX_BYTES, countdown, factsOf, replyWindow, utf8Bytes } from '../window/reply-window';

/**
 * The reply to one fan: text (≤ 2048 UTF-8 bytes, WeChat's customer-service limit) or a material from
 * the shared picker. It counts the window down live on the server's clock (the window's `now` plus the
 * time since it arrived) and, outside it, disables the box and says why. What was typed stays when the
 * API refuses; it is cleared only when a reply was accepted.
 */
@Component({
  selector: 'wx-inbox-reply-box',
  imports: [Prefetch, TranslocoPipe, Field, FieldControl, FieldHint],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let w = state();
    <form class="reply" [attr.aria-label]="'inbox.reply.title' | transloco" (submit)="$event.preventDefault(); send()">
      @if (w.open) {
        <p class="window" data-testid="reply-window">
          {{ (w.basis === 'event' ? 'inbox.reply.openEvent' : 'inbox.reply.open') | transloco: { time: remaining(), count: w.repliesLeft } }}
        </p>
      }
      <wx-field [label]="'inbox.reply.text' | transloco" [error]="textError() ? (textError()!.key | transloco: textError()!.params) : null">
        <textarea wxFieldControl rows="3" [disabled]="!w.open" [value]="text()" (input)="text.set($any($event.target).value)"></textarea>
        @if (!w.open) {
          <span wxHint class="closed" data-testid="reply-closed">{{ 'inbox.reply.' + w.reason | transloco }}</span>
        }
        <span wxHint end [over]="bytes() > maxBytes">{{ 'inbox.reply.bytes' | transloco: { count: bytes(), max: maxBytes } }}</span>
      </wx-field>
      @if (material(); as m) {
        <p class="material">
          {{ 'inbox.reply.material' | transloco: { name: m.name, type: ('inbox.type.' + typeOf(m) | transloco) } }}
          <button class="wx-button" type="button" (click)="material.set(null)">{{ 'inbox.reply.removeMaterial' | transloco }}</button>
        </p>
      }
      <!-- A refusal of the text itself shows under the field; anything else here. -->
      @if (!textError() && problem(); as p) {
        @let m = message(p);
        <p class="error" role="alert">{{ m.key | transloco: m.params }}</p>
      }
      <div class="actions">
        <button class="wx-button outlined" type="button" [disabled]="!w.open || sending()" [wxPrefetch]="prefetchPicker" (click)="choose()">
          {{ 'inbox.reply.chooseMaterial' | transloco }}
        </button>
        <button class="wx-button filled" type="submit" [disabled]="!w.open || sending()">
          {{ (sending() ? 'inbox.reply.sending' : 'inbox.reply.send') | transloco }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .reply { display: flex; flex-direction: column; gap: 4px; }
    .window { margin: 0 0 4px; font: var(--mat-sys-body-medium); color: var(--mat-sys-primary); font-variant-numeric: tabular-nums; }
    .closed { color: var(--mat-sys-error); }
    .material { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 0; }
    .error { color: var(--mat-sys-error); margin: 0; }
    .actions { display: flex; gap: 8px; justify-content: flex-end; }
  `,
})
export class ReplyBox {
  protected readonly prefetchPicker = prefetchMaterialPicker;
  /** The window as the server last described it, and when (browser clock) that description arrived. */
  readonly window = input.required<InboxReplyWindow>();
  readonly receivedAt = input.required<number>();
  readonly sending = input(false);
  readonly problem = input<Problem | null>(null);
  /** Grows by one for each accepted reply: the box clears then. */
  readonly repliesSent = input(0);
  readonly sent = output<InboxReplyInput>();

  protected readonly text = signal('');
  protected readonly material = signal<MaterialChoice | null>(null);
  protected readonly maxBytes = REPLY_TEXT_MAX_BYTES;
  private readonly localError = signal<'blank' | 'tooLong' | null>(null);
  private readonly tick = signal(Date.now());
  private readonly injector = inject(Injector);

  protected readonly state = computed(() => {
    const w = this.window();
    const serverNow = Date.parse(w.now) + (this.tick() - this.receivedAt());
    return replyWindow(factsOf(w), serverNow);
  });
  protected readonly remaining = computed(() => countdown(this.state().remainingMs));
  protected readonly bytes = computed(() => utf8Bytes(this.text()));
  protected readonly textError = computed(() => {
    const local = this.localError();
    if (local === 'blank') return { key: 'inbox.reply.blank', params: {} };
    if (local === 'tooLong' || this.bytes() > REPLY_TEXT_MAX_BYTES) return { key: 'inbox.reply.tooLong', params: { max: REPLY_TEXT_MAX_BYTES } };
    const p = this.problem();
    return p?.code === 'VALIDATION' && p.errors?.some((e) => e.field === 'text') ? inboxProblemKey(p) : null;
  });
  protected readonly message = inboxProblemKey;

  constructor() {
    const timer = setInterval(() => this.tick.set(Date.now()), 1000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
    let seen: number | null = null;
    effect(() => {
      const count = this.repliesSent();
      // Only a later acceptance clears the box, not the count it was created with.
      if (seen !== null && count !== seen) {
        untracked(() => {
          this.text.set('');
          this.material.set(null);
        });
      }
      seen = count;
    });
    effect(() => {
      this.text();
      untracked(() => this.localError.set(null));
    });
  }

  protected typeOf(m: MaterialChoice): 'image' | 'voice' | 'video' | 'news' {
    return m.type === 'thumb' ? 'image' : m.type;
  }

  protected async choose(): Promise<void> {
    const choice = await openMaterialPicker(this.injector, { types: ['image', 'voice', 'video', 'news'] });
    if (choice) this.material.set(choice);
  }

  protected send(): void {
    if (!this.state().open || this.sending()) return;
    const m = this.material();
    if (m) {
      this.sent.emit({ type: this.typeOf(m), mediaId: m.mediaId });
      return;
    }
    const text = this.text();
    if (!text.trim()) this.localError.set('blank');
    else if (utf8Bytes(text) > REPLY_TEXT_MAX_BYTES) this.localError.set('tooLong');
    else this.sent.emit({ type: 'text', text });
  }
}
