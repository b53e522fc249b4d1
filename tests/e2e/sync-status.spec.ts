/**
 * The sync line, the unsynced badge, signing out with changes waiting, and the shop's refusals,
 * against a real shop backend (server/ on loopback) that the tests stop and start again.
 */
import { randomUUID } from 'node:crypto';
import { test as base, expect, type Page } from '@playwright/test';
import { PASSWORD, startSyncUiDesk, type SyncUiDesk } from './sync-ui-desk.js';

const test = base.extend<{ sync: SyncUiDesk }>({
  // Playwright reads a fixture's dependencies from its first parameter's pattern: none here.
  // eslint-disable-next-line no-empty-pattern
  sync: async ({}, use) => {
    const sync = await startSyncUiDesk();
    await use(sync);
    await sync.close();
  },
});

async function signIn(page: Page, sync: SyncUiDesk, email: string) {
  const form = page.getByRole('form', { name: 'Sign in to the shop' });
  await form.getByLabel('Shop backend address').fill(sync.shop.url);
  await form.getByLabel('Email').fill(email);
  await form.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
  await form.getByRole('textbox', { name: 'Password' }).press('Enter');
  await expect(page.getByTestId('sync-status')).toBeVisible();
}

async function signInFromDemo(page: Page, sync: SyncUiDesk, email: string) {
  await page.goto(sync.host.url);
  await page.getByRole('button', { name: /account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign in to a shop…' }).click();
  await signIn(page, sync, email);
}

const pendingRows = (sync: SyncUiDesk) =>
  sync.store().selectOne<{ n: number }>(`SELECT count(*) AS n FROM outbox WHERE status = 'pending'`)?.n ?? -1;

test('offline: a change waits with its count and badge, signing out warns, and it is sent after the next sign-in', async ({ page, sync }) => {
  await sync.shop.addOrder(sync.shop.stores.north, '5001');
  await signInFromDemo(page, sync, 'nora@shop.test');
  const row = page.getByTestId('queue-row').filter({ hasText: '5001' });
  await expect(row).toBeVisible();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-connection', 'online');

  await sync.shop.stop();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-connection', 'offline');
  // Said once to screen readers, not on every tick.
  await expect(page.getByTestId('sync-announcer')).toHaveText('Sync: offline.');
  // The panel says why, and that nothing is lost; Esc gives the cursor back to the sync line.
  const opener = page.getByTestId('sync-panel-open');
  await opener.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('dialog', { name: 'Sync with the shop' });
  await expect(panel.getByTestId('sync-last-error')).toContainText("can't be reached");
  await expect(panel.getByTestId('sync-last-error')).toContainText('Nothing made at this desk is lost');
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(opener).toBeFocused();

  await row.click();
  await expect(page.getByRole('heading', { name: 'Order 5001' })).toBeVisible();
  await expect(page.getByTestId('unsynced-badge')).toHaveCount(0);
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'Add a note to order 5001' });
  await dialog.getByLabel('Internal note').fill('Fragile: wrap twice');
  await dialog.getByRole('button', { name: 'Add note' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('unsynced-badge')).toBeVisible();
  await expect(page.getByTestId('sync-waiting')).toHaveText(/^1 waiting, \d+ s$/);

  await page.keyboard.press('Escape');
  await expect(row.getByTestId('unsynced-badge')).toBeVisible();

  await page.getByRole('button', { name: /account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Sign out with changes waiting?' });
  await expect(confirm.getByTestId('sign-out-warning')).toHaveText(
    '1 change made at this desk has not reached the shop yet. It stays on this desk under the name of whoever made it, and is sent after the next sign-in.',
  );
  // The safe choice has the focus: Enter doesn't sign anyone out by accident.
  await expect(confirm.getByRole('button', { name: 'Stay signed in' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Sign out' }).click();

  const form = page.getByRole('form', { name: 'Sign in to the shop' });
  await expect(form).toBeVisible();
  await expect(page.getByTestId('kept-changes')).toHaveText('1 change is waiting to sync; it is kept and sent after you sign in.');
  await expect(form.getByLabel('Shop backend address')).toHaveValue(/127\.0\.0\.1/);
  await expect(form.getByRole('textbox', { name: 'Password' })).toHaveValue('');
  expect(pendingRows(sync)).toBe(1);

  await sync.shop.start();
  await signIn(page, sync, 'nora@shop.test');
  await expect(page.getByTestId('sync-waiting')).toHaveText('All changes sent', { timeout: 10_000 });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('unsynced-badge')).toHaveCount(0);
  expect(pendingRows(sync)).toBe(0);
});

test('a change the shop refuses is listed with its reason in the sync panel and on its order', async ({ page, sync }) => {
  await sync.shop.addOrder(sync.shop.stores.north, '5002');
  await signInFromDemo(page, sync, 'nora@shop.test');
  const row = page.getByTestId('queue-row').filter({ hasText: '5002' });
  await expect(row).toBeVisible();
  const orderId = sync.store().selectOne<{ id: number }>(`SELECT id FROM orders WHERE number = ?`, ['5002'])!.id;

  // This desk loses the shop; meanwhile an admin at another station holds the order.
  await sync.shop.stop();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-connection', 'offline');
  await sync.shop.viaOtherAddress(async (url) => {
    const post = async (pathname: string, body: unknown, token?: string) => {
      const response = await fetch(url + pathname, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as Record<string, unknown>;
    };
    const { token } = (await post('/auth/sign-in', { email: 'admin@shop.test', password: PASSWORD })) as { token: string };
    const pushed = await post(
      '/sync/push',
      { clientId: randomUUID(), mutations: [{ id: randomUUID(), name: 'order.placeHold@1', args: { orderId, reason: 'Customer called' }, at: Date.now() }] },
      token,
    );
    expect(pushed).toMatchObject({ outcomes: [{ status: 'applied' }] });
  });

  // Offline, this desk holds it too: fine here, refused by the shop, which has it on hold already.
  await row.click();
  await expect(page.getByRole('heading', { name: 'Order 5002' })).toBeVisible();
  await page.keyboard.press('h');
  const dialog = page.getByRole('dialog', { name: 'Place order 5002 on hold' });
  await dialog.getByLabel('Reason').fill('Address looks wrong');
  await dialog.getByRole('button', { name: 'Place hold' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('unsynced-badge')).toBeVisible();

  await sync.shop.start();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-refused')).toHaveText('1 refused');
  await expect(page.getByTestId('sync-announcer')).toContainText('1 change refused by the shop.');
  // Undone here: the order shows the shop's hold, and the refusal with the shop's reason.
  await expect(page.getByTestId('unsynced-badge')).toHaveCount(0);
  await expect(page.getByText('Reason: Customer called')).toBeVisible();
  await expect(page.getByText('Address looks wrong')).toHaveCount(0);
  const onOrder = page.getByTestId('order-rejections');
  await expect(onOrder.getByTestId('sync-rejection')).toHaveCount(1);
  await expect(onOrder).toContainText("The shop's reason: This order is already on hold.");
  await expect(onOrder).toContainText('By Nora North');

  await page.keyboard.press('Escape');
  await page.getByTestId('sync-panel-open').click();
  const panel = page.getByRole('dialog', { name: 'Sync with the shop' });
  const refusal = panel.getByTestId('sync-rejection');
  await expect(refusal).toHaveCount(1);
  await expect(refusal).toContainText('By Nora North');
  await expect(refusal).toContainText("The shop's reason: This order is already on hold.");
  await refusal.getByRole('button', { name: 'Open 5002' }).click();
  await expect(panel).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Order 5002' })).toBeVisible();
});
