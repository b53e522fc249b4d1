import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/chromium.js';

// End-to-end tests drive the built renderer (npm run build:renderer) in the system
// Chromium through the web host. Each spec file starts its own web host via a
// fixture, so there is no webServer here. Reporters are chosen by scripts/test.mjs
// (--reporter=list,json); running `npx playwright test` directly uses `list`.

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: '.tmp/playwright-results',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: 'list',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        headless: true,
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
});
