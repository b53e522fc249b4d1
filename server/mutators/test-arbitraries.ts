// fast-check generators for the mutators' property tests: order documents in any reachable-ish
// state (several stores, parcels, requests, timeline entries) and the mutations people push.
import fc from 'fast-check';
import type { EventDoc, OrderDoc, ShipmentDoc } from '../../shared/contract/sync-protocol.js';
import { ORDER_STATUSES } from '../../shared/domain/order-status.js';
import { withDerived } from './context.js';
import { FEDEX, STORE_A, STORE_B, STORE_C, UPS, USPS, admin, makeDoc, uuid } from './test-support.js';
import type { MutationActor, NamedMutation } from './types.js';

export const STORES: readonly number[] = [STORE_A, STORE_B, STORE_C];

const itemArb = fc.record({
  storeId: fc.constantFrom(...STORES),
  quantity: fc.integer({ min: 1, max: 4 }),
  unitPriceCents: fc.integer({ min: 0, max: 20_000 }),
  digital: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  shipped: fc.constantFrom(0, 0, 1, 2, 4),
  packedExtra: fc.constantFrom(0, 0, 0, 1, 2),
  returned: fc.integer({ min: 0, max: 4 }),
});

/** An order document: 1-6 items over up to three stores, some shipped (in parcels), requests and entries. */
export const orderDocArb: fc.Arbitrary<OrderDoc> = fc
  .record({
    items: fc.array(itemArb, { minLength: 1, maxLength: 6 }),
    status: fc.oneof({ weight: 3, arbitrary: fc.constant('processing' as const) }, { weight: 2, arbitrary: fc.constantFrom(...ORDER_STATUSES) }),
    paid: fc.boolean(),
    onHold: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
    shippingCents: fc.integer({ min: 0, max: 3000 }),
    taxCents: fc.integer({ min: 0, max: 5000 }),
    discountPercent: fc.integer({ min: 0, max: 100 }),
    refundPercent: fc.integer({ min: 0, max: 100 }),
    delivered: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    eventStores: fc.array(fc.constantFrom<number | null>(null, ...STORES), { maxLength: 6 }),
    requestSeeds: fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), { maxLength: 3 }),
    refund: fc.option(fc.integer({ min: 0, max: 50_000 })),
  })
  .map((s) => {
    const specs = s.items.map((item, index) => {
      const fulfilled = item.digital ? 0 : Math.min(item.shipped, item.quantity);
      return {
        id: 100 + index,
        storeId: item.storeId,
        sku: `SKU-${index}`,
        quantity: item.quantity,
        unitPriceCents: item.unitPriceCents,
        digital: item.digital,
        fulfilled,
        packed: item.digital ? 0 : Math.min(fulfilled + item.packedExtra, item.quantity),
        returned: Math.min(item.returned, fulfilled),
      };
    });
    const subtotal = specs.reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0);
    const base = makeDoc({
      items: specs,
      status: s.status,
      paid: s.paid,
      onHold: s.onHold,
      shippingCents: s.shippingCents,
      taxCents: s.taxCents,
      discountCents: Math.floor((subtotal * s.discountPercent) / 100),
    });
    const refunded = Math.floor((base.capturedCents * s.refundPercent) / 100);
    // One parcel per store for everything of it that has shipped.
    const shipments: ShipmentDoc[] = STORES.flatMap((storeId, index) => {
      const lines = specs.filter((item) => item.storeId === storeId && item.fulfilled > 0).map((item) => ({ itemId: item.id, quantity: item.fulfilled }));
      if (lines.length === 0) return [];
      const tracking = [UPS, FEDEX, USPS][index]!;
      return [{
        id: uuid(500 + storeId),
        storeId,
        carrier: (['ups', 'fedex', 'usps'] as const)[index]!,
        carrierName: ['UPS', 'FedEx', 'USPS'][index]!,
        trackingNumber: tracking,
        trackingUrl: `https://example.com/${tracking}`,
        method: null,
        shippedAt: base.placedAt + 1000 * (index + 1),
        deliveredAt: s.delivered[index] ? base.placedAt + 100_000 : null,
        createdBy: admin.userId,
        stationId: 'st-1',
        items: lines,
      }];
    });
    const events: EventDoc[] = s.eventStores
      .filter((storeId) => storeId === null || specs.some((item) => item.storeId === storeId))
      .map((storeId, index) => ({ id: index + 1, at: base.placedAt + index, actorId: null, actorName: 'Someone', stationId: null, stationName: null, kind: storeId === null ? 'paid' : 'note', data: storeId === null ? { amountCents: base.capturedCents } : { body: `about ${storeId}` }, storeId }));
    const returnRequests = s.requestSeeds.map((seeds, index) => {
      const lines = [...new Map(seeds.map((seed) => {
        const item = specs[seed % specs.length]!;
        return [item.id, { itemId: item.id, quantity: 1 + (seed % 2) }] as const;
      })).values()];
      return {
        id: `return-${index}`,
        requestedBy: base.customer.id,
        reason: 'damaged',
        description: '',
        status: 'pending' as const,
        refundCents: s.refund,
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
        completedAt: null,
        createdAt: base.placedAt,
        items: lines,
      };
    });
    return withDerived({ ...base, refundedCents: refunded, shipments, events, returnRequests });
  });

