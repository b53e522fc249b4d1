import { Scope } from '../../db/queries/scope.js';
import type { OrderDoc } from '../../shared/contract/sync-protocol.js';
import { apportion, moneyFor, storeItemsOf, storeShares, type OrderFigures } from '../../shared/domain/money-share.js';

const figuresOf = (doc: OrderDoc): OrderFigures => ({
  subtotalCents: doc.subtotalCents,
  shippingCents: doc.shippingCents,
  taxCents: doc.taxCents,
  discountCents: doc.discountCents,
  totalCents: doc.totalCents,
});

const sum = (values: readonly number[]) => values.reduce((total, v) => total + v, 0);

/**
 * A reader's copy of an order (storeIds null = an admin: the whole order). A seller gets their
 * stores' part: their items, their parcels, the timeline entries about their stores plus the
 * whole-order ones, every cancellation request (a cancellation is the whole order's) and the
 * return requests about their items, cut to those items. null when no item is theirs.
 *
 * A seller who runs every store on the order gets it whole, as at the desk (money-share.ts).
 * Otherwise the copy's money is their share, so a desk shows it with the rules it already has:
 * - subtotal, discount, tax and total are the sum of their stores' shares (money-share.ts
 *   storeShares, as the desk's order page shows a seller); shipping is 0 (it is the order's,
 *   not a store's), so total = subtotal − discount + tax holds in the copy too;
 * - captured and refunded are their share of the payment: the capture apportioned (largest
 *   remainder, money-share.ts apportion) over the stores' share totals and the shipping charge,
 *   the refund apportioned over those captured parts, so their refunded never passes their
 *   captured and a full refund is a full refund of every part;
 * - a return request's refundCents is apportioned over its lines' values, theirs summed;
 * - the Stripe payment intent id is left out (null): it names the whole order's payment;
 * - status, fulfillmentStatus and paymentStatus stay the ORDER's (not re-derived from the
 *   share), since they say where the whole order stands. A desk must take them from the copy,
 *   never re-derive them from a seller copy's items or money.
 */
export function scopeOrderDoc(doc: OrderDoc, storeIds: readonly number[] | null): OrderDoc | null {
  const scope = Scope.from(storeIds);
  const items = scope.filter(doc.items, (item) => item.storeId);
  if (items.length === 0) return null;
  const orderStores = [...new Set(doc.items.map((item) => item.storeId))];
  if (scope.canSeeAll(orderStores)) return doc;

  const theirs = new Set(items.map((item) => item.storeId));
  const ownItemIds = new Set(items.map((item) => item.id));
  const stores = storeItemsOf(doc.items);
  const money = moneyFor(figuresOf(doc), stores, [...theirs]);
  const shares = storeShares(figuresOf(doc), stores);
  // The last part is the shipping charge's: nobody's store.
  const captured = apportion(doc.capturedCents, [...shares.map((s) => s.totalCents), doc.shippingCents]);
  const refunded = apportion(doc.refundedCents, captured);
  const mine = (parts: readonly number[]) => sum(shares.map((s, i) => (theirs.has(s.storeId) ? parts[i]! : 0)));
  const itemById = new Map(doc.items.map((item) => [item.id, item]));

  return {
    ...doc,
    storeIds: doc.storeIds.filter((id) => theirs.has(id)),
    subtotalCents: money.subtotalCents,
    discountCents: money.discountCents,
    taxCents: money.taxCents,
    shippingCents: 0,
    totalCents: money.totalCents,
    capturedCents: mine(captured),
    refundedCents: mine(refunded),
    stripePaymentIntentId: null,
    items,
    shipments: doc.shipments.filter((parcel) => theirs.has(parcel.storeId)),
    events: doc.events.filter((event) => event.storeId === null || theirs.has(event.storeId)),
    returnRequests: doc.returnRequests.flatMap((request) => {
      const lines = request.items.filter((line) => ownItemIds.has(line.itemId));
      if (lines.length === 0) return [];
      const value = (line: { itemId: number; quantity: number }) => line.quantity * (itemById.get(line.itemId)?.unitPriceCents ?? 0);
      const refundCents =
        request.refundCents === null ? null : sum(apportion(request.refundCents, request.items.map(value)).filter((_, i) => ownItemIds.has(request.items[i]!.itemId)));
      return [{ ...request, items: lines, refundCents }];
    }),
  };
}
