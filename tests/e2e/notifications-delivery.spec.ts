import { memoryNotificationSettings } from '../../electron/main/services/notifications/memory-settings.js';
import { startFakeSmtp, type FakeSmtp } from '../fakes/smtp-server.js';
import { expect, test } from './desk.fixture.js';
import { shipFromOrderPage } from './ship-from-order-page.js';
import { startDesk, type RunningDesk } from './start-desk.js';

const UPS_TRACKING = '1Z999AA10123456784';
const UPS_LINK = `https://www.ups.com/track?tracknum=${UPS_TRACKING}`;

let smtp: FakeSmtp;
let desk: RunningDesk;

// A desk whose sender delivers to a real SMTP server on loopback, as the app would to the shop's.
test.beforeEach(async () => {
  smtp = await startFakeSmtp();
  desk = await startDesk({
    orders: 300,
    seed: 7,
    userId: (seed) => seed.adminUserId,
    station: { id: 'e2e-station', name: 'Packing bench 3' },
    notifications: memoryNotificationSettings({
      mail: { host: '127.0.0.1', port: smtp.port, security: 'none', user: null, fromName: 'Shomp Orders', fromAddress: 'orders@shomp.example.com', replyTo: null },
    }),
  });
});

test.afterEach(async () => {
  await desk.close();
  await smtp.close();
});

/** Oldest orders waiting in "to pack" with physical items from one store: each ships in one parcel. */
function shippableOrders(count: number): Array<{ number: string; email: string }> {
  return desk.store.sqlite
    .prepare(
      `SELECT o.number, o.customer_email AS email FROM orders o
       WHERE o.queue = 'to_pack' AND o.on_hold = 0
         AND (SELECT count(*) FROM order_stores s WHERE s.order_id = o.id) = 1
         AND EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id AND i.is_digital = 0 AND i.fulfilled_quantity < i.quantity)
       ORDER BY o.placed_at LIMIT ?`,
    )
    .all(count) as Array<{ number: string; email: string }>;
}


test('shipping an order emails its customer once, with a working tracking link, and the notifications screen shows it', async ({ page }) => {
  const [order] = shippableOrders(1);
  await page.goto(desk.host.url);
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  await shipFromOrderPage(page, order!.number, { upsTracking: UPS_TRACKING, reason: 'Checked by hand at the counter' });

  const [mail] = await smtp.waitFor(1);
  expect(mail!.envelope.to).toEqual([order!.email]);
  expect(mail!.parsed.subject).toContain(order!.number);
  expect(mail!.parsed.text).toContain(UPS_LINK);
  // The link in the HTML part is the carrier's https tracking page for this number.
  const hrefs = [...String(mail!.parsed.html).matchAll(/href="([^"]+)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&'));
  expect(hrefs).toContain(UPS_LINK);
  expect(new URL(UPS_LINK).protocol).toBe('https:');

  await page.keyboard.press('Escape');
  await page.keyboard.press('F3');
  await page.getByTestId('tab-sent').click();
  const rows = page.getByTestId('notification-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-status', 'sent');
  await expect(rows.first()).toContainText(order!.number);
  await expect(page.getByTestId('notification-preview')).toContainText(mail!.parsed.subject!);

  // Exactly once: nothing else arrives however long the desk keeps running.
  await page.waitForTimeout(1500);
  expect(smtp.received).toHaveLength(1);
});

test('a server that refuses mail leaves failed rows with its reason, and a retry delivers them', async ({ page }) => {
  const [first, second] = shippableOrders(2);
  smtp.onRecipient = () => ({ code: 550, message: '5.7.1 Relaying denied for this sender' });
  await page.goto(desk.host.url);
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  await shipFromOrderPage(page, first!.number, { upsTracking: UPS_TRACKING, reason: 'Checked by hand at the counter' });
  await page.getByRole('button', { name: 'Back to queue' }).click();
  await shipFromOrderPage(page, second!.number, { upsTracking: UPS_TRACKING, reason: 'Checked by hand at the counter' });

  // Past the alert threshold (3 by default) only with a third; two failures show on the screen.
  await page.keyboard.press('Escape');
  await page.keyboard.press('F3');
  await page.getByTestId('tab-failed').click();
  const rows = page.getByTestId('notification-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first().getByTestId('failure-reason')).toContainText('Relaying denied');
  expect(smtp.received).toHaveLength(0);

  smtp.onRecipient = () => null;
  await page.getByRole('button', { name: /Retry all failed|Retry 2/ }).first().click();
  await smtp.waitFor(2);
  await expect(page.getByTestId('notifications-empty')).toBeVisible();
  await page.getByTestId('tab-sent').click();
  await expect(rows).toHaveCount(2);
  expect(smtp.received.map((m) => m.envelope.to[0]).sort()).toEqual([first!.email, second!.email].sort());
});
