import { orderStoreIds } from '../../../../db/queries/order-detail.js';
import type { NotificationTable } from '../../../../db/schema.js';
import type { OrderStore } from '../../../../db/store.js';
import { fail, ok, type Result } from '../../../../shared/domain/result.js';
import type { Actor } from '../context.js';

export type NotificationRecord = Pick<
  NotificationTable,
  'order_id' | 'kind' | 'channel' | 'recipient' | 'status' | 'last_error'
> & { id: number };

/**
 * A notification the actor may see: an admin any, a seller those about orders of their stores.
 * As with orders, a seller gets the same FORBIDDEN for another store's row as for a missing one.
 */
export function loadNotificationFor(store: OrderStore, actor: Actor, id: number): Result<NotificationRecord> {
  const row = store.selectOne<NotificationRecord>(
    'SELECT id, order_id, kind, channel, recipient, status, last_error FROM notifications WHERE id = ?',
    [id],
  );
  if (actor.storeIds === null) {
    return row ? ok(row) : fail('NOT_FOUND', `There is no notification with id ${id}.`);
  }
  const mine = new Set(actor.storeIds);
  if (!row || row.order_id === null || !orderStoreIds(store, row.order_id).some((storeId) => mine.has(storeId))) {
    return fail('FORBIDDEN', "This notification isn't about an order in any of your stores.");
  }
  return ok(row);
}

/**
 * The SQL condition limiting `n` (notifications) to what the actor may see, with its
 * parameters. A correlated probe of order_stores' primary key, so a page walks the
 * notifications index newest first and stops once it is full, instead of sorting every
 * notification of the seller's orders.
 */
export function scopeCondition(actor: Actor): { sql: string; params: number[] } {
  if (actor.storeIds === null) return { sql: '1', params: [] };
  if (actor.storeIds.length === 0) return { sql: '0', params: [] };
  return {
    sql: `EXISTS (SELECT 1 FROM order_stores os WHERE os.order_id = n.order_id AND os.store_id IN (${actor.storeIds.map(() => '?').join(', ')}))`,
    params: [...actor.storeIds],
  };
}
