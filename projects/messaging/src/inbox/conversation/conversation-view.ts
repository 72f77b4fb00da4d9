import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, afterRenderEffect, effect, inject, input, output, viewChild } from '@angular/core';
import { DatePipe } from '@angular/common';
import { TranslocoPipe } from '@jsverse/transloco';
import { ErrorState, LoadingState, type Problem } from '@wechat-mfe/ui';
import type { InboxConversation, InboxReplyInput } from '../data/inbox-api';
import { fanName } from '../data/fan-name';
import { MessageContent } from '../list/message-content';
import { ReplyBox } from '../reply/reply-box';

/** One fan: messages and replies interleaved, oldest first, scrolled to the newest; the reply box under them. */
@Component({
  selector: 'wx-inbox-conversation',
  imports: [DatePipe, TranslocoPipe, ErrorState, LoadingState, MessageContent, ReplyBox],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let c = conversation();
    <section class="conversation" aria-labelledby="wx-inbox-conversation-title">
      <header>
        <h2 #heading id="wx-inbox-conversation-title" tabindex="-1">{{ 'inbox.conversation.title' | transloco: { fan: c ? fanName(c.fan) : openid() } }}</h2>
        @if (c?.fan?.subscribed === false) {
          <span class="badge">{{ 'inbox.conversation.unsubscribed' | transloco }}</span>
        }
        <button class="wx-button" type="button" (click)="closed.emit()">{{ 'inbox.conversation.close' | transloco }}</button>
      </header>
      @if (status() === 'error') {
        <wx-error-state [problem]="problem()" (retry)="retried.emit()" />
      } @else if (!c) {
        <wx-loading-state />
      } @else {
        @if (c.hasOlder) {
          <p class="hint">{{ 'inbox.conversation.older' | transloco }}</p>
        }
        <ol #log class="log" tabindex="0" [attr.aria-label]="'inbox.conversation.label' | transloco">
          @for (item of c.items; track item.id) {
            <li class="item" [class.out]="item.direction === 'out'" [class.event]="item.type === 'event'">
              <div class="bubble">
                <wx-inbox-content [item]="item" />
              </div>
              <div class="meta">
                <span>{{ (item.direction === 'in' ? 'inbox.conversation.fanSays' : 'inbox.conversation.' + item.source) | transloco }}</span>
                <time [attr.datetime]="item.createdAt">{{ item.createdAt | date: 'MM-dd HH:mm' }}</time>
              </div>
            </li>
          } @empty {
            <li class="hint">{{ 'inbox.conversation.empty' | transloco }}</li>
          }
        </ol>
        <wx-inbox-reply-box
          [window]="c.window"
          [receivedAt]="receivedAt()"
          [sending]="sending()"
          [problem]="replyProblem()"
          [repliesSent]="repliesSent()"
          (sent)="sent.emit($event)"
        />
      }
    </section>
  `,
  styles: `
    .conversation { display: flex; flex-direction: column; gap: 8px; }
    header { display: flex; gap: 8px; align-items: center; }
    h2 { font: var(--mat-sys-title-medium); margin: 0; flex: 1; overflow-wrap: anywhere; }
    h2:focus { outline: none; }
    .badge { padding: 0 6px; border-radius: 4px; background: var(--mat-sys-surface-container-high); font: var(--mat-sys-body-small); }
    .log {
      list-style: none; margin: 0; padding: 8px; max-height: 420px; overflow-y: auto; display: flex; flex-direction: column; gap: 8px;
      background: var(--mat-sys-surface-container-low); border-radius: 8px;
    }
    .item { display: flex; flex-direction: column; align-items: flex-start; max-width: 85%; }
    .item.out { align-self: flex-end; align-items: flex-end; }
    .bubble { padding: 8px 12px; border-radius: 12px; background: var(--mat-sys-surface); border: 1px solid var(--mat-sys-outline-variant); }
    .item.out .bubble { background: #dcf8c6; color: #1b1b1b; border-color: transparent; }
    .item.event .bubble { background: transparent; border-style: dashed; font: var(--mat-sys-body-small); }
    .meta { display: flex; gap: 6px; font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); }
    .hint { color: var(--mat-sys-on-surface-variant); margin: 0; }
  `,
})
export class ConversationView {
  readonly openid = input.required<string>();
  readonly status = input.required<'idle' | 'loading' | 'loaded' | 'error'>();
  readonly conversation = input<InboxConversation | null>(null);
  readonly problem = input<Problem | null>(null);
  readonly receivedAt = input(0);
  readonly sending = input(false);
  readonly replyProblem = input<Problem | null>(null);
  readonly repliesSent = input(0);
  readonly closed = output<void>();
  readonly retried = output<void>();
  readonly sent = output<InboxReplyInput>();

  protected readonly fanName = fanName;
  private readonly log = viewChild<ElementRef<HTMLElement>>('log');
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  constructor() {
    // Opening another fan's conversation moves the focus there, so a keyboard user lands on it.
    const injector = inject(Injector);
    effect(() => {
      this.openid();
      afterNextRender(() => this.heading().nativeElement.focus({ preventScroll: false }), { injector });
    });
    // The newest message is what a reply answers: keep the log scrolled to its end as items arrive.
    afterRenderEffect(() => {
      this.conversation();
      const element = this.log()?.nativeElement;
      if (element) element.scrollTop = element.scrollHeight;
    });
  }
}
