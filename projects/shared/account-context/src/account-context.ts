import { BehaviorSubject, Observable, Subscription, distinctUntilChanged, map, share, EMPTY } from 'rxjs';
import {
  AccountAccess,
  AccountContextState,
  AccountList,
  SuiteEvent,
  SuiteLocale,
  SuiteUser,
  WechatAccount,
} from './models';
import { ContextPersistence, KeyValueStore, TabChannel, parseTabMessage } from './persistence';

/** How the shell wires the context to the suite; everything is injectable so tests need no browser APIs. */
export interface AccountContextOptions {
  /** The signed-in user, or `null` when signed out. */
  loadUser(): Promise<SuiteUser | null>;
  /** The accounts this user may use, and how many the organisation has bound. */
  loadAccounts(): Promise<AccountList>;
  /** Where the selection and the locale persist (localStorage in the browser). */
  storage?: KeyValueStore | null;
  /** How other tabs hear about a selection (a BroadcastChannel in the browser). */
  channel?: TabChannel | null;
  /** The suite's one event stream for this page; the context refreshes on allocation and account changes. */
  events?: Observable<SuiteEvent>;
}

const INITIAL: AccountContextState = {
  access: 'loading',
  user: null,
  accounts: [],
  totalBound: 0,
  selectedAppid: null,
  locale: 'zh-CN',
  error: null,
};

// Events after which the user's list of accounts may have changed.
const REFRESHING_EVENTS = new Set(['allocation', 'account']);

/**
 * The one store of user, accounts, selection and locale that the shell creates and passes to every
 * application and parcel. Framework-free on purpose: modules of any framework version can consume it.
 */
export class AccountContext {
  private readonly state = new BehaviorSubject<AccountContextState>(INITIAL);
  private readonly persistence: ContextPersistence;
  private readonly channel: TabChannel | null;
  private readonly eventsSubscription: Subscription | null;
  private refreshSequence = 0;
  // A selection made in another tab for an account this tab has not loaded yet.
  private pendingSelection: string | null = null;

  /** Everything at once; prefer the narrower streams below. */
  readonly state$: Observable<AccountContextState> = this.state.asObservable();
  readonly user$: Observable<SuiteUser | null> = this.select$((s) => s.user);
  readonly accounts$: Observable<readonly WechatAccount[]> = this.select$((s) => s.accounts);
  readonly access$: Observable<AccountAccess> = this.select$((s) => s.access);
  readonly locale$: Observable<SuiteLocale> = this.select$((s) => s.locale);
  /** The selected account, or `null` while loading or when the user has none. */
  readonly selected$: Observable<WechatAccount | null> = this.state.pipe(
    map((s) => s.accounts.find((a) => a.appid === s.selectedAppid) ?? null),
    distinctUntilChanged(),
  );
  /** The suite's server-sent events, shared so the page keeps one connection. */
  readonly events$: Observable<SuiteEvent>;

  constructor(private readonly options: AccountContextOptions) {
    this.persistence = new ContextPersistence(options.storage ?? null);
    this.channel = options.channel ?? null;
    const locale = this.persistence.readLocale();
    if (locale) this.patch({ locale });
    if (this.channel) this.channel.onmessage = (event) => this.onTabMessage(event.data);
    this.events$ = (options.events ?? EMPTY).pipe(share());
    this.eventsSubscription = options.events
      ? this.events$.subscribe((event) => {
          if (REFRESHING_EVENTS.has(event.type)) void this.refresh();
        })
      : null;
  }

  /** The current state, for code that cannot wait for a stream. */
  get snapshot(): AccountContextState {
    return this.state.value;
  }

  /**
   * Selects an account the user may use, persists it and tells the other tabs.
   * Returns whether it was selected (an appid outside the user's accounts is refused).
   */
  select(appid: string): boolean {
    const { user, accounts } = this.state.value;
    if (!user || !accounts.some((a) => a.appid === appid)) return false;
    this.applySelection(user.id, appid);
    this.channel?.postMessage({ kind: 'select', userId: user.id, appid });
    return true;
  }

  /** Switches the UI language of every application (the shell only). */
  setLocale(locale: SuiteLocale): void {
    if (locale === this.state.value.locale) return;
    this.persistence.writeLocale(locale);
    this.patch({ locale });
    this.channel?.postMessage({ kind: 'locale', locale });
  }

  /**
   * Reloads user and accounts. Overlapping calls are fine: only the latest one's answer is applied.
   * Keeps the selection when it is still allowed (a pending one from another tab first), else the
   * persisted one, else the first account.
   */
  async refresh(): Promise<void> {
    const sequence = ++this.refreshSequence;
    if (this.state.value.access === 'error') this.patch({ access: 'loading', error: null });
    try {
      // In parallel: one round trip instead of two on every start (the accounts answer 401, i.e.
      // an empty list, when nobody is signed in).
      const [user, loaded] = await Promise.all([this.options.loadUser(), this.options.loadAccounts()]);
      const list: AccountList = user ? loaded : { items: [], totalBound: 0 };
      if (sequence !== this.refreshSequence) return;
      const accounts = list.items;
      const allowed = (appid: string | null) => !!appid && accounts.some((a) => a.appid === appid);
      const current = this.state.value.user?.id === user?.id ? this.state.value.selectedAppid : null;
      const stored = user ? this.persistence.readSelection(user.id) : null;
      const pending = this.pendingSelection;
      this.pendingSelection = null;
      const selectedAppid = [pending, current, stored].find(allowed) ?? accounts[0]?.appid ?? null;
      this.patch({
        user,
        accounts,
        totalBound: list.totalBound,
        selectedAppid,
        access: accessOf(user, accounts, list.totalBound),
        error: null,
      });
    } catch (error) {
      if (sequence !== this.refreshSequence) return;
      this.patch({ access: 'error', error });
    }
  }

  /** Stops listening to other tabs and to the event stream. */
  dispose(): void {
    this.eventsSubscription?.unsubscribe();
    this.channel?.close();
    this.state.complete();
  }

  private applySelection(userId: string, appid: string): void {
    this.persistence.writeSelection(userId, appid);
    if (this.state.value.selectedAppid !== appid) this.patch({ selectedAppid: appid });
  }

  private onTabMessage(data: unknown): void {
    const message = parseTabMessage(data);
    if (!message) return;
    if (message.kind === 'locale') {
      this.patch({ locale: message.locale });
      return;
    }
    const { user, accounts } = this.state.value;
    if (!user || user.id !== message.userId) return;
    if (accounts.some((a) => a.appid === message.appid)) {
      this.applySelection(user.id, message.appid);
    } else {
      // The other tab may know an account we have not loaded yet (just bound or allocated).
      this.pendingSelection = message.appid;
      void this.refresh();
    }
  }

  private patch(change: Partial<AccountContextState>): void {
    this.state.next({ ...this.state.value, ...change });
  }

  private select$<T>(project: (state: AccountContextState) => T): Observable<T> {
    return this.state.pipe(map(project), distinctUntilChanged());
  }
}

function accessOf(user: SuiteUser | null, accounts: readonly WechatAccount[], totalBound: number): AccountAccess {
  if (!user) return 'signed-out';
  if (totalBound === 0) return 'not-bound';
  return accounts.length === 0 ? 'no-permission' : 'ready';
}
