import type { OrderStore } from '../../db/store.js';
import { renderEmail } from '../../electron/main/services/email/render.js';
import { memoryNotificationSettings } from '../../electron/main/services/notifications/memory-settings.js';
import type { NotificationSettingsStore } from '../../electron/main/services/notifications/ports.js';
import { createNotificationService } from '../../electron/main/services/notifications/service.js';
import type { NotificationStatus } from '../../shared/domain/notifications.js';
import { expect, test, type Desk } from './desk.fixture.js';

const PASSWORD = 'correct-horse-battery-staple';
const SUBJECT = 'Your order is on its way';

const mail = {
  host: 'smtp.example.com',
  port: 587,
  security: 'starttls' as const,
  user: 'desk@example.com',
  fromName: 'Shomp Orders',
  fromAddress: 'orders@example.com',
  replyTo: null,
};

interface Sender {
  settings: NotificationSettingsStore;
  wakes: number;
}

/**
 * The real notification service on the desk's database, never started (nothing is delivered;
 * the lead's e2e covers sending), with settings in memory and a mail server that accepts tests.
 */
function attachSender(desk: Desk, alertThreshold = 3): Sender {
  const sender: Sender = { settings: memoryNotificationSettings({ mail, alertThreshold }, { smtpPassword: PASSWORD }), wakes: 0 };
  const service = createNotificationService({
    store: desk.store,
    settings: sender.settings,
    renderEmail,
    logError: () => {},
    createMailer: () => ({
      send: async () => ({ ok: true, providerId: '<t@example.com>', response: '250 2.0.0 Ok: queued as 7C1D' }),
      close() {},
    }),
  });
  const wake = service.wake;
  desk.app.ctx.notifications = {
    ...service,
    wake() {
      sender.wakes++;
      wake();
    },
  };
  return sender;
}

function orderOf(store: OrderStore, offset: number): { id: number; number: string } {
  return store.sqlite.prepare('SELECT id, number FROM orders ORDER BY id LIMIT 1 OFFSET ?').get(offset) as { id: number; number: string };
}

/** A notifications row as the sender leaves it: sent and failed ones carry the message as it went out. */
function addNotification(store: OrderStore, orderId: number, number: string, status: NotificationStatus, lastError: string | null = null): number {
  const stored = status === 'sent' || status === 'failed';
  const html = `<html><body><h1>${SUBJECT}</h1><p id="probe">untouched</p><script>document.getElementById('probe').textContent = 'script ran'</script></body></html>`;
  const payload = {
    kind: 'shipped',
    orderNumber: number,
    customerName: 'Casey',
    storeNames: ['Alder Goods'],
    carrierName: 'UPS',
    trackingNumber: '1Z999AA10123456784',
    trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
    items: [{ title: 'Mug', sku: 'MUG-1', quantity: 1 }],
    partial: false,
    estimatedDelivery: null,
  };
  return Number(
    store.sqlite
      .prepare(
        `INSERT INTO notifications (dedupe_key, order_id, kind, channel, recipient, status, attempts, next_attempt_at, last_error, payload, created_at, updated_at, sent_at, subject, body_html, body_text)
         VALUES (?, ?, 'shipped', 'email', 'casey@example.com', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        `e2e:${status}:${orderId}`,
        orderId,
        status,
        status === 'queued' ? 0 : 6,
        status === 'queued' ? Date.now() + 3_600_000 : null,
        lastError,
        JSON.stringify(payload),
        Date.now() - 60_000,
        Date.now() - 60_000,
        status === 'sent' ? Date.now() - 60_000 : null,
        stored ? `${SUBJECT} (${number})` : null,
        stored ? html : null,
        stored ? `${SUBJECT}\n\nTrack it at https://example.com/track` : null,
      ).lastInsertRowid,
  );
}

const statusOf = (store: OrderStore, id: number) => store.sqlite.prepare('SELECT status FROM notifications WHERE id = ?').pluck().get(id) as string;

