/** One field-level message of a `VALIDATION` problem. */
export interface ProblemFieldError {
  readonly field: string;
  readonly message: string;
}

/**
 * An `application/problem+json` error of the suite API (ARCHITECTURE §5), or what `toProblem`
 * made of any other failure. `code` picks the translated message; `detail` is server text.
 */
export interface Problem {
  readonly type?: string;
  readonly title?: string;
  readonly status?: number;
  readonly detail?: string;
  /** e.g. `VALIDATION`, `FORBIDDEN_ACCOUNT`, `WECHAT_45015`, `NETWORK`. */
  readonly code?: string;
  readonly errors?: readonly ProblemFieldError[];
}

type Bag = Record<string, unknown>;

function isBag(value: unknown): value is Bag {
  return typeof value === 'object' && value !== null;
}

function looksLikeProblem(value: unknown): value is Bag {
  return isBag(value) && (typeof value['code'] === 'string' || typeof value['type'] === 'string');
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Keeps only the documented fields, so server text cannot smuggle in anything else. */
function pick(body: Bag, status?: number): Problem {
  const errors = Array.isArray(body['errors'])
    ? body['errors']
        .filter(isBag)
        .map((e) => ({ field: String(e['field'] ?? ''), message: String(e['message'] ?? '') }))
    : undefined;
  const problem: { -readonly [K in keyof Problem]: Problem[K] } = {};
  const bodyStatus = typeof body['status'] === 'number' ? body['status'] : undefined;
  if (str(body['type'])) problem.type = str(body['type']);
  if (str(body['title'])) problem.title = str(body['title']);
  if ((bodyStatus ?? status) !== undefined) problem.status = bodyStatus ?? status;
  if (str(body['detail'])) problem.detail = str(body['detail']);
  if (str(body['code'])) problem.code = str(body['code']);
  if (errors?.length) problem.errors = errors;
  return problem;
}

// fetch() rejects with a TypeError when the request never got an answer (offline, DNS, CORS).
function isNetworkFailure(error: unknown): boolean {
  return error instanceof TypeError && /fetch|network|load failed/i.test(error.message);
}

/**
 * Turns whatever a request threw into a `Problem`:
 * - a parsed problem body (`{code, status, …}`) or an error carrying one (`error.problem`, or a
 *   wrapper `{error: body, response}` as openapi-fetch and HttpClient give it);
 * - a network failure (fetch's TypeError, HttpClient's status 0) → code `NETWORK`;
 * - an unparsed `Response` → its status; any other `Error` → its message as `detail`.
 */
export function toProblem(error: unknown): Problem {
  // Before the problem check: a Response has a string `type` ('basic', 'cors', …) too.
  if (typeof Response !== 'undefined' && error instanceof Response) {
    return { status: error.status, ...(error.statusText ? { title: error.statusText } : {}) };
  }
  if (looksLikeProblem(error)) return pick(error);
  if (isNetworkFailure(error)) return { code: 'NETWORK', detail: (error as Error).message };
  if (isBag(error)) {
    // A typed error that carries the parsed body (e.g. suite-api's problem error).
    if (looksLikeProblem(error['problem'])) return pick(error['problem']);
    const response = error['response'];
    const status =
      typeof error['status'] === 'number'
        ? error['status']
        : isBag(response) && typeof response['status'] === 'number'
          ? response['status']
          : undefined;
    if (status === 0) return { code: 'NETWORK' };
    if (looksLikeProblem(error['error'])) return pick(error['error'], status);
    if (error instanceof Error) return { detail: error.message, ...(status !== undefined ? { status } : {}) };
    if (status !== undefined) return { status };
  }
  if (typeof error === 'string' && error) return { detail: error };
  return {};
}
