import { orderStoreIds } from '../../../../db/queries/order-detail.js';
import type { NotificationTable } from '../../../../db/schema.js';
import type { OrderStore } from '../../../../db/store.js';
import type { Scope } from '../../../../db/queries/scope.js';
import { ok, type Result } from '../../../../shared/domain/result.js';
import { unreachable } from '../access.js';
import type { CallActor } from '../context.js';

export type NotificationRecord = Pick<
  NotificationTable,
  'order_id' | 'store_id' | 'kind' | 'channel' | 'recipient' | 'status' | 'last_error'
> & { id: number };

/**
 * Whether the caller may see a message. Admins see every message; a seller one about their
 * store's part (a parcel), or one about the whole order when every store on the order is theirs,
 * since such a message (the order confirmation, say) can list any store's items.
 */
function maySee(store: OrderStore, scope: Scope, row: Pick<NotificationTable, 'order_id' | 'store_id'>): boolean {
  if (scope.seesEveryStore) return true;
  const orderId = row.order_id;
  if (orderId === null) return false;
  if (row.store_id !== null) return scope.canSee(row.store_id);
  return scope.canSeeAll(() => orderStoreIds(store, orderId));
}

/**
 * A notification the actor may see (see sellerMaySee). As with orders, a seller gets the same
 * FORBIDDEN for another store's row as for a missing one.
 */
export function loadNotificationFor(store: OrderStore, actor: CallActor, id: number): Result<NotificationRecord> {
  const row = store.first(
    store.q
      .selectFrom('notifications')
      .select(['id', 'order_id', 'store_id', 'kind', 'channel', 'recipient', 'status', 'last_error'])
      .where('id', '=', id),
  );
  if (row && maySee(store, actor.scope, row)) return ok(row);
  return unreachable(actor.scope, `There is no notification with id ${id}.`, "This notification isn't about an order in any of your stores.");
}

/**
 * The SQL condition limiting `n` (notifications) to what the actor may see, with its
 * parameters. Decided per row (a column test, else a probe of order_stores' primary key), so a
 * page walks the notifications index newest first and stops once it is full, instead of sorting
 * every notification of the seller's orders.
 */
export function scopeCondition(actor: CallActor): { sql: string; params: number[] } {
  return actor.scope.match({
    everyStore: () => ({ sql: '1', params: [] }),
    stores: (storeIds) => {
      if (storeIds.length === 0) return { sql: '0', params: [] };
      const list = storeIds.map(() => '?').join(', ');
      // The same rule as maySee, in SQL.
      return {
        sql: `(n.store_id IN (${list}) OR (n.store_id IS NULL AND n.order_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM order_stores os WHERE os.order_id = n.order_id AND os.store_id NOT IN (${list}))))`,
        params: [...storeIds, ...storeIds],
      };
    },
  });
}
