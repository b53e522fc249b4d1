import { deriveFulfillmentStatus, type FulfillableItem } from '../../shared/domain/fulfillment.js';
import { derivePaymentStatus, isPaid } from '../../shared/domain/payment.js';
import { queueOf } from '../../shared/domain/queue.js';
import type { Order, OrderUpdate } from '../schema.js';
import type { OrderStore } from '../store.js';
import { toFulfillable, type FulfillableRow } from './items.js';
import { refreshOrderSearch } from './search.js';

/** The columns of an order that are derived from others, never set by hand. */
export type DerivedColumns = Pick<Order, 'payment_status' | 'fulfillment_status' | 'queue'>;

/**
 * The derivation rules, on an order's own columns and its items: payment status from the money,
 * fulfillment status from the items (and whether it is paid), the queue from status and hold.
 * Used by saveOrder and by a pulled order (db/queries/sync-apply.ts), so the two can't differ.
 */
export function deriveOrderColumns(
  order: Pick<Order, 'total_cents' | 'captured_cents' | 'refunded_cents' | 'payment_failed' | 'status' | 'on_hold'>,
  items: readonly FulfillableItem[],
): DerivedColumns {
  const paymentStatus = derivePaymentStatus({
    totalCents: order.total_cents,
    capturedCents: order.captured_cents,
    refundedCents: order.refunded_cents,
    failed: order.payment_failed === 1,
  });
  return {
    payment_status: paymentStatus,
    fulfillment_status: deriveFulfillmentStatus(items, isPaid(paymentStatus)),
    queue: queueOf({ status: order.status, onHold: order.on_hold === 1 }),
  };
}

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
  // Hand-written SQL here and below: every mutation saves its order through this (ship_mutation figure).
  const items =
    itemsNow ??
    store
      .select<FulfillableRow>('SELECT id, quantity, fulfilled_quantity, returned_quantity, is_digital FROM order_items WHERE order_id = ?', [
        order.id,
      ])
      .map(toFulfillable);
  const derived = deriveOrderColumns(next, items);
  const queue = derived.queue;
  const saved: Order = { ...next, ...derived, updated_at: now };
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
