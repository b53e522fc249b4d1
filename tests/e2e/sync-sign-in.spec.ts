/**
 * Signing in to a real shop backend (server/ on loopback) from the browser desk, as the desktop
 * app runs it (the desk host): each refusal says what to do and puts the cursor where the fix
 * is; a sign-in opens the shop's store with its sync line in the header.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { PASSWORD, startSyncUiDesk, type SyncUiDesk } from './sync-ui-desk.js';

const test = base.extend<{ sync: SyncUiDesk }>({
  // Playwright reads a fixture's dependencies from its first parameter's pattern: none here.
  // eslint-disable-next-line no-empty-pattern
  sync: async ({}, use) => {
    // Two failed attempts per email, then a wait: the third attempt is refused before any check.
    const sync = await startSyncUiDesk({ signInLimits: { perEmail: { max: 2, windowMs: 60_000 }, perIp: { max: 100, windowMs: 60_000 } } });
    await use(sync);
    await sync.close();
  },
});

async function openSignIn(page: Page, sync: SyncUiDesk) {
  await page.goto(sync.host.url);
  await expect(page.getByTestId('session-info')).toBeVisible();
  await page.getByRole('button', { name: /account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign in to a shop…' }).click();
  const form = page.getByRole('form', { name: 'Sign in to the shop' });
  return {
    form,
    address: form.getByLabel('Shop backend address'),
    email: form.getByLabel('Email'),
    password: form.getByRole('textbox', { name: 'Password' }),
    error: page.getByTestId('sign-in-error'),
  };
}

test('a wrong password, too many attempts and an unreachable backend each say what to do', async ({ page, sync }) => {
  const { address, email, password, error } = await openSignIn(page, sync);

  await address.fill(sync.shop.url);
  await email.fill('admin@shop.test');
  await password.fill('not the password');
  await password.press('Enter');
  await expect(error).toHaveText('That email and password do not match an account on this backend.');
  // Typed again from scratch, where the cursor already is; the rest stays as typed.
  await expect(password).toHaveValue('');
  await expect(password).toBeFocused();
  await expect(email).toHaveValue('admin@shop.test');

  await password.fill('still not it');
  await password.press('Enter');
  await expect(password).toHaveValue('');
  await password.fill(PASSWORD);
  await password.press('Enter');
  // Refused before the password is even checked: the right one is no way round the limit.
  await expect(error).toContainText('Too many sign-in attempts');
  // With how long to wait, from the backend's Retry-After.
  await expect(error).toContainText(/Try again in (a second|\d+ seconds|\d+ minutes)\./);
  await expect(page.getByTestId('sync-status')).toHaveCount(0);

  await address.fill('http://127.0.0.1:9');
  await password.fill(PASSWORD);
  await password.press('Enter');
  await expect(error).toContainText('Check the address and the network');
  await expect(address).toBeFocused();
});

test('signing in opens the shop’s store: its orders, the person, and the sync line in the header', async ({ page, sync }) => {
  await sync.shop.addOrder(sync.shop.stores.north, '5001');
  const { address, email, password } = await openSignIn(page, sync);
  await address.fill(sync.shop.url);
  await email.fill('nora@shop.test');
  await password.fill(PASSWORD);
  await password.press('Enter');

  await expect(page.getByTestId('session-info')).toContainText('Nora North');
  await expect(page.getByTestId('session-info')).toContainText('Seller');
  await expect(page.getByTestId('queue-row').filter({ hasText: '5001' })).toBeVisible();
  const status = page.getByTestId('sync-status');
  await expect(status).toHaveAttribute('data-connection', /online|syncing/);
  await expect(page.getByTestId('sync-waiting')).toHaveText('All changes sent');
  await expect(page.getByTestId('sync-last')).toHaveText(/^synced \d+ s ago$/);
  // The sign-in keeps nothing typed: the password is gone from the page.
  await expect(page.getByRole('textbox', { name: 'Password' })).toHaveCount(0);
  expect(sync.desk.current().kind).toBe('server');
});

test('signing out with nothing waiting, then back to the offline demo store', async ({ page, sync }) => {
  const { address, email, password } = await openSignIn(page, sync);
  await address.fill(sync.shop.url);
  await email.fill('admin@shop.test');
  await password.fill(PASSWORD);
  await password.press('Enter');
  await expect(page.getByTestId('sync-waiting')).toHaveText('All changes sent');

  await page.getByRole('button', { name: /account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Sign out?' });
  await expect(confirm).toContainText('Every change made at this desk has reached the shop.');
  await confirm.getByRole('button', { name: 'Sign out' }).click();

  const form = page.getByRole('form', { name: 'Sign in to the shop' });
  await expect(form).toBeVisible();
  await expect(page.getByTestId('kept-changes')).toHaveCount(0);
  await expect(page.getByTestId('session-ended')).toHaveCount(0);
  // Signed out on purpose: nobody to carry on as.
  await expect(form.getByRole('button', { name: /keep working offline/ })).toHaveCount(0);

  await form.getByRole('button', { name: /Use the offline demo store/ }).click();
  await expect(form).toHaveCount(0);
  await expect(page.getByTestId('session-info')).toBeVisible();
  await expect(page.getByTestId('sync-status')).toHaveCount(0);
  expect(sync.desk.current().kind).toBe('demo');
});
