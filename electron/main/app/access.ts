import { findOrder, orderStoreIds, type Viewer } from '../../../db/queries/order-detail.js';
import { Scope } from '../../../shared/domain/scope.js';
import type { Order } from '../../../db/schema.js';
import type { OrderStore } from '../../../db/store.js';
import { orderUnreachable, unreachable as unreachableFor } from '../../../shared/domain/access.js';
import { ok, type Failure, type Result } from '../../../shared/domain/result.js';
import type { Actor, CallActor } from './context.js';

/** The actor for one call: its scope is made here, once, and every check asks it. */
export function withScope(actor: Actor): CallActor {
  const { storeIds, ...rest } = actor;
  return { ...rest, scope: Scope.from(storeIds) };
}

export const viewerOf = (actor: CallActor, now: number): Viewer => ({ scope: actor.scope, stationId: actor.stationId, now });

/** A refusal for something the caller can't reach, worded by shared/domain/access.ts (the shop backend says the same). */
export const unreachable = (scope: Scope, notFound: string, forbidden: string): Failure => unreachableFor(scope.seesEveryStore, notFound, forbidden);

/** Loads an order the actor may act on (one with a part in the caller's stores); see unreachable. */
export function loadOrderFor(store: OrderStore, actor: CallActor, orderId: number): Result<Order> {
  const order = findOrder(store, orderId);
  if (order && actor.scope.canSeeAny(() => orderStoreIds(store, order.id))) return ok(order);
  return orderUnreachable(actor.scope.seesEveryStore, orderId);
}
