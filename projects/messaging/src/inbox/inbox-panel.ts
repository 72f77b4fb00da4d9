import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, untracked } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { EmptyState, ErrorState, LoadingState, ProblemMessagePipe } from '@wechat-mfe/ui';
import type { InboxFilters, InboxMessage, InboxReplyInput } from './data/inbox-api';
import { InboxPageActions, inboxFeature } from './inbox.store';
import { MessageFilters } from './list/message-filters';
import { MessageList } from './list/message-list';
import { ConversationView } from './conversation/conversation-view';

/**
 * The selected account's inbox: filters and the message list on one side, the open conversation with
 * its reply box on the other. New messages arrive over the suite's event stream (see the effects).
 */
@Component({
  selector: 'wx-inbox-panel',
  imports: [TranslocoPipe, ProblemMessagePipe, EmptyState, ErrorState, LoadingState, MessageFilters, MessageList, ConversationView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './inbox-panel.html',
  styleUrl: './inbox-panel.scss',
})
export class InboxPanel {
  readonly appid = input.required<string>();

  private readonly store = inject(Store);
  protected readonly state = this.store.selectSignal(inboxFeature.selectInboxState);

  constructor() {
    effect(() => {
      const appid = this.appid();
      untracked(() => this.store.dispatch(InboxPageActions.opened({ appid })));
    });
    // The store outlives the page (route providers): it must stop reacting to pushes once the page is gone.
    inject(DestroyRef).onDestroy(() => this.store.dispatch(InboxPageActions.closed()));
  }

  protected filter(filters: InboxFilters): void {
    this.store.dispatch(InboxPageActions.filtersChanged({ filters }));
  }

  protected retry(): void {
    this.store.dispatch(InboxPageActions.retried());
  }

  protected more(): void {
    this.store.dispatch(InboxPageActions.moreRequested());
  }

  protected open(openid: string): void {
    this.store.dispatch(InboxPageActions.fanOpened({ openid }));
  }

  protected close(): void {
    this.store.dispatch(InboxPageActions.conversationClosed());
  }

  protected retryConversation(): void {
    this.store.dispatch(InboxPageActions.conversationRetried());
  }

  protected star(message: InboxMessage): void {
    this.store.dispatch(InboxPageActions.starToggled({ message }));
  }

  protected reply(reply: InboxReplyInput): void {
    this.store.dispatch(InboxPageActions.replySent({ reply }));
  }

  protected filtered(): boolean {
    const f = this.state().filters;
    return f.type !== null || f.starred || f.needsReply || f.q !== '';
  }
}
