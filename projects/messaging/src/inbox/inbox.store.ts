import { createActionGroup, createFeature, createReducer, emptyProps, on, props } from '@ngrx/store';
import type { Problem } from '@wechat-mfe/ui';
import type { InboxConversation, InboxFilters, InboxMessage, InboxMessagePage, InboxReplyInput, InboxReplySent } from './data/inbox-api';

/** What the inbox page does. */
export const InboxPageActions = createActionGroup({
  source: 'Inbox Page',
  events: {
    Opened: props<{ appid: string }>(),
    Closed: emptyProps(),
    'Filters Changed': props<{ filters: InboxFilters }>(),
    Retried: emptyProps(),
    'More Requested': emptyProps(),
    'Fan Opened': props<{ openid: string }>(),
    'Conversation Closed': emptyProps(),
    'Conversation Retried': emptyProps(),
    'Reply Sent': props<{ reply: InboxReplyInput }>(),
    'Star Toggled': props<{ message: InboxMessage }>(),
  },
});

/** Pushes on the suite's event stream. */
export const InboxLiveActions = createActionGroup({
  source: 'Inbox Live',
  events: {
    'Message Arrived': props<{ appid: string; openid: string; messageId: number }>(),
  },
});

/** Answers of the suite API; each names its account so a stale one is dropped. */
export const InboxApiActions = createActionGroup({
  source: 'Inbox API',
  events: {
    'Page Loaded': props<{ appid: string; page: InboxMessagePage; append: boolean }>(),
    'Page Failed': props<{ appid: string; problem: Problem; append: boolean }>(),
    'Conversation Loaded': props<{ appid: string; openid: string; conversation: InboxConversation; receivedAt: number }>(),
    'Conversation Failed': props<{ appid: string; openid: string; problem: Problem }>(),
    'Reply Sent': props<{ appid: string; openid: string; sent: InboxReplySent; receivedAt: number }>(),
    'Reply Failed': props<{ appid: string; openid: string; problem: Problem }>(),
    'Star Saved': props<{ appid: string; message: InboxMessage }>(),
    'Star Failed': props<{ appid: string; problem: Problem }>(),
  },
});

export const INBOX_PAGE_SIZE = 20;
export const NO_FILTERS: InboxFilters = { type: null, starred: false, needsReply: false, q: '' };

export interface InboxState {
  readonly appid: string | null;
  /** Whether the page is shown: pushes for a page that is not shown load nothing. */
  readonly active: boolean;
  readonly filters: InboxFilters;
  /** Newest first, as the server pages them. */
  readonly messages: readonly InboxMessage[];
  readonly total: number;
  readonly nextCursor: string | null;
  readonly status: 'idle' | 'loading' | 'loaded' | 'error';
  readonly problem: Problem | null;
  readonly loadingMore: boolean;
  readonly moreProblem: Problem | null;
  readonly starProblem: Problem | null;
  /** The fan whose conversation is open. */
  readonly openid: string | null;
  readonly conversationStatus: 'idle' | 'loading' | 'loaded' | 'error';
  readonly conversation: InboxConversation | null;
  /** When (browser clock) the conversation's window arrived: the countdown runs from there on the server's time. */
  readonly receivedAt: number;
  readonly conversationProblem: Problem | null;
  readonly sending: boolean;
  readonly replyProblem: Problem | null;
  /** Counts accepted replies, so the reply box knows when to clear what was typed. */
  readonly repliesSent: number;
}

const initialState: InboxState = {
  appid: null,
  active: false,
  filters: NO_FILTERS,
  messages: [],
  total: 0,
  nextCursor: null,
  status: 'idle',
  problem: null,
  loadingMore: false,
  moreProblem: null,
  starProblem: null,
  openid: null,
  conversationStatus: 'idle',
  conversation: null,
  receivedAt: 0,
  conversationProblem: null,
  sending: false,
  replyProblem: null,
  repliesSent: 0,
};

const forCurrent =
  <A extends { appid: string }>(reduce: (state: InboxState, action: A) => InboxState) =>
  (state: InboxState, action: A): InboxState =>
    action.appid === state.appid ? reduce(state, action) : state;

const forOpenFan =
  <A extends { appid: string; openid: string }>(reduce: (state: InboxState, action: A) => InboxState) =>
  (state: InboxState, action: A): InboxState =>
    action.appid === state.appid && action.openid === state.openid ? reduce(state, action) : state;

