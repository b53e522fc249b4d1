import { defineConfig } from '@playwright/test';

// The desktop app itself, launched with Playwright's _electron (tests/electron). Separate from
// playwright.config.ts (the browser e2e suite): no browser project, one worker, and a long
// first-test budget for building the app. scripts/test.mjs runs it as its own step; where the
// Electron binary is missing the test is skipped with the reason, and the summary shows it.
export default defineConfig({
  testDir: 'tests/electron',
  outputDir: '.tmp/playwright-electron-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});
