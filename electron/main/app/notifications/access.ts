import { sql, type Expression, type ExpressionBuilder, type Selectable, type SqlBool } from 'kysely';
import { orderStoreIds } from '../../../../db/queries/order-detail.js';
import type { Database, NotificationTable } from '../../../../db/schema.js';
import type { OrderStore } from '../../../../db/store.js';
import type { Scope } from '../../../../shared/domain/scope.js';
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

/** Notifications read as `n`, optionally through one index (see notificationsAs). */
export type FromNotifications = Database & { n: Selectable<NotificationTable> };

/**
 * The notifications table as `n`. With byOrder, SQLite is told to read it through
 * notifications_order (order_id, id): with a status filter too, the planner could otherwise walk
 * every row of that status. The builder has no INDEXED BY, so the alias carries it.
 */
export function notificationsAs(index: 'byOrder' | null) {
  return sql<Selectable<NotificationTable>>`notifications`.as<'n'>(index === 'byOrder' ? sql`n INDEXED BY notifications_order` : sql`n`);
}

/**
 * The condition limiting `n` to what the actor may see: maySee's rule in SQL. Decided per row (a
 * column test, else a probe of order_stores' primary key), so a page walks the notifications
 * index newest first and stops once it is full, instead of sorting every notification of the
 * seller's orders.
 */
type NotificationCondition = (eb: ExpressionBuilder<FromNotifications, 'n'>) => Expression<SqlBool>;

export function visibleTo(actor: CallActor): NotificationCondition {
  return actor.scope.match<NotificationCondition>({
    everyStore: () => () => sql<SqlBool>`1`,
    stores: (storeIds) => (eb) => {
      if (storeIds.length === 0) return sql<SqlBool>`0`;
      const othersOnOrder = eb
        .selectFrom('order_stores as os')
        .select(sql.lit(1).as('one'))
        .whereRef('os.order_id', '=', 'n.order_id')
        .where('os.store_id', 'not in', storeIds);
      return eb.or([
        eb('n.store_id', 'in', storeIds),
        eb.and([eb('n.store_id', 'is', null), eb('n.order_id', 'is not', null), eb.not(eb.exists(othersOnOrder))]),
      ]);
    },
  });
}
