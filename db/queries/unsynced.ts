import type { OrderStore } from '../store.js';

/**
 * The orders among `orderIds` with a change this desk made that the shop backend hasn't
 * confirmed yet (the "unsynced" badge). Read from the outbox's pending rows, which stay few: a
 * desk that is online pushes them within seconds.
 */
// Hand-written: part of every queue page (queue_first_page figure); outbox_pending is (status, id).
export function pendingOrderIds(store: OrderStore, orderIds: readonly number[]): Set<number> {
  if (orderIds.length === 0) return new Set();
  const rows = store.select<{ order_id: number }>(
    `SELECT DISTINCT json_extract(args, '$.orderId') AS order_id FROM outbox INDEXED BY outbox_pending
     WHERE status = 'pending' AND json_extract(args, '$.orderId') IN (${orderIds.map(() => '?').join(',')})`,
    [...orderIds],
  );
  return new Set(rows.map((row) => row.order_id));
}
