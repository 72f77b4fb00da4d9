import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './generated/schema';
import { ProblemError, problemFromResponse } from './problem-error';

/** The typed client of the suite API, generated from mocks/openapi.yaml. */
export type SuiteClient = Client<paths>;

/**
 * Creates the client for an API base such as `/api` (same origin) or `https://suite.example/api`.
 * Paths in the OpenAPI document start with `/api`, so the base URL is everything before it.
 */
export function createSuiteClient(apiBase = '/api'): SuiteClient {
  const client = createClient<paths>({ baseUrl: apiBase.replace(/\/api\/?$/, ''), credentials: 'include' });
  client.use(networkErrors);
  return client;
}

// fetch rejects with a bare TypeError when the network fails; callers get a ProblemError either way.
const networkErrors: Middleware = {
  onError({ error }) {
    if (error instanceof DOMException && error.name === 'AbortError') return undefined;
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
