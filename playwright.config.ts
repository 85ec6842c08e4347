import { defineConfig } from '@playwright/test';
import { ELECTRON_SKIP_REASON, electronExecutable } from './tests/e2e/electron-binary';

// The list reporter shows a skipped test without its reason: say it once, from the runner.
if (!process.env.TEST_WORKER_INDEX && electronExecutable() === null) console.log(`Electron end-to-end tests will be skipped. ${ELECTRON_SKIP_REASON}\n`);

/**
 * End-to-end tests drive the browser mode in Debian's Chromium (Playwright cannot download its
 * own browsers here). Each test file starts its own `serve` process with a temporary data folder.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1360, height: 900 },
    launchOptions: {
      executablePath: process.env.GLOSS_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    trace: 'retain-on-failure',
  },
});
