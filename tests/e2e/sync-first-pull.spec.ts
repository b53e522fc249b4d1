/**
 * The first download of a store over a slow network: a progress bar with how much has arrived,
 * of how much, and what happens if it is cut short; gone, and announced, once it is done.
 */
import { test as base, expect } from '@playwright/test';
import { PASSWORD, startSyncUiDesk, type SyncUiDesk } from './sync-ui-desk.js';

const ORDERS = 12;

const test = base.extend<{ sync: SyncUiDesk }>({
  // Playwright reads a fixture's dependencies from its first parameter's pattern: none here.
  // eslint-disable-next-line no-empty-pattern
  sync: async ({}, use) => {
    const sync = await startSyncUiDesk({ pullLimit: 2, pullDelayMs: 400 });
    await use(sync);
    await sync.close();
  },
});

test('the first download shows its progress and says when it is done', async ({ page, sync }) => {
  for (let i = 0; i < ORDERS; i++) await sync.shop.addOrder(sync.shop.stores.north, String(6000 + i));
  await page.goto(sync.host.url);
  await page.getByRole('button', { name: /account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign in to a shop…' }).click();
  const form = page.getByRole('form', { name: 'Sign in to the shop' });
  await form.getByLabel('Shop backend address').fill(sync.shop.url);
  await form.getByLabel('Email').fill('admin@shop.test');
  await form.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
  await form.getByRole('textbox', { name: 'Password' }).press('Enter');

  const progress = page.getByTestId('first-pull');
  await expect(progress).toBeVisible();
  await expect(progress).toContainText('it resumes where it stopped');
  const bar = progress.getByRole('progressbar', { name: 'Orders downloaded' });
  // Part of the way, with the total known from the first page on.
  await expect(bar).toHaveAttribute('aria-valuetext', /^\d+ of \d+ received/);
  const partway = Number(await bar.getAttribute('aria-valuenow'));
  expect(partway).toBeGreaterThanOrEqual(0);
  expect(partway).toBeLessThan(100);

  await expect(progress).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByTestId('sync-announcer')).toContainText('The store has finished downloading.');
  await page.getByRole('tab', { name: /All/ }).click();
  await expect(page.getByTestId('queue-row')).toHaveCount(ORDERS);
});
