import type { Page } from '@playwright/test';
import type { OrderListOutput } from '../../shared/contract/index.js';
import { expect, test, type Desk } from './desk.fixture.js';
import { foreignBarcode, packableOrders, scan, typeCode, UPS_TRACKING } from './station.js';

const beeps = (page: Page) => page.locator('html').getAttribute('data-last-beep');

async function openStation(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByTestId('session-info')).toBeVisible();
  await page.keyboard.press('F2');
  await expect(page.getByRole('heading', { name: 'Packing station' })).toBeVisible();
  await expect(page.getByTestId('scan-field')).toBeFocused();
}

/** What the station should open after shipping `shippedId`: the oldest To pack order nobody else holds. */
function expectedNext(desk: Desk, shippedId: number): string {
  const list = desk.app.dispatch(desk.actor, 'orders.list', { view: 'to_pack', sort: 'oldest', limit: 50 });
  if (!list.ok) throw new Error(list.message);
  const rows = (list.value as OrderListOutput).rows;
  return rows.find((row) => row.id !== shippedId && !row.onHold && row.claimedBy === null)!.number;
}

test('the whole station flow from the keyboard: scan the slip, the items (a wrong one refused), the tracking label, ship, next order', async ({ page, desk }) => {
  const order = packableOrders(desk.store)[0]!;
  const wrong = foreignBarcode(desk.store, order.id);
  await openStation(page, desk.host.url);

  await scan(page, order.number);
  const packing = page.getByTestId('packing-order');
  await expect(packing).toHaveAttribute('data-order-number', order.number);
  await expect(page.getByTestId('claim-badge')).toContainText('Claimed here');
  await expect(page.getByTestId('scan-source')).toHaveText('Scanner');
  expect(desk.store.sqlite.prepare('SELECT station_id FROM order_claims WHERE order_id = ?').pluck().get(order.id)).toBe('e2e-station');

  const items = page.getByTestId('pack-item');
  const countOf = (itemId: number) => items.and(page.locator(`[data-item-id="${itemId}"]`));
  const total = order.items.reduce((sum, item) => sum + item.quantity, 0);

  // A wrong item: red panel, buzz, the sentence, and nothing ticked.
  await scan(page, wrong);
  await expect(page.getByTestId('scan-panel')).toHaveAttribute('data-signal', 'error');
  await expect(page.getByTestId('scan-message')).toContainText("isn't on this order");
  expect(await beeps(page)).toBe('error:1');
  for (const item of order.items) await expect(countOf(item.id)).toHaveAttribute('data-verified', '0');
  await expect(page.getByTestId('pack-progress')).toHaveAttribute('data-verified', '0');

  // The first line, unit by unit; one more than ordered is refused as an extra.
  const [first, ...rest] = order.items;
  for (let unit = 1; unit <= first!.quantity; unit++) {
    await scan(page, first!.barcode);
    await expect(countOf(first!.id)).toHaveAttribute('data-verified', String(unit));
    await expect(page.getByTestId('scan-panel')).toHaveAttribute('data-signal', 'success');
  }
  await scan(page, first!.barcode);
  await expect(page.getByTestId('scan-panel')).toHaveAttribute('data-signal', 'error');
  await expect(page.getByTestId('scan-message')).toContainText('already scanned');
  await expect(countOf(first!.id)).toHaveAttribute('data-verified', String(first!.quantity));
  await expect(page.getByTestId('scan-field')).toBeFocused();

  for (const item of rest) {
    for (let unit = 1; unit <= item.quantity; unit++) await scan(page, item.barcode);
    await expect(countOf(item.id)).toHaveAttribute('data-verified', String(item.quantity));
  }
  await expect(page.getByTestId('pack-progress')).toHaveAttribute('data-verified', String(total));
  await expect(page.getByTestId('ready-to-ship')).toBeVisible();
  await expect(page.getByTestId('tracking-field')).toBeFocused();
  // Persisted as scanned, in main, before anything ships.
  await expect
    .poll(() => desk.store.sqlite.prepare('SELECT sum(packed_quantity) FROM order_items WHERE order_id = ? AND is_digital = 0').pluck().get(order.id))
    .toBe(total);

  // The tracking label: carrier detected live, Enter moves to Ship, Enter ships.
  await scan(page, UPS_TRACKING);
  await expect(page.getByTestId('tracking-detected')).toHaveAttribute('data-carrier', 'ups');
  await expect(page.getByTestId('tracking-detected')).toContainText('https://www.ups.com/');
  await expect(page.getByTestId('ship-button')).toBeFocused();
  const next = expectedNext(desk, order.id);
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('shipped-banner')).toContainText(`Order ${order.number} shipped`);
  await expect(packing).toHaveAttribute('data-order-number', next);
  await expect(page.getByTestId('shipped-banner')).toContainText(`Next up: order ${next}`);
  await expect(page.getByTestId('scan-field')).toBeFocused();

  const stored = desk.store.sqlite.prepare('SELECT status, queue FROM orders WHERE id = ?').get(order.id);
  expect(stored).toEqual({ status: 'shipped', queue: 'shipped' });
  const shipment = desk.store.sqlite.prepare('SELECT carrier, tracking_number FROM shipments WHERE order_id = ?').get(order.id);
  expect(shipment).toEqual({ carrier: 'ups', tracking_number: UPS_TRACKING });
  // Shipping let the claim go; the next order is claimed by this station.
  expect(desk.store.sqlite.prepare('SELECT count(*) FROM order_claims WHERE order_id = ?').pluck().get(order.id)).toBe(0);
  const nextId = desk.store.sqlite.prepare('SELECT id FROM orders WHERE number = ?').pluck().get(next);
  expect(desk.store.sqlite.prepare('SELECT station_id FROM order_claims WHERE order_id = ?').pluck().get(nextId)).toBe('e2e-station');
});

