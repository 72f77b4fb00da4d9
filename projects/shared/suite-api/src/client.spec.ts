import { createSuiteClient, unwrap } from './client';
import { ProblemError } from './problem-error';

/** A fetch that never answers, only rejecting when the request's signal aborts (as the browser's does). */
function hangingFetch(seen: Request[]) {
  return (input: RequestInfo | URL) => {
    const request = input as Request;
    seen.push(request);
    return new Promise<Response>((_, reject) => {
      if (request.signal.aborted) reject(request.signal.reason);
      request.signal.addEventListener('abort', () => reject(request.signal.reason));
    });
  };
}

describe('createSuiteClient', () => {
  afterEach(() => delete (globalThis as { __wxSuiteApiTimeoutMs?: number }).__wxSuiteApiTimeoutMs);

  it('turns a call without an answer into a TIMEOUT problem after its bound', async () => {
    const seen: Request[] = [];
    spyOn(globalThis, 'fetch').and.callFake(hangingFetch(seen));
    const client = createSuiteClient('/api', { timeoutMs: 30 });
    const started = performance.now();
    const error = await unwrap(client.GET('/api/wechat/accounts')).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).code).toBe('TIMEOUT');
    expect((error as ProblemError).detail).toBeUndefined();
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    expect(seen.length).toBe(1);
  });

  it('lets the run-time override shorten the bound', async () => {
    spyOn(globalThis, 'fetch').and.callFake(hangingFetch([]));
    (globalThis as { __wxSuiteApiTimeoutMs?: number }).__wxSuiteApiTimeoutMs = 20;
    const client = createSuiteClient('/api', { timeoutMs: 60_000 });
    await expectAsync(unwrap(client.GET('/api/wechat/accounts'))).toBeRejectedWith(jasmine.objectContaining({ code: 'TIMEOUT' }));
  });

  it('still lets the caller abort: an abort stays an AbortError, not a problem', async () => {
    spyOn(globalThis, 'fetch').and.callFake(hangingFetch([]));
    const client = createSuiteClient('/api', { timeoutMs: 60_000 });
    const controller = new AbortController();
    const call = client.GET('/api/wechat/accounts', { signal: controller.signal });
    controller.abort();
    await expectAsync(call).toBeRejectedWith(jasmine.objectContaining({ name: 'AbortError' }));
  });

  it('answers normally within the bound', async () => {
    spyOn(globalThis, 'fetch').and.resolveTo(
      new Response(JSON.stringify({ items: [] }), { status: 200, headers: { 'content-type': 'application/json' } }),
    );
    const client = createSuiteClient('/api', { timeoutMs: 1_000 });
    expect(await unwrap(client.GET('/api/wechat/accounts'))).toEqual(jasmine.objectContaining({ items: [] }));
  });
});
