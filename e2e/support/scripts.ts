import type { Page } from '@playwright/test';

/**
 * Records the scripts a page requests from now on, for checks that some code was fetched ahead of
 * a press (`wxPrefetch`) and that the press itself fetches none.
 */
export function watchScripts(page: Page) {
  const started: string[] = [];
  let finished = 0;
  page.on('request', (r) => r.resourceType() === 'script' && started.push(r.url()));
  page.on('requestfinished', (r) => r.resourceType() === 'script' && finished++);
  return {
    started,
    /** True once no script started for a quarter second and every started one answered (poll it). */
    async settled(): Promise<boolean> {
      const n = started.length;
      await page.waitForTimeout(250);
      return started.length === n && finished === n;
    },
  };
}
