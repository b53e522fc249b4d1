import { defineConfig, devices } from '@playwright/test';
import { chooseChromium, describeChromium } from './tests/chromium.js';
import type { ShopDb } from './tests/e2e/shop-db.js';

// End-to-end tests drive the built renderer (npm run build:renderer) in Chromium
// through the web host. Each spec file starts its own web host via a
// fixture, so there is no webServer here. Reporters are chosen by scripts/test.mjs
// (--reporter=list,json); running `npx playwright test` directly uses `list`.

// The config is an ES module, so it can wait for the browser choice (which may unpack
// @sparticuz/chromium) before Playwright reads launchOptions. Every worker loads this file
// again and makes the same choice; only the runner says which browser it is.
const browser = await chooseChromium();
if (process.env.TEST_WORKER_INDEX === undefined) process.stderr.write(`${describeChromium(browser)}\n`);

const chromium = {
  ...devices['Desktop Chrome'],
  headless: true,
  launchOptions: {
    executablePath: browser.executablePath,
    args: browser.args,
  },
};

export default defineConfig<object, { shopDb: ShopDb }>({
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
    { name: 'chromium', use: chromium },
    // The desks against a shop backend again, with the shop on PostgreSQL.
    { name: 'chromium-postgres', testMatch: /sync-two-desks\.spec\.ts$/, use: { ...chromium, shopDb: 'postgres' } },
  ],
});
