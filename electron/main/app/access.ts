import { findOrder, orderStoreIds, type Viewer } from '../../../db/queries/order-detail.js';
import type { StoreScope } from '../../../db/queries/scope.js';
import type { Order } from '../../../db/schema.js';
import type { OrderStore } from '../../../db/store.js';
import { fail, ok, type Result } from '../../../shared/domain/result.js';
import type { Actor } from './context.js';

export const scopeOf = (actor: Actor): StoreScope => actor.storeIds;

export const viewerOf = (actor: Actor, now: number): Viewer => ({ scope: actor.storeIds, stationId: actor.stationId, now });

/**
 * Loads an order the actor may act on. A seller gets the same FORBIDDEN whether the order belongs
 * to another store or doesn't exist at all, so ids can't be probed; admins get NOT_FOUND.
 */
export function loadOrderFor(store: OrderStore, actor: Actor, orderId: number): Result<Order> {
  const order = findOrder(store, orderId);
  if (actor.storeIds === null) {
    return order ? ok(order) : fail('NOT_FOUND', `There is no order with id ${orderId}.`);
  }
  const mine = new Set(actor.storeIds);
  if (!order || !orderStoreIds(store, order.id).some((storeId) => mine.has(storeId))) {
    return fail('FORBIDDEN', "This order isn't in any of your stores.");
  }
  return ok(order);
}
