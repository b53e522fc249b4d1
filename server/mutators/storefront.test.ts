import { describe, expect, it } from 'vitest';
import { orderDocSchema, storefrontOrderSchema, type OrderDoc } from '../../shared/contract/sync-protocol.js';
import { applyMutation } from './apply.js';
import { addCancellationRequest, addReturnRequest, newOrderDoc, reportDelivery, type NewOrderIds } from './storefront.js';
import type { MutationResult } from './types.js';
import { FEDEX, STORE_A, STORE_B, T0, UPS, admin, counter, makeDoc, parcel, sharedOrder, uuid } from './test-support.js';

function ids(): NewOrderIds {
  const events = counter(0);
  let item = 0;
  return { orderId: 7, customerId: 50, number: 'SH-1035600', itemId: () => 100 + item++, eventId: events.eventId };
}

const address = { name: 'Casey Customer', street: '12 Elm St', city: 'Portland', state: 'OR', zip: '97201' };

const storefrontOrder = (overrides: Record<string, unknown> = {}) =>
  storefrontOrderSchema.parse({
    requestId: 'checkout-0001',
    customer: { name: 'Casey Customer', email: 'casey@example.com' },
    billingAddress: address,
    shippingAddress: address,
    items: [
      { storeId: STORE_A, sku: 'ALD-BOWL', title: 'Bowl', quantity: 1, unitPriceCents: 3000 },
      { storeId: STORE_B, sku: 'BIR-SPOON', title: 'Spoon', quantity: 2, unitPriceCents: 500 },
    ],
    shippingCents: 700,
    taxCents: 320,
    discountCents: 200,
    payment: { paymentIntentId: 'pi_3Q', capturedCents: 4820 },
    ...overrides,
  });

const value = (result: MutationResult | { ok: true; value: OrderDoc } | { ok: false; code: string; message: string }): OrderDoc => {
  if (!result.ok) throw new Error(`refused: ${result.code} ${result.message}`);
  orderDocSchema.parse(result.value);
  return result.value;
};

describe('newOrderDoc', () => {
  it('makes a paid order ready to pack: processing, paid, with its capture, payment intent and timeline', () => {
    const doc = value(newOrderDoc(storefrontOrder(), ids(), T0));
    expect(doc).toMatchObject({
      id: 7,
      number: 'SH-1035600',
      storeIds: [STORE_A, STORE_B],
      status: 'processing',
      paymentStatus: 'paid',
      fulfillmentStatus: 'unfulfilled',
      subtotalCents: 4000,
      totalCents: 4820,
      capturedCents: 4820,
      refundedCents: 0,
      stripePaymentIntentId: 'pi_3Q',
      placedAt: T0,
      paidAt: T0,
      customer: { id: 50, name: 'Casey Customer', email: 'casey@example.com', phone: null, smsConsent: false },
    });
    expect(doc.items.map((item) => [item.id, item.storeId, item.sku, item.quantity])).toEqual([
      [100, STORE_A, 'ALD-BOWL', 1],
      [101, STORE_B, 'BIR-SPOON', 2],
    ]);
    expect(doc.events.map((e) => [e.kind, e.actorName, e.data, e.storeId])).toEqual([
      ['placed', 'Casey Customer', { totalCents: 4820, items: 2 }, null],
      ['paid', 'Stripe', { amountCents: 4820 }, null],
    ]);
    // A seller can pack it at once.
    const packed = applyMutation(doc, { name: 'order.markPacked@1', args: { orderId: 7 } }, admin, T0 + 1, counter());
    expect(packed.ok).toBe(true);
  });

  it('leaves an order with nothing captured pending, and delivers a paid order of only digital items at once', () => {
    expect(value(newOrderDoc(storefrontOrder({ payment: { paymentIntentId: 'pi_1', capturedCents: 0 } }), ids(), T0))).toMatchObject({
      status: 'pending',
      paymentStatus: 'pending',
      paidAt: null,
    });
    const digital = value(
      newOrderDoc(
        storefrontOrder({
          shippingAddress: null,
          items: [{ storeId: STORE_A, sku: 'ALD-EBOOK', title: 'E-book', quantity: 1, unitPriceCents: 900, isDigital: true }],
          shippingCents: 0,
          taxCents: 0,
          discountCents: 0,
          payment: { paymentIntentId: 'pi_2', capturedCents: 900 },
        }),
        ids(),
        T0,
      ),
    );
    expect(digital).toMatchObject({ status: 'delivered', fulfillmentStatus: 'fulfilled', fulfilledAt: T0, shippedAt: T0, deliveredAt: T0, shippingAddress: null });
  });

  it('refuses a SKU twice, physical items without an address, a discount above the items, a capture above the total and absurd amounts', () => {
    const twice = storefrontOrder({ items: [{ storeId: STORE_A, sku: 'X-1', title: 'X', quantity: 1, unitPriceCents: 1 }, { storeId: STORE_B, sku: 'x-1', title: 'X', quantity: 1, unitPriceCents: 1 }], payment: { paymentIntentId: 'pi_9', capturedCents: 0 } });
    expect(newOrderDoc(twice, ids(), T0)).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { 'items.1.sku': 'Listed twice.' } });
    expect(newOrderDoc(storefrontOrder({ shippingAddress: null }), ids(), T0)).toMatchObject({ ok: false, fields: { shippingAddress: expect.any(String) } });
    expect(newOrderDoc(storefrontOrder({ discountCents: 4001 }), ids(), T0)).toMatchObject({ ok: false, fields: { discountCents: 'At most 4000.' } });
    const huge = storefrontOrder({ items: [{ storeId: STORE_A, sku: 'GOLD', title: 'Gold', quantity: 10_000, unitPriceCents: 2 ** 50 }], payment: { paymentIntentId: 'pi_9', capturedCents: 0 } });
    expect(newOrderDoc(huge, ids(), T0)).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { items: expect.any(String) } });
    expect(newOrderDoc(storefrontOrder({ payment: { paymentIntentId: 'pi_9', capturedCents: 4821 } }), ids(), T0)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});

