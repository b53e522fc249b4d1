import type { OrderStatus } from './order-status.js';
import { unitsToVerify, type PackingItem } from './packing.js';
import { fail, ok, type Result } from './result.js';

/** What decides whether an order can be packed now. */
export interface PackableOrder {
  status: OrderStatus;
  onHold: boolean;
  /** The items the caller may pack (a seller's own store's). */
  items: readonly Pick<PackingItem, 'quantity' | 'packedQuantity' | 'fulfilledQuantity' | 'isDigital'>[];
}

/**
 * Whether units of this order can be marked packed: only a paid order (processing) that is not on
 * hold, and only while a physical unit is left that is neither packed nor shipped. Main refuses
 * orders.markPacked with this failure; the order page disables Mark packed with the same sentence.
 */
export function checkCanPack(order: PackableOrder): Result<null> {
  if (order.status === 'pending') return fail('INVALID_TRANSITION', "This order isn't paid yet, so it can't be packed.");
  if (order.status !== 'processing') return fail('INVALID_TRANSITION', `A ${order.status} order can't be packed.`);
  if (order.onHold) return fail('INVALID_TRANSITION', 'This order is on hold. Release the hold before packing.');
  if (order.items.every((item) => item.isDigital)) {
    return fail('INVALID_TRANSITION', 'This order only has digital items, so there is nothing to pack.');
  }
  if (!order.items.some((item) => unitsToVerify(item) > 0)) return fail('INVALID_TRANSITION', 'Every item on this order is already packed.');
  return ok(null);
}