test('the screen lists notifications by status and previews the exact email in a sandboxed frame', async ({ page, desk }) => {
  attachSender(desk);
  const a = orderOf(desk.store, 0);
  const b = orderOf(desk.store, 1);
  addNotification(desk.store, a.id, a.number, 'sent');
  addNotification(desk.store, b.id, b.number, 'failed', '550 5.1.1 <casey@example.com>: Recipient address rejected: User unknown in virtual mailbox table');
  addNotification(desk.store, b.id, b.number, 'queued');

  await page.goto(desk.host.url);
  await expect(page.getByTestId('session-info')).toBeVisible();
  await page.keyboard.press('F3');
  await expect(page.getByRole('heading', { name: 'Notifications', exact: true })).toBeVisible();

  // Failed first while anything has failed, each tab with its count.
  const tabs = page.getByRole('tablist', { name: 'Notification status' }).getByRole('tab');
  await expect(tabs.first()).toHaveText(/Failed\s*1/);
  await expect(page.getByTestId('tab-sent')).toHaveText(/Sent\s*1/);
  await expect(page.getByTestId('tab-all')).toHaveText(/All\s*3/);
  // With failures waiting, the screen opens on them.
  await expect(page.getByTestId('tab-failed')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('notification-row')).toHaveCount(1);
  await page.getByTestId('tab-all').click();
  await expect(page.getByTestId('notification-row')).toHaveCount(3);
  // The keyboard moves the highlight, and the preview follows it.
  await expect(page.getByTestId('notification-row').nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('j');
  await expect(page.getByTestId('notification-row').nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('notification-preview')).toContainText(`${SUBJECT} (${b.number})`);

  await page.getByTestId('tab-sent').click();
  const rows = page.getByTestId('notification-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-status', 'sent');
  await expect(rows.first()).toContainText(a.number);

  const preview = page.getByTestId('notification-preview');
  await expect(preview).toContainText(`${SUBJECT} (${a.number})`);
  await expect(preview).toContainText('Shomp Orders <orders@example.com>');
  const frame = page.getByTestId('preview-frame');
  await expect(frame).toHaveAttribute('sandbox', '');
  await expect(page.frameLocator('[data-testid="preview-frame"]').getByRole('heading', { name: SUBJECT })).toBeVisible();
  // The email's own script never runs in the preview.
  await expect(page.frameLocator('[data-testid="preview-frame"]').locator('#probe')).toHaveText('untouched');
  await expect(page.getByTestId('preview-text')).toContainText('Track it at https://example.com/track');

  // The failure reason is shown in full, and the order number opens the order.
  await page.getByTestId('tab-failed').click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId('failure-reason')).toHaveText(
    '550 5.1.1 <casey@example.com>: Recipient address rejected: User unknown in virtual mailbox table',
  );
  await rows.first().getByRole('button', { name: b.number }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`Order ${b.number}`) })).toBeVisible();

  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts-help')).toContainText('Notifications: what customers were sent');
});

test('opened before the first summary comes back, the screen still opens on the failures', async ({ page, desk }) => {
  attachSender(desk);
  const b = orderOf(desk.store, 1);
  addNotification(desk.store, b.id, b.number, 'failed', '550 5.1.1 Recipient address rejected');
  addNotification(desk.store, b.id, b.number, 'queued');
  // Hold the app's first notifications.summary back until the screen is open.
  let releaseSummary = () => {};
  const summaryHeld = new Promise<void>((resolve) => (releaseSummary = resolve));
  let held = false;
  await page.route('**/api/call', async (route) => {
    if (!held && (route.request().postDataJSON() as { name?: string }).name === 'notifications.summary') {
      held = true;
      await summaryHeld;
    }
    await route.continue();
  });

  await page.goto(desk.host.url);
  await expect(page.getByTestId('session-info')).toBeVisible();
  await page.keyboard.press('F3');
  await expect(page.getByRole('heading', { name: 'Notifications', exact: true })).toBeVisible();
  expect(held).toBe(true);
  await expect(page.getByTestId('notification-row')).toHaveCount(2);
  releaseSummary();
  await expect(page.getByTestId('tab-failed')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('notification-row')).toHaveCount(1);
});

