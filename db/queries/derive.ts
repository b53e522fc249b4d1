import { deriveFulfillmentStatus, type FulfillableItem } from '../../shared/domain/fulfillment.js';
import { derivePaymentStatus, isPaid } from '../../shared/domain/payment.js';
import { queueOf } from '../../shared/domain/queue.js';
import type { Order, OrderUpdate } from '../schema.js';
import type { OrderStore } from '../store.js';
import { toFulfillable, type FulfillableRow } from './items.js';
import { refreshOrderSearch } from './search.js';

/**
 * Writes an order's changed fields and everything derived from them: payment and fulfillment
 * status (never set by hand), its queue (copied to order_stores for the seller queue index) and
 * its search row. The one place derived state is written, so it can't drift.
 *
 * `itemsNow` is the order's items as this transaction has left them, when the caller already
 * holds them (ship computed them to decide the order's status); otherwise they are read.
 */
export function saveOrder(
  store: OrderStore,
  order: Order,
  changes: OrderUpdate,
  now: number,
  itemsNow?: readonly FulfillableItem[],
): Order {
  const next = { ...order, ...changes } as Order;
  const paymentStatus = derivePaymentStatus({
    totalCents: next.total_cents,
    capturedCents: next.captured_cents,
    refundedCents: next.refunded_cents,
    failed: next.payment_failed === 1,
  });
  // Hand-written SQL here and below: every mutation saves its order through this (ship_mutation figure).
  const items =
    itemsNow ??
    store
      .select<FulfillableRow>('SELECT id, quantity, fulfilled_quantity, returned_quantity, is_digital FROM order_items WHERE order_id = ?', [
        order.id,
      ])
      .map(toFulfillable);
  const fulfillmentStatus = deriveFulfillmentStatus(items, isPaid(paymentStatus));
  const queue = queueOf({ status: next.status, onHold: next.on_hold === 1 });
  const saved: Order = { ...next, payment_status: paymentStatus, fulfillment_status: fulfillmentStatus, queue, updated_at: now };
  // Only the columns that changed: every indexed column rewritten would touch every index.
  const changed = (Object.keys(saved) as Array<keyof Order>).filter((column) => column !== 'id' && saved[column] !== order[column]);
  if (changed.length > 0) {
    store.execute(`UPDATE orders SET ${changed.map((column) => `${column} = ?`).join(', ')} WHERE id = ?`, [
      ...changed.map((column) => saved[column]),
      order.id,
    ]);
  }
  if (queue !== order.queue) store.execute('UPDATE order_stores SET queue = ? WHERE order_id = ?', [queue, order.id]);
  refreshOrderSearch(store, order.id);
  return saved;
}
