import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { DatePipe } from '@angular/common';
import { TranslocoPipe } from '@jsverse/transloco';
import type { InboxMessage } from '../data/inbox-api';
import { fanInitial, fanName } from '../data/fan-name';
import { MessageContent } from './message-content';

/** The fans' messages, newest first: fan, time, type, content (as text), marks, star and "open conversation". */
@Component({
  selector: 'wx-inbox-message-list',
  imports: [DatePipe, TranslocoPipe, MessageContent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="messages" [attr.aria-label]="'inbox.list.label' | transloco">
      @for (m of messages(); track m.id) {
        @let name = fanName(m.fan);
        <li class="message" [class.selected]="m.openid === openid()" [attr.data-message-id]="m.id">
          <span class="avatar" aria-hidden="true">{{ fanInitial(m.fan) }}</span>
          <div class="body">
            <div class="meta">
              <span class="fan">{{ name }}</span>
              <time [attr.datetime]="m.createdAt">{{ m.createdAt | date: 'yyyy-MM-dd HH:mm' }}</time>
              <span class="badge">{{ 'inbox.type.' + m.type | transloco }}</span>
              @if (m.autoReplied) {
                <span class="badge auto">{{ 'inbox.list.autoReplied' | transloco }}</span>
              }
              @if (m.needsReply) {
                <span class="badge needs">{{ 'inbox.list.needsReply' | transloco }}</span>
              }
            </div>
            <p class="content"><wx-inbox-content [item]="m" /></p>
          </div>
          <div class="actions">
            <button
              class="wx-button star"
              type="button"
              [attr.aria-pressed]="m.starred"
              [attr.aria-label]="(m.starred ? 'inbox.list.unstar' : 'inbox.list.star') | transloco: { fan: name }"
              (click)="starToggled.emit(m)"
            >
              <span aria-hidden="true">{{ m.starred ? '★' : '☆' }}</span>
            </button>
            <button class="wx-button outlined" type="button" [attr.aria-label]="'inbox.list.open' | transloco: { fan: name }" (click)="opened.emit(m.openid)">
              {{ 'inbox.list.openShort' | transloco }}
            </button>
          </div>
        </li>
      }
    </ul>
  `,
  styles: `
    .messages { list-style: none; margin: 0; padding: 0; }
    .message { display: flex; gap: 12px; align-items: flex-start; padding: 12px 8px; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    .message.selected { background: var(--mat-sys-surface-container); }
    .avatar {
      flex: none; width: 36px; height: 36px; border-radius: 50%; display: grid; place-items: center;
      background: var(--mat-sys-primary-container); color: var(--mat-sys-on-primary-container); font: var(--mat-sys-title-small);
    }
    .body { flex: 1; min-width: 0; }
    .meta { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: center; font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); }
    .fan { font: var(--mat-sys-title-small); color: var(--mat-sys-on-surface); overflow-wrap: anywhere; }
    .badge { padding: 0 6px; border-radius: 4px; background: var(--mat-sys-surface-container-high); color: var(--mat-sys-on-surface); }
    .badge.auto { background: var(--mat-sys-secondary-container); color: var(--mat-sys-on-secondary-container); }
    .badge.needs { background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
    .content { margin: 4px 0 0; }
    .actions { display: flex; gap: 4px; align-items: center; }
    .star { min-width: 40px; font-size: 20px; color: var(--mat-sys-on-surface); }
    .star[aria-pressed='true'] { color: #b06000; }
  `,
})
export class MessageList {
  readonly messages = input.required<readonly InboxMessage[]>();
  /** The fan whose conversation is open. */
  readonly openid = input<string | null>(null);
  readonly opened = output<string>();
  readonly starToggled = output<InboxMessage>();

  protected readonly fanName = fanName;
  protected readonly fanInitial = fanInitial;
}
