import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Collects what the resilience specs must never see: uncaught errors, unhandled promise rejections
 * and console errors. A failed request is expected while a fault is injected, so the browser's own
 * "Failed to load resource" lines (and the messages of aborted downloads the spec caused) are not
 * errors of ours; anything else a test expects is passed to `expectClean` by pattern.
 */
export function watchPageErrors(page: Page) {
  const seen: string[] = [];
  void page.addInitScript(() => {
    window.addEventListener('unhandledrejection', (event) => {
      const reason = event.reason as { message?: string; name?: string } | undefined;
      console.error(`[unhandledrejection] ${reason?.name ?? ''}: ${reason?.message ?? String(event.reason)}`);
    });
  });
  page.on('pageerror', (error) => seen.push(`[pageerror] ${error.name}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (/^Failed to load resource/.test(text)) return;
    seen.push(`[console.error] ${text}`);
  });
  return {
    /** Everything seen so far (for a spec to print). */
    get errors(): readonly string[] {
      return seen;
    },
    /** Fails listing every error not matched by one of `allowed`. */
    expectClean(label: string, allowed: RegExp[] = []) {
      const unexpected = seen.filter((line) => !allowed.some((pattern) => pattern.test(line)));
      expect(unexpected, `errors or unhandled rejections on ${label}`).toEqual([]);
    },
  };
}

export interface Fault {
  /** `METHOD /path` glob or `/regex/` as /__mock/faults takes it. */
  route: string;
  status?: number;
  latencyMs?: number;
  times?: number;
}

/** Injects faults into the mock suite of the page's server. */
export async function injectFaults(request: APIRequestContext, baseURL: string, ...faults: Fault[]) {
  for (const fault of faults) {
    const response = await request.post(`${baseURL}/__mock/faults`, { data: { times: 1, ...fault } });
    expect(response.status(), `fault ${fault.route}`).toBe(201);
  }
}

export async function clearFaults(request: APIRequestContext, baseURL: string) {
  expect((await request.delete(`${baseURL}/__mock/faults`)).status()).toBe(204);
}

/** Makes every suite API call of the page give up after `ms` (the client's run-time override). */
export async function shortenApiTimeout(page: Page, ms: number) {
  await page.addInitScript((limit) => ((globalThis as { __wxSuiteApiTimeoutMs?: number }).__wxSuiteApiTimeoutMs = limit), ms);
}
