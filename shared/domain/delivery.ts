import type { FulfillmentStatus } from './fulfillment.js';
import type { OrderStatus } from './order-status.js';
import { fail, ok, type Result } from './result.js';

/** A parcel as the delivery rules see it. */
export interface DeliveryParcel {
  id: string;
  deliveredAt: number | null;
}

/**
 * Which of the caller's parcels a "mark delivered" covers: the one named, or every one not yet
 * delivered. `visible` are the parcels the caller can see, in shipping order.
 */
export function deliveryTargets<P extends DeliveryParcel>(visible: readonly P[], shipmentId: string | undefined): Result<P[]> {
  if (shipmentId !== undefined) {
    const parcel = visible.find((p) => p.id === shipmentId);
    if (!parcel) return fail('NOT_FOUND', "That parcel isn't on this order.", { shipmentId: 'Not a parcel of this order.' });
    if (parcel.deliveredAt !== null) return fail('INVALID_TRANSITION', 'That parcel was already marked delivered.');
    return ok([parcel]);
  }
  if (visible.length === 0) return fail('INVALID_TRANSITION', 'Nothing on this order has shipped yet, so nothing can be delivered.');
  const targets = visible.filter((p) => p.deliveredAt === null);
  if (targets.length === 0) return fail('INVALID_TRANSITION', 'Every parcel of this order was already marked delivered.');
  return ok(targets);
}

/**
 * A delivered parcel is a physical fact, recorded whatever the order's status; the order itself
 * is delivered only once it is shipped, fully fulfilled and every parcel, from every store, has
 * arrived. `parcels` are all of the order's parcels as they stand after this delivery.
 */
export function orderArrived(
  order: { status: OrderStatus; fulfillmentStatus: FulfillmentStatus },
  parcels: readonly Pick<DeliveryParcel, 'deliveredAt'>[],
): boolean {
  return order.status === 'shipped' && order.fulfillmentStatus === 'fulfilled' && parcels.every((p) => p.deliveredAt !== null);
}
