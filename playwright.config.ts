import { defineConfig } from '@playwright/test';
import { withoutBrowserUi } from './scripts/browser/chromium-features.mjs';

/**
 * E2E against one production build (npm run build), in Debian's Chromium. Each worker starts its own
 * start server (shell + modules + mock suite) on its own port and data folder, so tests that reset or
 * write data never disturb the other worker.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  globalSetup: './e2e/support/global-setup.ts',
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env['CHROME_BIN'] ?? '/usr/bin/chromium',
      // Without the omnibox popup each new window would load (~400 ms of CPU per test's context, docs/adr/0026).
      ...withoutBrowserUi(['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']),
    },
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
