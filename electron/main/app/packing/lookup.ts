import { orderStoreIds } from '../../../../db/queries/order-detail.js';
import { findOrderByNumber } from '../../../../db/queries/order-number.js';
import type { OrderStore } from '../../../../db/store.js';
import { parseOrderNumber } from '../../../../shared/domain/packing.js';
import { fail, ok, type Result } from '../../../../shared/domain/result.js';
import type { CallActor } from '../context.js';

/**
 * The order a scanned or typed code names. Unlike loadOrderFor, a seller scanning another store's
 * slip is told so plainly (the slip is in their hands; a "no such order" would send them
 * searching) but learns nothing else: no id, no detail.
 */
export function lookupOrder(store: OrderStore, actor: CallActor, code: string): Result<{ orderId: number; number: string }> {
  const number = parseOrderNumber(code);
  if (number === null) {
    const shown = code.length > 40 ? `${code.slice(0, 39)}…` : code;
    return fail('NOT_FOUND', `${shown} isn't an order number.`);
  }
  const order = findOrderByNumber(store, number);
  if (!order) return fail('NOT_FOUND', `No order ${number} on this desk.`);
  if (!actor.scope.canSeeAny(() => orderStoreIds(store, order.id))) return fail('FORBIDDEN', `Order ${number} belongs to another store.`);
  return ok({ orderId: order.id, number: order.number });
}