test('retry puts a failed notification back in the queue; the alert banner goes with it', async ({ page, desk }) => {
  const sender = attachSender(desk, 1);
  const a = orderOf(desk.store, 2);
  const failed = addNotification(desk.store, a.id, a.number, 'failed', '451 4.7.1 Greylisted, please try again later');

  await page.goto(desk.host.url);
  const banner = page.getByTestId('notification-alert');
  await expect(banner).toContainText('1 customer notification failed');
  await banner.getByRole('button', { name: 'Review' }).click();

  const rows = page.getByTestId('notification-row');
  await expect(page.getByTestId('tab-failed')).toHaveAttribute('aria-selected', 'true');
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole('checkbox').check();
  await page.getByRole('button', { name: /Retry 1 selected/ }).click();

  await expect(page.getByTestId('notifications-empty')).toBeVisible();
  expect(statusOf(desk.store, failed)).toBe('queued');
  expect(sender.wakes).toBe(1);
  await expect(banner).toHaveCount(0);

  await page.getByTestId('tab-queued').click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-status', 'queued');
  await expect(rows.first()).toContainText(a.number);

  // The sender's notifications.changed event updates the open screen: the row went out.
  desk.store.sqlite.prepare("UPDATE notifications SET status = 'sent', sent_at = ? WHERE id = ?").run(Date.now(), failed);
  desk.app.ctx.emit('notifications.changed', { ids: [failed] });
  await expect(page.getByTestId('notifications-empty')).toBeVisible();
  await expect(page.getByTestId('tab-sent')).toHaveText(/Sent\s*1/);
  await page.getByTestId('tab-sent').click();
  await expect(rows).toHaveCount(1);

  // The order's timeline says so.
  await rows.first().getByRole('button', { name: a.number }).click();
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('Retried the shipped email to casey@example.com. It had failed:');
});

test('settings show field errors on their fields, never the password, and save', async ({ page, desk }) => {
  const sender = attachSender(desk);
  await page.goto(desk.host.url);
  await page.getByTestId('nav-settings').click();

  const form = page.getByRole('form', { name: 'Notification settings' });
  const password = form.getByLabel(/^Password/);
  await expect(form.getByRole('textbox', { name: 'Mail server' })).toHaveValue('smtp.example.com');
  await expect(password).toHaveValue('');
  await expect(form.getByTestId('secret-saved').first()).toBeVisible();
  expect(await page.content()).not.toContain(PASSWORD);

  await form.getByRole('textbox', { name: 'Mail server' }).fill('smtp://mail.example.com');
  await form.getByRole('textbox', { name: 'Port' }).fill('0');
  await form.getByRole('textbox', { name: 'Sender address' }).fill('orders@');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByTestId('settings-error')).toContainText('3 fields need fixing');
  // Save is at the bottom: the first field to fix takes the focus.
  await expect(form.getByRole('textbox', { name: 'Mail server' })).toBeFocused();
  await expect(form.getByRole('textbox', { name: 'Mail server' })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Enter the server name only, without smtp:// or https://.')).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'Port' })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('textbox', { name: 'Sender address' })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('textbox', { name: 'Sender name' })).not.toHaveAttribute('aria-invalid', 'true');
  // The saved password isn't sent to a changed server: the field says so to assistive technology too.
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAccessibleDescription(/Enter the password again: the server settings changed/);
  expect(sender.settings.get().mail).toEqual(mail);

  await form.getByRole('textbox', { name: 'Mail server' }).fill('mail.example.net');
  await form.getByRole('textbox', { name: 'Port' }).fill('465');
  await form.getByRole('textbox', { name: 'Sender address' }).fill('shop@example.net');
  await password.fill('a-new-secret-42');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Notification settings saved.')).toBeVisible();
  await expect(password).toHaveValue('');
  expect(sender.settings.get().mail).toMatchObject({ host: 'mail.example.net', port: 465, fromAddress: 'shop@example.net' });
  expect(await sender.settings.getSecret('smtpPassword')).toBe('a-new-secret-42');
  expect(await page.content()).not.toContain('a-new-secret-42');

  await form.getByRole('textbox', { name: 'Send a test email to' }).fill('me@example.com');
  await form.getByRole('button', { name: 'Send test email' }).click();
  await expect(page.getByTestId('test-send-outcome')).toHaveText('The server accepted the test email (250 2.0.0 Ok: queued as 7C1D).');
});

test.describe('as a seller', () => {
  test.use({ asUser: 'seller' });

  test('has no settings to open, and sees the notifications screen', async ({ page, desk }) => {
    attachSender(desk);
    await page.goto(desk.host.url);
    await expect(page.getByTestId('nav-notifications')).toBeVisible();
    await expect(page.getByTestId('nav-settings')).toHaveCount(0);
    await page.getByTestId('nav-notifications').click();
    await expect(page.getByTestId('sender-status')).toContainText('The mail server is reachable');
  });
});
