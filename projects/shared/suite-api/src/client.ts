import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './generated/schema';
import { ProblemError, problemFromResponse } from './problem-error';

/** The typed client of the suite API, generated from mocks/openapi.yaml. */
export type SuiteClient = Client<paths>;

/**
 * Creates the client for an API base such as `/api` (same origin) or `https://suite.example/api`.
 * Paths in the OpenAPI document start with `/api`, so the base URL is everything before it.
 */
export function createSuiteClient(apiBase = '/api', options: { timeoutMs?: number } = {}): SuiteClient {
  const client = createClient<paths>({ baseUrl: apiBase.replace(/\/api\/?$/, ''), credentials: 'include' });
  client.use(timeout(options.timeoutMs), networkErrors);
  return client;
}

/**
 * How long a call may wait for its answer. Without a bound, a server that accepts a request and
 * never answers leaves the page in its loading state for ever; every suite call is a short JSON
 * exchange (uploads go through XHR, long work runs as jobs), so 15 s is generous.
 */
export const SUITE_API_TIMEOUT_MS = 15_000;

/** `globalThis.__wxSuiteApiTimeoutMs` overrides the bound at run time (the e2e suite shortens it to test timeouts quickly). */
function currentTimeout(configured: number | undefined): number {
  const override = (globalThis as { __wxSuiteApiTimeoutMs?: unknown }).__wxSuiteApiTimeoutMs;
  return typeof override === 'number' && override > 0 ? override : (configured ?? SUITE_API_TIMEOUT_MS);
}

// The caller's own signal (switchMap, destroy) still aborts; the timeout is added beside it.
const timeout = (configured: number | undefined): Middleware => ({
  onRequest({ request }) {
    const limit = AbortSignal.timeout(currentTimeout(configured));
    return new Request(request, { signal: AbortSignal.any([request.signal, limit]) });
  },
});

// fetch rejects with a bare TypeError when the network fails; callers get a ProblemError either way.
const networkErrors: Middleware = {
  onError({ error }) {
    if (error instanceof DOMException && error.name === 'AbortError') return undefined;
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      // No detail: the browser's "signal timed out" is neither translated nor useful to the user.
      return new ProblemError({ status: 0, code: 'TIMEOUT' });
    }
    return new ProblemError({ status: 0, code: 'NETWORK', detail: error instanceof Error ? error.message : String(error) });
  },
};

/**
 * Unwraps an openapi-fetch result: the data, or a thrown ProblemError carrying the problem+json body.
 * Usage: `const accounts = await unwrap(client.GET('/api/wechat/accounts'))`.
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || error !== undefined) throw problemFromResponse(response.status, error);
  return data as T;
}
