import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderDocSchema } from '../../shared/contract/sync-protocol.js';
import { withDerived } from './context.js';
import { scopeOrderDoc } from './scope.js';
import { STORES, orderDocArb } from './test-arbitraries.js';
import { STORE_A, STORE_B, STORE_C, makeDoc, parcel, uuid } from './test-support.js';

const storeListArb = fc.subarray([...STORES], { minLength: 0, maxLength: 3 });

describe('scopeOrderDoc', () => {
  it("never gives a seller another store's item, parcel, timeline entry or return line", () => {
    fc.assert(
      fc.property(orderDocArb, storeListArb, (doc, storeIds) => {
        const copy = scopeOrderDoc(doc, storeIds);
        const theirs = new Set(storeIds);
        if (!doc.items.some((item) => theirs.has(item.storeId))) {
          expect(copy).toBeNull();
          return;
        }
        expect(copy).not.toBeNull();
        const c = copy!;
        orderDocSchema.parse(c);
        expect(c.storeIds.every((id) => theirs.has(id))).toBe(true);
        expect(c.items.every((item) => theirs.has(item.storeId))).toBe(true);
        // Every one of their items is there.
        expect(c.items.length).toBe(doc.items.filter((item) => theirs.has(item.storeId)).length);
        expect(c.shipments.every((p) => theirs.has(p.storeId))).toBe(true);
        expect(c.events.every((e) => e.storeId === null || theirs.has(e.storeId))).toBe(true);
        expect(c.events.length).toBe(doc.events.filter((e) => e.storeId === null || theirs.has(e.storeId)).length);
        if (c !== doc) expect(c.events.filter((e) => e.storeId === null).flatMap((e) => Object.keys(e.data)).filter((key) => key.endsWith('Cents'))).toEqual([]);
        const own = new Set(c.items.map((item) => item.id));
        expect(c.returnRequests.every((r) => r.items.every((line) => own.has(line.itemId)))).toBe(true);
        // Their share of the payment never passes what their part costs, nor refunds what was captured.
        expect(c.refundedCents).toBeLessThanOrEqual(c.capturedCents);
        expect(c.totalCents).toBe(c.subtotalCents - c.discountCents + c.taxCents + c.shippingCents);
        // The order's standing is the order's; what is derived, the copy derives from itself, as a desk does from its rows.
        expect(c.status).toBe(doc.status);
        expect(withDerived(c)).toEqual(c);
        // A copy's payment reads as the order's, but for the edge cases scope.ts names.
        const edge = c.capturedCents === 0 || (doc.paymentStatus === 'partially_refunded' && c.paymentStatus !== 'partially_refunded');
        if (!edge) expect(c.paymentStatus).toBe(doc.paymentStatus);
      }),
    );
  });

  it("splits the order's money between its stores exactly: the sellers' copies add up to the order", () => {
    fc.assert(
      fc.property(orderDocArb, (doc) => {
        const stores = [...new Set(doc.items.map((item) => item.storeId))];
        fc.pre(stores.length > 1);
        const copies = stores.map((storeId) => scopeOrderDoc(doc, [storeId])!);
        const total = (pick: (c: typeof doc) => number) => copies.reduce((sum, c) => sum + pick(c), 0);
        expect(total((c) => c.subtotalCents)).toBe(doc.subtotalCents);
        expect(total((c) => c.discountCents)).toBe(doc.discountCents);
        expect(total((c) => c.taxCents)).toBe(doc.taxCents);
        expect(copies.every((c) => c.shippingCents === 0 && c.stripePaymentIntentId === null)).toBe(true);
        // What is captured for shipping is nobody's store's: the stores' parts are the rest.
        expect(total((c) => c.capturedCents)).toBeLessThanOrEqual(doc.capturedCents);
        expect(total((c) => c.refundedCents)).toBeLessThanOrEqual(doc.refundedCents);
        if (doc.shippingCents === 0) expect(total((c) => c.capturedCents)).toBe(doc.capturedCents);
      }),
    );
  });

  it('gives an admin, and a seller of every store on the order, the whole order', () => {
    fc.assert(
      fc.property(orderDocArb, (doc) => {
        expect(scopeOrderDoc(doc, null)).toBe(doc);
        expect(scopeOrderDoc(doc, [...STORES])).toBe(doc);
      }),
    );
  });

  it("shows a seller their share of a shared order's money, and a request cut to their lines", () => {
    const doc = makeDoc({
      items: [
        { storeId: STORE_A, sku: 'ALD-BOWL', quantity: 1, unitPriceCents: 3000, fulfilled: 1 },
        { storeId: STORE_B, sku: 'BIR-SPOON', quantity: 2, unitPriceCents: 500, fulfilled: 2 },
      ],
      status: 'shipped',
      shippingCents: 1000,
      taxCents: 400,
      shipments: [parcel(uuid(1), STORE_A, [{ itemId: 100, quantity: 1 }]), parcel(uuid(2), STORE_B, [{ itemId: 101, quantity: 2 }])],
    });
    // 4000 of items (A 3000, B 1000), 400 tax, 1000 shipping: captured 5400.
    const withRequest = {
      ...doc,
      returnRequests: [
        { id: 'r1', requestedBy: 50, reason: 'damaged', description: '', status: 'approved' as const, refundCents: 1600, decidedBy: 1, decidedAt: 1, decisionNote: null, completedAt: null, createdAt: 1, items: [{ itemId: 100, quantity: 1 }, { itemId: 101, quantity: 2 }] },
      ],
    };
    const a = scopeOrderDoc(withRequest, [STORE_A])!;
    expect(a).toMatchObject({ subtotalCents: 3000, taxCents: 300, discountCents: 0, shippingCents: 0, totalCents: 3300, capturedCents: 3300, refundedCents: 0 });
    expect(a.shipments.map((p) => p.id)).toEqual([uuid(1)]);
    expect(a.returnRequests).toEqual([expect.objectContaining({ items: [{ itemId: 100, quantity: 1 }], refundCents: 1200 })]);
    const b = scopeOrderDoc(withRequest, [STORE_B])!;
    expect(b).toMatchObject({ subtotalCents: 1000, taxCents: 100, totalCents: 1100, capturedCents: 1100 });
    expect(b.returnRequests[0]!.refundCents).toBe(400);
    expect(scopeOrderDoc(withRequest, [STORE_C])).toBeNull();
  });

  it("keeps a shared order's amounts off the whole-order entries a seller reads, and keeps the entries", () => {
    const doc = makeDoc({ items: [{ storeId: STORE_A, sku: 'ALD-BOWL', quantity: 1 }, { storeId: STORE_B, sku: 'BIR-SPOON', quantity: 2 }] });
    const entry = (id: number, kind: string, data: Record<string, unknown>, storeId: number | null) => ({ id, at: 1, actorId: null, actorName: 'Stripe', stationId: null, stationName: null, kind, data, storeId });
    const withTimeline = { ...doc, events: [entry(1, 'placed', { totalCents: 5000, items: 2 }, null), entry(2, 'paid', { amountCents: 5000 }, null), entry(3, 'shipped', { trackingNumber: 'X' }, STORE_B)] };
    expect(scopeOrderDoc(withTimeline, [STORE_A])!.events.map((e) => [e.kind, e.data])).toEqual([
      ['placed', { items: 2 }],
      ['paid', {}],
    ]);
    expect(scopeOrderDoc(withTimeline, [STORE_A, STORE_B])!.events).toBe(withTimeline.events);
  });
});
