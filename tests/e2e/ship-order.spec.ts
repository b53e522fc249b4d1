import type { OrderStore } from '../../db/store.js';
import { expect, test } from './desk.fixture.js';

const UPS_TRACKING = '1Z999AA10123456784';

/** The oldest "to pack" order with physical items from a single store: shippable in one parcel. */
function shippableOrderNumber(store: OrderStore, storeIds?: readonly number[]): string {
  const row = store.sqlite
    .prepare(
      `SELECT o.number FROM orders o
       WHERE o.queue = 'to_pack'
         AND (SELECT count(*) FROM order_stores s WHERE s.order_id = o.id) = 1
         AND EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id AND i.is_digital = 0 AND i.fulfilled_quantity < i.quantity)
         ${storeIds ? `AND EXISTS (SELECT 1 FROM order_stores s WHERE s.order_id = o.id AND s.store_id IN (${storeIds.join(',')}))` : ''}
       ORDER BY o.placed_at LIMIT 1`,
    )
    .pluck()
    .get() as string | undefined;
  if (!row) throw new Error('the seed has no shippable order');
  return row;
}

test('search an order, ship it with a tracking number, and see it leave "to pack" with its timeline entry', async ({ page, desk }) => {
  const number = shippableOrderNumber(desk.store);
  await page.goto(desk.host.url);

  const rows = page.getByTestId('queue-row');
  await expect(rows.first()).toBeVisible();
  await expect(page.getByTestId('demo-badge')).toHaveCount(0);
  await expect(rows.filter({ hasText: number })).toHaveCount(1);

  await page.getByLabel('Search orders').fill(number);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(number);
  await rows.first().click();

  await expect(page.getByRole('heading', { name: new RegExp(number) })).toBeVisible();
  await page.getByRole('button', { name: 'Ship', exact: true }).click();
  await page.getByLabel('Carrier').selectOption('ups');
  await page.getByLabel('Tracking number').fill(UPS_TRACKING);
  // Nothing was scanned at the packing station, so shipping needs a reason (the verification rule).
  await page.getByRole('button', { name: 'Ship order' }).click();
  await expect(page.getByRole('dialog')).toContainText('Say why these units ship without being verified.');
  await page.getByLabel(/not verified: why ship anyway/).fill('Checked by hand at the counter');
  await page.getByRole('button', { name: 'Ship order' }).click();

  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline).toContainText(`Shipped with UPS, tracking number ${UPS_TRACKING}`);
  await expect(timeline).toContainText(desk.actor.name);
  await expect(timeline).toContainText('Packing bench 3');
  await expect(timeline).toContainText('Checked by hand at the counter');
  await expect(page.getByRole('link', { name: UPS_TRACKING })).toHaveAttribute('href', /^https:\/\/www\.ups\.com\//);

  await page.getByRole('button', { name: 'Back to queue' }).click();
  await page.getByRole('button', { name: 'Clear search' }).click();
  await page.getByRole('tab', { name: 'To pack' }).click();
  await expect(rows.first()).toBeVisible();
  await expect(rows.filter({ hasText: number })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Shipped' }).click();
  await page.getByLabel('Search orders').fill(number);
  await expect(rows.filter({ hasText: number })).toHaveCount(1);

  const stored = desk.store.sqlite.prepare('SELECT status, queue FROM orders WHERE number = ?').get(number);
  expect(stored).toEqual({ status: 'shipped', queue: 'shipped' });
});

test('an invalid tracking number is refused with the reason and ships nothing', async ({ page, desk }) => {
  const number = shippableOrderNumber(desk.store);
  await page.goto(desk.host.url);
  await page.getByLabel('Search orders').fill(number);
  await page.getByTestId('queue-row').first().click();
  await page.getByRole('button', { name: 'Ship', exact: true }).click();
  await page.getByLabel('Carrier').selectOption('other');
  await page.getByLabel('Tracking number').fill('ABC-12345');
  await page.getByLabel('Carrier name').fill('Bike courier');
  await page.getByLabel('Tracking URL').fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Ship order' }).click();
  await expect(page.getByRole('dialog')).toContainText(/https/i);
  const shipments = desk.store.sqlite.prepare('SELECT count(*) FROM shipments s JOIN orders o ON o.id = s.order_id WHERE o.number = ?').pluck().get(number);
  expect(shipments).toBe(0);
});

test.describe('as a seller', () => {
  test.use({ asUser: 'seller' });

  test('sees only their own stores and is told plainly about orders that are not theirs', async ({ page, desk }) => {
    const own = desk.seed.storeIds.filter((id) => desk.actor.storeIds?.includes(id));
    const foreign = desk.store.sqlite
      .prepare(`SELECT number FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_stores s WHERE s.order_id = o.id AND s.store_id IN (${own.join(',')})) LIMIT 1`)
      .pluck()
      .get() as string;
    await page.goto(desk.host.url);
    await expect(page.getByTestId('queue-row').first()).toBeVisible();
    const storeNames = await page.getByTestId('queue-row').allTextContents();
    const ownNames = desk.store.sqlite.prepare(`SELECT name FROM stores WHERE id IN (${own.join(',')})`).pluck().all() as string[];
    for (const text of storeNames) expect(ownNames.some((name) => text.includes(name))).toBe(true);
    await page.getByLabel('Search orders').fill(foreign);
    await expect(page.getByText(/^No orders match/)).toBeVisible();
    await expect(page.getByTestId('queue-row')).toHaveCount(0);
  });
});

test('the queue works from the keyboard: move, open, go back, focus search', async ({ page, desk }) => {
  await page.goto(desk.host.url);
  const rows = page.getByTestId('queue-row');
  await expect(rows.first()).toBeVisible();
  const second = ((await rows.nth(1).textContent()) ?? '').match(/SH-\d+/)![0];
  await page.keyboard.press('j');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: new RegExp(second) })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search orders')).toBeFocused();
});
