/**
 * A sign-in that expires mid-shift: the sign-in screen comes up and says the changes are kept;
 * the person can carry on offline (the desk still knows who they are), and the header then
 * offers the sign-in instead of Sync now.
 */
import { test as base, expect } from '@playwright/test';
import { PASSWORD, startSyncUiDesk, type SyncUiDesk } from './sync-ui-desk.js';

const test = base.extend<{ sync: SyncUiDesk }>({
  // Playwright reads a fixture's dependencies from its first parameter's pattern: none here.
  // eslint-disable-next-line no-empty-pattern
  sync: async ({}, use) => {
    const sync = await startSyncUiDesk({ sessionTtlMs: 6_000 });
    await use(sync);
    await sync.close();
  },
});

test('an expired session brings up the sign-in screen without losing a half-typed note; carrying on offline keeps the person and their changes', async ({ page, sync }) => {
  await sync.shop.addOrder(sync.shop.stores.north, '5003');
  await page.goto(sync.host.url);
  await page.getByRole('button', { name: /account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign in to a shop…' }).click();
  const form = page.getByRole('form', { name: 'Sign in to the shop' });
  await form.getByLabel('Shop backend address').fill(sync.shop.url);
  await form.getByLabel('Email').fill('nora@shop.test');
  await form.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
  await form.getByRole('textbox', { name: 'Password' }).press('Enter');
  await page.getByTestId('queue-row').filter({ hasText: '5003' }).click();
  await expect(page.getByRole('heading', { name: 'Order 5003' })).toBeVisible();
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'Add a note to order 5003' });
  await dialog.getByLabel('Internal note').fill('Call before delivery');

  // The shop ends the session while the note is half-written; the desk finds out on its next
  // round. The sign-in screen comes up behind the open dialog, which keeps what was typed.
  await expect(page.getByTestId('session-ended')).toBeAttached({ timeout: 15_000 });
  await expect(dialog.getByLabel('Internal note')).toHaveValue('Call before delivery');
  // The cursor stays in the note: what is typed next doesn't land in the sign-in form.
  await expect(dialog.getByLabel('Internal note')).toBeFocused();
  await page.keyboard.type('!');
  await expect(dialog.getByLabel('Internal note')).toHaveValue('Call before delivery!');
  await dialog.getByRole('button', { name: 'Add note' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(form.getByRole('textbox', { name: 'Password' })).toBeFocused();

  await expect(form.getByLabel('Email')).toHaveValue('nora@shop.test');
  await expect(form.getByRole('textbox', { name: 'Password' })).toHaveValue('');
  await expect(page.getByTestId('kept-changes')).toHaveText('1 change is waiting to sync; it is kept and sent after you sign in.');

  // Carrying on offline goes back to the very page, as it was.
  await form.getByRole('button', { name: 'Not now: keep working offline' }).click();
  await expect(form).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Order 5003' })).toBeVisible();
  await expect(page.getByText('Call before delivery!')).toBeVisible();
  await expect(page.getByTestId('session-info')).toContainText('Nora North');
  await expect(page.getByTestId('sync-connection')).toHaveText('Sign in needed');
  await expect(page.getByTestId('sync-waiting')).toHaveText(/^1 waiting/);

  await page.getByTestId('sync-sign-in').click();
  await expect(form.getByRole('textbox', { name: 'Password' })).toBeFocused();
  await form.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
  await form.getByRole('textbox', { name: 'Password' }).press('Enter');
  await expect(page.getByTestId('sync-waiting')).toHaveText('All changes sent', { timeout: 10_000 });
});