test('typed codes work too, and the station says they were typed', async ({ page, desk }) => {
  const order = packableOrders(desk.store)[0]!;
  await openStation(page, desk.host.url);
  await typeCode(page, order.number);
  await expect(page.getByTestId('packing-order')).toHaveAttribute('data-order-number', order.number);
  await expect(page.getByTestId('scan-source')).toHaveText('Typed');
  await scan(page, order.items[0]!.barcode);
  await expect(page.getByTestId('scan-source')).toHaveText('Scanner');

  // "?" in the empty scan field is help, listing the station's keys and the queue's.
  await page.keyboard.press('?');
  const help = page.getByTestId('shortcuts-help');
  await expect(help).toContainText('Ship the parcel');
  await expect(help).toContainText('Import shipments from a CSV file');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('scan-field')).toBeFocused();
});

test('shipping unverified units needs an override whose reason goes on the timeline; a partial parcel keeps the order open', async ({ page, desk }) => {
  const order = packableOrders(desk.store)[0]!;
  const [first, second] = order.items;
  await openStation(page, desk.host.url);
  await scan(page, order.number);
  await expect(page.getByTestId('packing-order')).toHaveAttribute('data-order-number', order.number);

  // One line verified: the default parcel is that line alone, a partial shipment.
  for (let unit = 0; unit < first!.quantity; unit++) await scan(page, first!.barcode);
  await page.keyboard.press('F4');
  await expect(page.getByTestId('tracking-field')).toBeFocused();
  await scan(page, UPS_TRACKING);
  await page.keyboard.press('F8');
  await expect(page.getByTestId('shipped-banner')).toContainText(`Part of order ${order.number} shipped`);
  await expect(page.getByTestId('packing-order')).toHaveAttribute('data-order-number', order.number);
  const shipped = desk.store.sqlite.prepare('SELECT id, fulfilled_quantity FROM order_items WHERE order_id = ? AND is_digital = 0 ORDER BY id').all(order.id);
  expect(shipped).toEqual(order.items.map((item) => ({ id: item.id, fulfilled_quantity: item.id === first!.id ? item.quantity : 0 })));

  // The rest unscanned: Ship is refused until an override with a reason.
  await page.keyboard.press('F4');
  await scan(page, '1Z999AA10123456793');
  await page.keyboard.press('F8');
  await expect(page.getByTestId('ship-error')).toContainText('override (F9) with a reason');
  await page.keyboard.press('F9');
  const overrideDialog = page.getByRole('dialog');
  await expect(overrideDialog).toBeVisible();
  // A reason that shows nothing (main refuses it as blank) is refused on the field, not sent.
  await page.keyboard.insertText('\u200B\u0085');
  await page.keyboard.press('Enter');
  await expect(overrideDialog.getByText('Say why, for the timeline')).toBeVisible();
  await expect(page.getByTestId('override-note')).toHaveCount(0);
  await overrideDialog.getByLabel('Reason').fill('');
  await page.keyboard.type('Label torn off, checked by eye');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('override-note')).toContainText('Label torn off');
  await page.keyboard.press('F8');
  await expect(page.getByTestId('shipped-banner')).toContainText(`Order ${order.number} shipped`);
  const events = desk.store.sqlite.prepare('SELECT data FROM order_events WHERE order_id = ?').pluck().all(order.id) as string[];
  expect(events.some((data) => data.includes('Label torn off, checked by eye'))).toBe(true);
  expect(desk.store.sqlite.prepare('SELECT fulfilled_quantity FROM order_items WHERE id = ?').pluck().get(second!.id)).toBe(second!.quantity);
});

