import type { ParsedInput } from '../../shared/contract/index.js';
import type { ShipmentDoc } from '../../shared/contract/sync-protocol.js';
import {
  afterShipped,
  applyShipment,
  checkNotHeldForShipping,
  deriveFulfillmentStatus,
  parcelStore,
  planShipment,
} from '../../shared/domain/fulfillment.js';
import { datesAfterShipping, statusAfterFulfillment } from '../../shared/domain/order-status.js';
import { checkVerified } from '../../shared/domain/packing.js';
import { isPaid } from '../../shared/domain/payment.js';
import { checkTracking } from '../../shared/domain/tracking.js';
import { changed, eventBy, toFulfillable, toPackable, unchanged, type Step } from './context.js';
import type { MutationResult } from './types.js';

/**
 * order.ship@1, as the desk's electron/main/app/packing/ship.ts: one parcel from one store, with
 * a tracking number, of units that were verified unless an override reason is given.
 *
 * Idempotency: a shipmentId already on this order answers ok, unchanged. A shipmentId used by
 * ANOTHER order can't be seen from one document: the caller checks shipment ids server-wide
 * (unique) and refuses that with CONFLICT 'That shipment id is already used by another order.',
 * as the desk does.
 *
 * Desk-only effects not repeated here: releasing packing claims (a station's lease, kept per
 * desk) and the "shipped" email/text (sent by the desk's main process from its own rows).
 */
export function ship(step: Step, input: ParsedInput<'orders.ship'>): MutationResult {
  const { doc, scope, now } = step;
  if (doc.shipments.some((shipment) => shipment.id === input.shipmentId)) return unchanged(doc);
  const held = checkNotHeldForShipping(doc);
  if (!held.ok) return held;
  const statusCheck = statusAfterFulfillment(doc.status, 'partially_fulfilled');
  if (!statusCheck.ok) return statusCheck;
  const tracking = checkTracking({
    carrier: input.carrier,
    trackingNumber: input.trackingNumber,
    trackingUrl: input.trackingUrl ?? null,
    carrierName: input.carrierName ?? null,
  });
  if (!tracking.ok) return tracking;

  const mine = scope.filter(doc.items, (item) => item.storeId);
  const plan = planShipment(mine.map(toFulfillable), input.items ?? null);
  if (!plan.ok) return plan;
  const byId = new Map(doc.items.map((item) => [item.id, item]));
  const storeId = parcelStore(plan.value, (itemId) => byId.get(itemId)!.storeId);
  if (!storeId.ok) return storeId;
  if (input.verificationOverride === undefined) {
    const verified = checkVerified(mine.map(toPackable), plan.value);
    if (!verified.ok) return verified;
  }

  const shipped = new Map(plan.value.map((line) => [line.itemId, line.quantity]));
  const items = doc.items.map((item) => (shipped.has(item.id) ? afterShipped(item, shipped.get(item.id)!) : item));
  // The items as this parcel leaves them decide the order's status, by the rules the desk uses.
  const fulfillment = deriveFulfillmentStatus(applyShipment(doc.items.map(toFulfillable), plan.value), isPaid(doc.paymentStatus));
  const status = statusAfterFulfillment(doc.status, fulfillment);
  if (!status.ok) return status;
  const parcel: ShipmentDoc = {
    id: input.shipmentId,
    storeId: storeId.value,
    carrier: tracking.value.carrier,
    carrierName: tracking.value.carrierName,
    trackingNumber: tracking.value.trackingNumber,
    trackingUrl: tracking.value.trackingUrl,
    method: input.method ?? doc.shippingMethod,
    shippedAt: now,
    deliveredAt: null,
    createdBy: step.actor.userId,
    stationId: step.actor.stationId,
    items: plan.value.map((line) => ({ itemId: line.itemId, quantity: line.quantity })),
  };
  // A parcel is one store's: who shipped it, from which bench and its tracking are for that store's people (and admins).
  const event = eventBy(
    step,
    'shipped',
    {
      shipmentId: input.shipmentId,
      carrier: tracking.value.carrier,
      carrierName: tracking.value.carrierName,
      trackingNumber: tracking.value.trackingNumber,
      trackingUrl: tracking.value.trackingUrl,
      items: plan.value.map((line) => ({ itemId: line.itemId, sku: byId.get(line.itemId)!.sku, quantity: line.quantity })),
      notifyCustomer: input.notifyCustomer,
      ...(input.verificationOverride !== undefined ? { verificationOverride: input.verificationOverride } : {}),
    },
    storeId.value,
  );
  return changed({
    ...doc,
    ...datesAfterShipping(doc, status.value, fulfillment, now),
    status: status.value,
    items,
    shipments: [...doc.shipments, parcel],
    events: [...doc.events, event],
  });
}
