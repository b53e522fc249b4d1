import { Scope } from '../../shared/domain/scope.js';
import type { OrderDoc } from '../../shared/contract/sync-protocol.js';
import { withDerived } from './context.js';
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
 * - whole-order timeline entries lose their amounts (data keys ending in Cents: "placed",
 *   "paid", "refunded" carry the whole order's), the rest of each entry is kept;
 * - status (and its dates) stay the ORDER's: where the whole order stands. fulfillmentStatus and
 *   paymentStatus are derived from the copy itself by the shared rules (fulfillment.ts,
 *   payment.ts), as a desk derives them from the rows it writes, so the copy and the desk agree:
 *   fulfilment is that of the seller's part ("fulfilled" once their items are out, while the
 *   order is still processing for another store); payment is the order's in every case but
 *   two edge ones the proportional split can't carry: a part that costs nothing has nothing
 *   captured ("pending"), and a partial refund may fall wholly on other parts ("paid") or, for
 *   a small part, cover it ("refunded").
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
  // The last part is the shipping charge's: nobody's store. A share is never below zero, even
  // for a stored discount above the items' price (bad data, which newOrderDoc refuses).
  const captured = apportion(doc.capturedCents, [...shares.map((s) => Math.max(s.totalCents, 0)), doc.shippingCents]);
  const refunded = apportion(doc.refundedCents, captured);
  const mine = (parts: readonly number[]) => sum(shares.map((s, i) => (theirs.has(s.storeId) ? parts[i]! : 0)));
  const itemById = new Map(doc.items.map((item) => [item.id, item]));

  return withDerived({
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
    events: doc.events.flatMap((event) => {
      if (event.storeId !== null) return theirs.has(event.storeId) ? [event] : [];
      // A whole-order entry's amounts are the whole order's ("placed for $120", "paid $120"):
      // the seller reads the entry without them, as they read the order without its payment.
      const data = Object.fromEntries(Object.entries(event.data).filter(([key]) => !key.endsWith('Cents')));
      return [{ ...event, data }];
    }),
    returnRequests: doc.returnRequests.flatMap((request) => {
      const lines = request.items.filter((line) => ownItemIds.has(line.itemId));
      if (lines.length === 0) return [];
      const value = (line: { itemId: number; quantity: number }) => line.quantity * (itemById.get(line.itemId)?.unitPriceCents ?? 0);
      const refundCents =
        request.refundCents === null ? null : sum(apportion(request.refundCents, request.items.map(value)).filter((_, i) => ownItemIds.has(request.items[i]!.itemId)));
      return [{ ...request, items: lines, refundCents }];
    }),
  });
}
