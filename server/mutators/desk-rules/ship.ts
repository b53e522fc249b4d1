import type { ShipmentLine } from '../../../shared/domain/fulfillment.js';
import { fail, ok, type Result } from '../../../shared/domain/result.js';

/** A held order doesn't ship (desk: electron/main/app/packing/ship.ts). */
export function checkNotHeldForShipping(order: { onHold: boolean; holdReason: string | null }): Result<null> {
  return order.onHold
    ? fail('INVALID_TRANSITION', `This order is on hold (${order.holdReason ?? 'no reason given'}). Release the hold before shipping.`)
    : ok(null);
}

/** The one store a parcel ships from: a plan spanning stores is refused (desk: ship.ts). */
export function parcelStore(plan: readonly ShipmentLine[], storeOf: (itemId: number) => number): Result<number> {
  const stores = new Set(plan.map((line) => storeOf(line.itemId)));
  if (stores.size !== 1) {
    return fail('INVALID_INPUT', 'A parcel ships from one store. This order has items from several stores: choose the items in this parcel.');
  }
  return ok([...stores][0]!);
}

/**
 * An item after `quantity` of it left in a parcel: shipped units count as packed, so a unit
 * shipped unscanned (with an override) never shows as still to pack (desk: ship.ts's UPDATE).
 */
export function afterShipped<T extends { packedQuantity: number; fulfilledQuantity: number }>(item: T, quantity: number): T {
  const fulfilledQuantity = item.fulfilledQuantity + quantity;
  return { ...item, fulfilledQuantity, packedQuantity: Math.max(item.packedQuantity, fulfilledQuantity) };
}

/** When the order's dates move after a parcel: shipped with its status, fulfilled with its fulfilment (desk: ship.ts). */
export function datesAfterShipping(
  order: { shippedAt: number | null; fulfilledAt: number | null },
  status: string,
  fulfillment: string,
  now: number,
): { shippedAt: number | null; fulfilledAt: number | null } {
  return {
    shippedAt: status === 'shipped' ? now : order.shippedAt,
    fulfilledAt: fulfillment === 'fulfilled' ? now : order.fulfilledAt,
  };
}