const closedConversation = {
  openid: null,
  conversationStatus: 'idle' as const,
  conversation: null,
  conversationProblem: null,
  sending: false,
  replyProblem: null,
};

export const inboxFeature = createFeature({
  name: 'inbox',
  reducer: createReducer(
    initialState,
    on(InboxPageActions.opened, (state, { appid }) =>
      appid === state.appid
        ? { ...state, active: true, status: state.status === 'loaded' ? ('loaded' as const) : ('loading' as const), problem: null }
        : { ...initialState, appid, active: true, status: 'loading' as const },
    ),
    on(InboxPageActions.closed, (state) => ({ ...state, active: false })),
    on(InboxPageActions.filtersChanged, (state, { filters }) => ({ ...state, filters, status: 'loading' as const, problem: null, moreProblem: null })),
    on(InboxPageActions.retried, (state) => ({ ...state, status: 'loading' as const, problem: null })),
    on(InboxPageActions.moreRequested, (state) => ({ ...state, loadingMore: true, moreProblem: null })),
    on(
      InboxApiActions.pageLoaded,
      forCurrent((state, { page, append }) => ({
        ...state,
        status: 'loaded',
        problem: null,
        loadingMore: false,
        messages: append ? [...state.messages, ...page.items.filter((m) => !state.messages.some((s) => s.id === m.id))] : page.items,
        total: page.total,
        nextCursor: page.nextCursor,
      })),
    ),
    on(
      InboxApiActions.pageFailed,
      forCurrent((state, { problem, append }) =>
        append ? { ...state, loadingMore: false, moreProblem: problem } : state.status === 'loaded' && state.messages.length ? state : { ...state, status: 'error', problem },
      ),
    ),

    on(InboxPageActions.starToggled, (state) => ({ ...state, starProblem: null })),
    on(
      InboxApiActions.starSaved,
      forCurrent((state, { message }) => ({
        ...state,
        // Unstarred while the starred filter is on: it leaves the list.
        messages:
          state.filters.starred && !message.starred
            ? state.messages.filter((m) => m.id !== message.id)
            : state.messages.map((m) => (m.id === message.id ? message : m)),
        total: state.filters.starred && !message.starred ? Math.max(0, state.total - 1) : state.total,
        conversation: state.conversation
          ? { ...state.conversation, items: state.conversation.items.map((i) => (i.id === message.id ? { ...i, starred: message.starred } : i)) }
          : null,
      })),
    ),
    on(InboxApiActions.starFailed, forCurrent((state, { problem }) => ({ ...state, starProblem: problem }))),

    on(InboxPageActions.fanOpened, (state, { openid }) =>
      openid === state.openid && state.conversationStatus !== 'error'
        ? state
        : { ...state, ...closedConversation, openid, conversationStatus: 'loading' as const },
    ),
    on(InboxPageActions.conversationClosed, (state) => ({ ...state, ...closedConversation })),
    on(InboxPageActions.conversationRetried, (state) => ({ ...state, conversationStatus: 'loading' as const, conversationProblem: null })),
    on(
      InboxApiActions.conversationLoaded,
      forOpenFan((state, { conversation, receivedAt }) => ({ ...state, conversationStatus: 'loaded', conversation, receivedAt, conversationProblem: null })),
    ),
    on(
      InboxApiActions.conversationFailed,
      // A background refresh that fails keeps the conversation on screen.
      forOpenFan((state, { problem }) => (state.conversation ? state : { ...state, conversationStatus: 'error', conversationProblem: problem })),
    ),
    on(InboxPageActions.replySent, (state) => ({ ...state, sending: true, replyProblem: null })),
    on(
      InboxApiActions.replySent,
      forOpenFan((state, { sent, receivedAt }) => ({
        ...state,
        sending: false,
        repliesSent: state.repliesSent + 1,
        receivedAt,
        conversation: state.conversation
          ? { ...state.conversation, items: [...state.conversation.items, sent.reply], window: sent.window }
          : state.conversation,
        // The fan's messages are answered now.
        messages: state.messages.map((m) => (m.openid === state.openid ? { ...m, needsReply: false } : m)),
      })),
    ),
    on(InboxApiActions.replyFailed, forOpenFan((state, { problem }) => ({ ...state, sending: false, replyProblem: problem }))),
  ),
});
