import { Observable } from 'rxjs';
import { AccountContext } from './account-context';
import { AccountList, SuiteEvent, SuiteUser } from './models';

/** Event names the suite's `/api/events` stream sends (EventSource needs each name to listen to it). */
export const SUITE_EVENT_TYPES = ['job', 'allocation', 'account', 'inbox.message', 'mass-send.result', 'qrcode.scan'] as const;

/** Where the suite's API lives; same origin by default, the shell's runtime config can point elsewhere. */
export interface BrowserContextOptions {
  readonly apiBase?: string;
}

/**
 * The context as the shell (or a module served alone) creates it in a browser: the session and account
 * endpoints of the suite API, localStorage, a BroadcastChannel and one EventSource for the page.
 */
export function createBrowserAccountContext({ apiBase = '/api' }: BrowserContextOptions = {}): AccountContext {
  const getJson = async <T>(path: string): Promise<T | null> => {
    const response = await fetch(`${apiBase}${path}`, { credentials: 'include', headers: { accept: 'application/json' } });
    if (response.status === 401) return null;
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return (await response.json()) as T;
  };
  return new AccountContext({
    loadUser: () => getJson<SuiteUser>('/session'),
    loadAccounts: async () => (await getJson<AccountList>('/wechat/accounts')) ?? { items: [], totalBound: 0 },
    storage: safeLocalStorage(),
    channel: typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('wechat-mfe.account-context'),
    events: suiteEvents(`${apiBase}/events`),
  });
}

/** One EventSource while anyone listens; the browser reconnects it by itself after a drop. */
function suiteEvents(url: string): Observable<SuiteEvent> {
  return new Observable<SuiteEvent>((subscriber) => {
    if (typeof EventSource === 'undefined') return undefined;
    const source = new EventSource(url, { withCredentials: true });
    const forward = (event: MessageEvent) => {
      try {
        subscriber.next({ type: event.type, data: JSON.parse(event.data) });
      } catch {
        // A malformed message must not end the stream for every listener.
      }
    };
    for (const type of SUITE_EVENT_TYPES) source.addEventListener(type, forward);
    return () => source.close();
  });
}

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
