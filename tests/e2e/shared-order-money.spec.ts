import { formatMoney } from '../../shared/domain/money.js';
import { moneyFor, orderFigures, storeItemsOf } from '../../shared/domain/money-share.js';
import type { OrderStore } from '../../db/store.js';
import { expect, test } from './desk.fixture.js';

/** The seller's share of the oldest order they share with another store, as the domain rule computes it. */
function sharedOrder(store: OrderStore, own: readonly number[]): { number: string; share: ReturnType<typeof moneyFor> } {
  const order = store.sqlite
    .prepare(
      `SELECT o.id, o.number, o.subtotal_cents, o.shipping_cents, o.tax_cents, o.discount_cents, o.total_cents FROM orders o
       WHERE EXISTS (SELECT 1 FROM order_stores s WHERE s.order_id = o.id AND s.store_id IN (${own.join(',')}))
         AND EXISTS (SELECT 1 FROM order_stores s WHERE s.order_id = o.id AND s.store_id NOT IN (${own.join(',')}))
       ORDER BY o.placed_at LIMIT 1`,
    )
    .get() as
    | { id: number; number: string; subtotal_cents: number; shipping_cents: number; tax_cents: number; discount_cents: number; total_cents: number }
    | undefined;
  if (!order) throw new Error('the seed has no order shared between stores');
  const lines = store.sqlite
    .prepare('SELECT store_id AS storeId, quantity, unit_price_cents AS unitPriceCents FROM order_items WHERE order_id = ?')
    .all(order.id) as Array<{ storeId: number; quantity: number; unitPriceCents: number }>;
  return { number: order.number, share: moneyFor(orderFigures(order), storeItemsOf(lines), own) };
}

test.describe('as a seller, on an order shared with another store', () => {
  test.use({ asUser: 'seller' });

  test("sees their items' share in the queue and on the order, without shipping, and may not resend the confirmation", async ({ page, desk }) => {
    const own = desk.actor.storeIds!;
    const { number, share } = sharedOrder(desk.store, own);
    expect(share.scope).toBe('own_items');
    await page.goto(desk.host.url);
    const rows = page.getByTestId('queue-row');
    await expect(rows.first()).toBeVisible();
    await page.getByLabel('Search orders').fill(number);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(`${formatMoney(share.totalCents)}*`);
    await rows.first().click();

    await expect(page.getByRole('heading', { name: new RegExp(number) })).toBeVisible();
    await expect(page.getByText(/Your items' share of an order shared with other stores/)).toBeVisible();
    await expect(page.getByText('Your total')).toBeVisible();
    await expect(page.getByText(formatMoney(share.totalCents), { exact: true })).toBeVisible();
    await expect(page.getByText('Shipping', { exact: true })).toHaveCount(0);
    await expect(page.getByText('Captured', { exact: true })).toHaveCount(0);

    await page.getByRole('button', { name: 'Resend confirmation' }).click();
    await expect(page.getByRole('alert').filter({ hasText: /shared with other stores/ }).first()).toBeVisible();
  });
});