test('a second station is warned before packing a claimed order, and can take it over', async ({ page, desk, browser }) => {
  const order = packableOrders(desk.store)[0]!;
  await openStation(page, desk.host.url);
  await scan(page, order.number);
  await expect(page.getByTestId('claim-badge')).toContainText('Claimed here');

  const bench2 = await desk.openStation({ id: 'e2e-bench-2', name: 'Bench 2' });
  const other = await browser.newPage();
  await openStation(other, bench2.host.url);
  await scan(other, order.number);
  const warning = other.getByTestId('claim-warning');
  await expect(warning).toContainText(`Being packed at Packing bench 3 by ${desk.actor.name}`);
  await other.keyboard.press('Escape');
  await expect(warning).toHaveCount(0);
  await expect(other.getByTestId('packing-order')).toHaveCount(0);
  expect(desk.store.sqlite.prepare('SELECT station_id FROM order_claims WHERE order_id = ?').pluck().get(order.id)).toBe('e2e-station');

  await scan(other, order.number);
  await expect(warning).toBeVisible();
  await other.keyboard.press('t');
  await expect(other.getByTestId('claim-badge')).toContainText('Claimed here');
  expect(desk.store.sqlite.prepare('SELECT station_id FROM order_claims WHERE order_id = ?').pluck().get(order.id)).toBe('e2e-bench-2');

  // The first station's order page now names who has it.
  await expect(page.getByTestId('scan-field')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  await page.keyboard.press('/');
  await page.keyboard.type(order.number);
  await expect(page.getByTestId('queue-row')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('claim-banner')).toContainText(`Being packed at Bench 2 by ${bench2.actor.name}`);
  await other.close();
});

test('mark delivered from the order page with the keyboard', async ({ page, desk }) => {
  const number = desk.store.sqlite.prepare(`SELECT number FROM orders WHERE status = 'shipped' ORDER BY placed_at LIMIT 1`).pluck().get() as string;
  await page.goto(desk.host.url);
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  await page.keyboard.press('/');
  await page.keyboard.type(number);
  await expect(page.getByTestId('queue-row')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: new RegExp(number) })).toBeVisible();
  await page.keyboard.press('d');
  const dialog = page.getByRole('dialog', { name: `Mark order ${number} delivered` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Email the customer')).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText(/deliver/i);
  expect(desk.store.sqlite.prepare('SELECT status FROM orders WHERE number = ?').pluck().get(number)).toBe('delivered');
});

test.describe('as a seller', () => {
  test.use({ asUser: 'seller' });

  test("a scan of another store's order says so and opens nothing", async ({ page, desk }) => {
    const own = desk.actor.storeIds!;
    const foreign = desk.store.sqlite
      .prepare(`SELECT number FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_stores s WHERE s.order_id = o.id AND s.store_id IN (${own.join(',')})) LIMIT 1`)
      .pluck()
      .get() as string;
    await openStation(page, desk.host.url);
    await scan(page, foreign);
    await expect(page.getByTestId('scan-panel')).toHaveAttribute('data-signal', 'error');
    await expect(page.getByTestId('scan-message')).toContainText(/another store/i);
    await expect(page.getByTestId('packing-order')).toHaveCount(0);
    expect(desk.store.sqlite.prepare('SELECT count(*) FROM order_claims').pluck().get()).toBe(0);
  });
});