describe('addCancellationRequest', () => {
  const request = { id: 'cancel-0001', requestedBy: 50, reason: 'Ordered twice', now: T0 };

  it('records a pending request and a whole-order entry; a repeat of the same id changes nothing', () => {
    const doc = sharedOrder();
    const after = value(addCancellationRequest(doc, request, counter()));
    expect(after.cancellationRequests).toEqual([
      { id: 'cancel-0001', requestedBy: 50, reason: 'Ordered twice', status: 'pending', decidedBy: null, decidedAt: null, decisionNote: null, createdAt: T0 },
    ]);
    expect(after.events).toEqual([expect.objectContaining({ kind: 'cancellation_requested', storeId: null, actorId: 50, actorName: 'Casey Customer', stationId: null })]);
    expect(addCancellationRequest(after, request, counter())).toEqual({ ok: true, value: after, changed: false });
    expect(addCancellationRequest(after, { ...request, id: 'cancel-0002' }, counter())).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('refuses once the order has shipped, and a blank reason', () => {
    expect(addCancellationRequest(sharedOrder({ status: 'shipped' }), request, counter())).toMatchObject({ ok: false, code: 'INVALID_TRANSITION', message: expect.stringContaining('return') });
    expect(addCancellationRequest(sharedOrder(), { ...request, reason: ' \u200b ' }, counter())).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});

describe('addReturnRequest', () => {
  const shipped = () =>
    makeDoc({
      status: 'shipped',
      items: [
        { storeId: STORE_A, sku: 'ALD-BOWL', quantity: 2, fulfilled: 2, returned: 1 },
        { storeId: STORE_B, sku: 'BIR-SPOON', quantity: 3, fulfilled: 3 },
        { storeId: STORE_B, sku: 'BIR-EBOOK', quantity: 1, digital: true },
      ],
    });
  const request = (items: Array<{ sku: string; quantity: number }>, id = 'return-0001') => ({ id, requestedBy: 50, items, reason: 'damaged', description: 'Cracked', now: T0 });

  it('records the items by SKU, one entry per store, and counts open requests against what is left', () => {
    const after = value(addReturnRequest(shipped(), request([{ sku: 'ald-bowl', quantity: 1 }, { sku: 'BIR-SPOON', quantity: 2 }]), counter()));
    expect(after.returnRequests[0]).toMatchObject({ status: 'pending', items: [{ itemId: 100, quantity: 1 }, { itemId: 101, quantity: 2 }], refundCents: null });
    expect(after.events.map((e) => [e.kind, e.storeId, e.data.items])).toEqual([
      ['return_requested', STORE_A, [{ itemId: 100, sku: 'ALD-BOWL', quantity: 1 }]],
      ['return_requested', STORE_B, [{ itemId: 101, sku: 'BIR-SPOON', quantity: 2 }]],
    ]);
    // One spoon is left to ask for; the bowl's other unit came back already.
    expect(addReturnRequest(after, request([{ sku: 'BIR-SPOON', quantity: 2 }], 'return-0002'), counter())).toMatchObject({ ok: false, code: 'INVALID_TRANSITION', message: 'Only 1 of BIR-SPOON can be returned.' });
    expect(addReturnRequest(after, request([{ sku: 'ALD-BOWL', quantity: 1 }], 'return-0002'), counter())).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    // A rejected request frees its units.
    const rejected = { ...after, returnRequests: after.returnRequests.map((r) => ({ ...r, status: 'rejected' as const })) };
    expect(addReturnRequest(rejected, request([{ sku: 'BIR-SPOON', quantity: 3 }], 'return-0002'), counter()).ok).toBe(true);
    expect(addReturnRequest(after, request([{ sku: 'BIR-SPOON', quantity: 3 }]), counter())).toEqual({ ok: true, value: after, changed: false });
  });

  it('refuses an order not shipped, an unknown or digital SKU, and a SKU twice', () => {
    expect(addReturnRequest(sharedOrder(), request([{ sku: 'ALD-BOWL', quantity: 1 }]), counter())).toMatchObject({ ok: false, code: 'INVALID_TRANSITION', message: expect.stringContaining('cancel') });
    expect(addReturnRequest(shipped(), request([{ sku: 'NOPE', quantity: 1 }]), counter())).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { 'items.0.sku': expect.any(String) } });
    expect(addReturnRequest(shipped(), request([{ sku: 'BIR-EBOOK', quantity: 1 }]), counter())).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(addReturnRequest(shipped(), request([{ sku: 'BIR-SPOON', quantity: 1 }, { sku: 'bir-spoon', quantity: 1 }]), counter())).toMatchObject({ ok: false, fields: { 'items.1.sku': 'Listed twice.' } });
  });
});

describe('reportDelivery', () => {
  const shipped = () => {
    const doc = makeDoc({
      status: 'shipped',
      items: [
        { storeId: STORE_A, sku: 'ALD-BOWL', quantity: 1, fulfilled: 1, packed: 1 },
        { storeId: STORE_B, sku: 'BIR-SPOON', quantity: 2, fulfilled: 2, packed: 2 },
      ],
      shipments: [parcel(uuid(1), STORE_A, [{ itemId: 100, quantity: 1 }], T0 - 50), { ...parcel(uuid(2), STORE_B, [{ itemId: 101, quantity: 2 }], T0 - 40), carrier: 'fedex', carrierName: 'FedEx', trackingNumber: FEDEX }],
    });
    return { ...doc, shippedAt: T0 - 40 };
  };

  it("marks the carrier's parcel delivered, and the order once every parcel is", () => {
    const first = value(reportDelivery(shipped(), ` ${UPS.toLowerCase()} `, T0, counter()));
    expect(first.status).toBe('shipped');
    expect(first.shipments.map((p) => p.deliveredAt)).toEqual([T0, null]);
    expect(first.events).toEqual([expect.objectContaining({ kind: 'delivered', storeId: STORE_A, actorId: null, actorName: 'UPS', data: { shipmentIds: [uuid(1)], orderDelivered: false, source: 'carrier' } })]);
    const second = value(reportDelivery(first, FEDEX, T0 + 10, counter()));
    expect(second).toMatchObject({ status: 'delivered', deliveredAt: T0 + 10 });
    expect(reportDelivery(second, FEDEX, T0 + 20, counter())).toEqual({ ok: true, value: second, changed: false });
  });

  it('refuses a tracking number of no parcel on the order, and never dates a delivery before the parcel left', () => {
    expect(reportDelivery(shipped(), '1Z999AA10123456792', T0, counter())).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(value(reportDelivery(shipped(), UPS, 5, counter())).shipments[0]!.deliveredAt).toBe(T0 - 50);
  });
});