/** Staff: an admin, or a seller of one or two stores (possibly none of this order's). */
export const actorArb: fc.Arbitrary<MutationActor> = fc.oneof(
  fc.constant(admin),
  fc.subarray([...STORES], { minLength: 1, maxLength: 2 }).map((storeIds) => ({
    userId: 10 + storeIds.reduce((a, b) => a * 10 + b, 0),
    name: `Seller of ${storeIds.join('+')}`,
    role: 'seller' as const,
    storeIds,
    stationId: 'st-x',
    stationName: 'Bench X',
  })),
);

const itemLinesArb = fc.option(
  fc.array(fc.record({ itemId: fc.integer({ min: 100, max: 106 }), quantity: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 3 }),
  { nil: undefined, freq: 1 },
);

/** A synced mutation on order 7 (the documents' id) as a desk would push it. */
export const mutationArb: fc.Arbitrary<NamedMutation> = fc.oneof(
  fc.record({
    items: itemLinesArb,
    override: fc.option(fc.constant('Scanner broke'), { nil: undefined }),
    n: fc.integer({ min: 1, max: 3 }),
    carrier: fc.constantFrom(['ups', UPS] as const, ['fedex', FEDEX] as const),
  }).map(({ items, override, n, carrier }) => ({
    name: 'order.ship@1' as const,
    args: { orderId: 7, shipmentId: uuid(n), carrier: carrier[0], trackingNumber: carrier[1], ...(items ? { items } : {}), ...(override ? { verificationOverride: override } : {}) },
  })),
  itemLinesArb.map((items) => ({ name: 'order.markPacked@1' as const, args: { orderId: 7, ...(items ? { items } : {}) } })),
  fc.constant({ name: 'order.placeHold@1' as const, args: { orderId: 7, reason: 'Check' } }),
  fc.constant({ name: 'order.releaseHold@1' as const, args: { orderId: 7 } }),
  fc.constant({ name: 'order.addNote@1' as const, args: { orderId: 7, body: 'A note' } }),
  fc.option(fc.constantFrom(...STORES), { nil: undefined }).map((storeId) => ({
    name: 'order.markDelivered@1' as const,
    args: { orderId: 7, ...(storeId ? { shipmentId: uuid(500 + storeId) } : {}) },
  })),
  fc.constant({ name: 'order.updateShippingAddress@1' as const, args: { orderId: 7, address: { name: 'Casey', street: '1 Main St', city: 'Salem', state: 'OR', zip: '97301' } } }),
);

/** Freezes a value all the way down: a function that writes to its input throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * A paid order in processing, not on hold, with a seller (or admin) and a parcel they can ship:
 * the remaining units of one of their stores' physical items, unverified units covered by a reason.
 */
export const shippableArb: fc.Arbitrary<{ doc: OrderDoc; actor: MutationActor; mutation: NamedMutation }> = fc
  .tuple(orderDocArb, actorArb, fc.integer({ min: 1, max: 3 }), fc.boolean())
  .map(([generated, actor, n, omitItems]) => {
    const doc = withDerived({
      ...generated,
      status: 'processing' as const,
      onHold: false,
      holdReason: null,
      heldAt: null,
      heldBy: null,
      capturedCents: generated.totalCents,
      refundedCents: 0,
    });
    const mine = doc.items.filter((item) => !item.isDigital && item.fulfilledQuantity < item.quantity && (actor.storeIds === null || actor.storeIds.includes(item.storeId)));
    const storeId = mine[0]?.storeId;
    const lines = mine.filter((item) => item.storeId === storeId).map((item) => ({ itemId: item.id, quantity: item.quantity - item.fulfilledQuantity }));
    const onlyStore = doc.items.every((item) => item.isDigital || item.fulfilledQuantity >= item.quantity || item.storeId === storeId);
    const args = {
      orderId: doc.id,
      shipmentId: uuid(n),
      carrier: 'ups',
      trackingNumber: UPS,
      verificationOverride: 'Checked by eye',
      ...(omitItems && onlyStore ? {} : { items: lines }),
    };
    return { doc, actor, mutation: { name: 'order.ship@1' as const, args } };
  });

/** An order nothing of which has left yet (the state an address correction needs). */
export const unshippedArb: fc.Arbitrary<OrderDoc> = orderDocArb.map((doc) =>
  withDerived({
    ...doc,
    status: doc.status === 'pending' ? 'pending' : 'processing',
    items: doc.items.map((item) => ({ ...item, fulfilledQuantity: 0, returnedQuantity: 0 })),
    shipments: [],
    returnRequests: [],
    shippedAt: null,
    deliveredAt: null,
    fulfilledAt: null,
  }),
);
