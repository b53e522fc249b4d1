/**
 * The sign-in screen as reached from the offline demo store: from the user menu, by keyboard
 * alone, with the fields checked by main's own schema before anything is sent, and Esc (or the
 * demo button) back to the demo store with nothing changed.
 */
import { expect, test } from './desk.fixture.js';

test('the demo store shows no sync line, and the user menu leads to the sign-in screen and back', async ({ page, desk }) => {
  await page.goto(desk.host.url);
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  // Nothing is ever sent from the demo store: no sync line, no "unsynced" badges.
  await expect(page.getByTestId('sync-status')).toHaveCount(0);

  await page.getByRole('button', { name: /account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign in to a shop…' }).click();

  const form = page.getByRole('form', { name: 'Sign in to the shop' });
  await expect(form).toBeVisible();
  // The cursor starts in the first empty field; the password is never filled in for anyone.
  await expect(form.getByLabel('Shop backend address')).toBeFocused();
  await expect(form.getByRole('textbox', { name: 'Password' })).toHaveValue('');
  // The demo store's people are sample staff, not anyone's account at the shop.
  await expect(form.getByLabel('Email')).toHaveValue('');
  await expect(form.getByRole('button', { name: /Back to the offline demo store/ })).toHaveAccessibleDescription(/Sample orders on this computer only/);

  await page.keyboard.press('Escape');
  await expect(form).toHaveCount(0);
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
});

test('keyboard only: Enter checks every field and puts the cursor on the first to fix', async ({ page, desk }) => {
  await page.goto(desk.host.url);
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  await page.getByRole('button', { name: /account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign in to a shop…' }).click();
  const form = page.getByRole('form', { name: 'Sign in to the shop' });
  const address = form.getByLabel('Shop backend address');
  const email = form.getByLabel('Email');
  const password = form.getByRole('textbox', { name: 'Password' });
  await expect(address).toBeFocused();

  await page.keyboard.type('https://shop.example.com');
  await page.keyboard.press('Tab');
  await expect(email).toBeFocused();
  await page.keyboard.type('not-an-email');
  await page.keyboard.press('Enter');

  await expect(email).toHaveAccessibleDescription('Enter your work email address.');
  await expect(password).toHaveAccessibleDescription('Enter your password.');
  await expect(address).not.toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toBeFocused();

  // Fixing a field clears its error at once; the other stays until it is fixed too.
  await email.fill('sam@example.com');
  await expect(email).not.toHaveAttribute('aria-invalid', 'true');
  await expect(email).not.toHaveAccessibleDescription(/Enter/);
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAccessibleDescription('Enter your password.');
});
