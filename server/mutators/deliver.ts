import type { ParsedInput } from '../../shared/contract/index.js';
import type { EventDoc, OrderDoc, ShipmentDoc } from '../../shared/contract/sync-protocol.js';
import { checkTransition } from '../../shared/domain/order-status.js';
import { ok, type Result } from '../../shared/domain/result.js';
import { changed, eventBy, type Step } from './context.js';
import { byStore } from '../../shared/domain/by-store.js';
import { deliveryTargets, orderArrived } from '../../shared/domain/delivery.js';
import type { MutationResult } from './types.js';

/** Parcels in the order the desk lists them: by shipping time, then id. */
export const inShippingOrder = (parcels: readonly ShipmentDoc[]): ShipmentDoc[] =>
  [...parcels].sort((a, b) => a.shippedAt - b.shippedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * The order after these parcels arrived at `now`: each recorded whatever the order's status (a
 * physical fact), the order delivered once every parcel is, by the desk's rule. `entry` makes
 * the timeline entry for one store's parcels.
 */
export function deliverParcels(
  doc: OrderDoc,
  targets: readonly ShipmentDoc[],
  now: number,
  entry: (storeId: number, shipmentIds: string[], orderDelivered: boolean) => EventDoc,
): Result<OrderDoc> {
  const arrived = new Set(targets.map((p) => p.id));
  const shipments = doc.shipments.map((p) => (arrived.has(p.id) ? { ...p, deliveredAt: now } : p));
  let next: OrderDoc = { ...doc, shipments };
  const orderDelivered = orderArrived(doc, shipments);
  if (orderDelivered) {
    const status = checkTransition(doc.status, 'delivered');
    if (!status.ok) return status;
    next = { ...next, status: status.value, deliveredAt: now };
  }
  // One entry per store whose parcels arrived: a seller sees only their own parcels' deliveries.
  const events = byStore(targets, (p) => p.storeId).map(([storeId, parcels]) => entry(storeId, parcels.map((p) => p.id), orderDelivered));
  return ok({ ...next, events: [...doc.events, ...events] });
}

/**
 * order.markDelivered@1 (desk: electron/main/app/delivery/mark-delivered.ts): one parcel, or every
 * undelivered parcel the caller can see. The "delivered" email is the desk's to send.
 */
export function markDelivered(step: Step, input: ParsedInput<'orders.markDelivered'>): MutationResult {
  const { doc, scope } = step;
  const visible = scope.filter(inShippingOrder(doc.shipments), (p) => p.storeId);
  const targets = deliveryTargets(visible, input.shipmentId);
  if (!targets.ok) return targets;
  const next = deliverParcels(doc, targets.value, step.now, (storeId, shipmentIds, orderDelivered) =>
    eventBy(step, 'delivered', { shipmentIds, orderDelivered, notifyCustomer: input.notifyCustomer }, storeId),
  );
  return next.ok ? changed(next.value) : next;
}
