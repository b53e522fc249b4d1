import { orderStoreIds } from '../../../../db/queries/order-detail.js';
import type { NotificationTable } from '../../../../db/schema.js';
import type { OrderStore } from '../../../../db/store.js';
import { fail, ok, type Result } from '../../../../shared/domain/result.js';
import type { Actor } from '../context.js';

export type NotificationRecord = Pick<
  NotificationTable,
  'order_id' | 'store_id' | 'kind' | 'channel' | 'recipient' | 'status' | 'last_error'
> & { id: number };

/**
 * Whether a seller of `mine` may see a message: one about their store's part (a parcel), or one
 * about the whole order when every store on the order is theirs, since such a message (the order
 * confirmation, say) can list any store's items. Admins see every message.
 */
function sellerMaySee(store: OrderStore, mine: ReadonlySet<number>, row: Pick<NotificationTable, 'order_id' | 'store_id'>): boolean {
  if (row.order_id === null) return false;
  if (row.store_id !== null) return mine.has(row.store_id);
  return orderStoreIds(store, row.order_id).every((storeId) => mine.has(storeId));
}

/**
 * A notification the actor may see (see sellerMaySee). As with orders, a seller gets the same
 * FORBIDDEN for another store's row as for a missing one.
 */
export function loadNotificationFor(store: OrderStore, actor: Actor, id: number): Result<NotificationRecord> {
  const row = store.selectOne<NotificationRecord>(
    'SELECT id, order_id, store_id, kind, channel, recipient, status, last_error FROM notifications WHERE id = ?',
    [id],
  );
  if (actor.storeIds === null) {
    return row ? ok(row) : fail('NOT_FOUND', `There is no notification with id ${id}.`);
  }
  if (!row || !sellerMaySee(store, new Set(actor.storeIds), row)) {
    return fail('FORBIDDEN', "This notification isn't about an order in any of your stores.");
  }
  return ok(row);
}

/**
 * The SQL condition limiting `n` (notifications) to what the actor may see, with its
 * parameters. Decided per row (a column test, else a probe of order_stores' primary key), so a
 * page walks the notifications index newest first and stops once it is full, instead of sorting
 * every notification of the seller's orders.
 */
export function scopeCondition(actor: Actor): { sql: string; params: number[] } {
  if (actor.storeIds === null) return { sql: '1', params: [] };
  if (actor.storeIds.length === 0) return { sql: '0', params: [] };
  const list = actor.storeIds.map(() => '?').join(', ');
  // The same rule as sellerMaySee, in SQL.
  return {
    sql: `(n.store_id IN (${list}) OR (n.store_id IS NULL AND n.order_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM order_stores os WHERE os.order_id = n.order_id AND os.store_id NOT IN (${list}))))`,
    params: [...actor.storeIds, ...actor.storeIds],
  };
}
