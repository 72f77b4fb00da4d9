import type { AccountContext } from '@wechat-mfe/account-context';
import { createSuiteClient, unwrap } from '@wechat-mfe/suite-api';
import type { FanPage } from './fans-api';

/** The fan list's route, and the request its first page is on opening it (no filter, the first PAGE_SIZE). */
const LIST_PATH = '/wechat/fans';
export const FIRST_PAGE = { offset: 0, limit: 200 } as const;
/** An answer older than this is not handed out: the list would show fans as they were some time ago. */
const FRESH_MS = 5000;

let early: { appid: string; at: number; page: Promise<FanPage> } | null = null;

/**
 * Asks for the list's first page as the application starts, when the page is the fan list: at once if
 * the account is known, else as soon as the context knows it (on a cold start the shell imports this
 * module while the session and the accounts are still on their way, ADR 0020). This subscription is
 * made while the application bootstraps, before the list's, so it hears of the account first. The
 * request then runs while Angular bootstraps and the list measures its viewport, instead of after
 * (ADR 0019). The list takes it through `takeFirstPage`.
 */
export function prefetchFirstPage(apiBase: string, context: Pick<AccountContext, 'snapshot' | 'state$'>, path = () => location.pathname): void {
  if (path() !== LIST_PATH) return;
  const known = context.snapshot.selectedAppid;
  if (known) return ask(apiBase, known);
  if (context.snapshot.access !== 'loading') return;
  let done = false;
  const subscription = context.state$.subscribe(({ access, selectedAppid }) => {
    if (done || access === 'loading') return;
    done = true;
    // Still on the list (the user may have moved on meanwhile), and an account to show.
    if (selectedAppid && path() === LIST_PATH) ask(apiBase, selectedAppid);
    queueMicrotask(() => subscription.unsubscribe());
  });
}

function ask(apiBase: string, appid: string): void {
  const page = unwrap(createSuiteClient(apiBase).GET('/api/wechat/accounts/{appid}/fans', { params: { path: { appid }, query: { ...FIRST_PAGE } } }));
  // Nobody may ever take it (another account, no permission): its failure is not an unhandled one.
  page.catch(() => undefined);
  early = { appid, at: performance.now(), page };
}

/** The prefetched page if `query` is exactly the request it answers for `appid`, once, while fresh. */
export function takeFirstPage(appid: string, query: Record<string, unknown>): Promise<FanPage> | null {
  const taken = early;
  if (!taken || taken.appid !== appid || performance.now() - taken.at > FRESH_MS) return null;
  const keys = Object.keys(query);
  if (keys.length !== 2 || query['offset'] !== FIRST_PAGE.offset || query['limit'] !== FIRST_PAGE.limit) return null;
  early = null;
  return taken.page;
}
