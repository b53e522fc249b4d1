import { describe, expect, it } from 'vitest';
import { orderDocSchema, type OrderDoc } from '../../shared/contract/sync-protocol.js';
import { applyMutation, mutationOrderId } from './apply.js';
import type { MutationResult, NamedMutation } from './types.js';
import {
  FEDEX,
  STORE_A,
  STORE_B,
  T0,
  UPS,
  admin,
  counter,
  makeDoc,
  parcel,
  sellerA,
  sellerB,
  sellerC,
  sharedOrder,
  uuid,
} from './test-support.js';
import type { MutationActor } from './types.js';

const NOW = T0;

function apply(doc: OrderDoc, name: NamedMutation['name'], args: unknown, actor: MutationActor = admin): MutationResult {
  return applyMutation(doc, { name, args }, actor, NOW, counter());
}

function applied(doc: OrderDoc, name: NamedMutation['name'], args: unknown, actor: MutationActor = admin): OrderDoc {
  const result = apply(doc, name, args, actor);
  if (!result.ok) throw new Error(`${name} refused: ${result.code} ${result.message}`);
  // Every document the mutators hand back is one a desk can parse.
  orderDocSchema.parse(result.value);
  return result.value;
}

const mugOrder = (extra: Parameters<typeof makeDoc>[0] | object = {}) =>
  makeDoc({ items: [{ storeId: STORE_A, sku: 'ALD-MUG', quantity: 2, packed: 2 }, { storeId: STORE_A, sku: 'ALD-EBOOK', quantity: 1, digital: true }], ...extra });

describe('order.ship@1', () => {
  it('ships what is left, moves the order to shipped and records the parcel and its timeline entry', () => {
    const doc = mugOrder();
    expect(doc.fulfillmentStatus).toBe('partially_fulfilled'); // the ebook is fulfilled by payment
    const after = applied(doc, 'order.ship@1', { orderId: doc.id, shipmentId: uuid(1), carrier: 'ups', trackingNumber: UPS }, sellerA);
    expect(after.status).toBe('shipped');
    expect(after.fulfillmentStatus).toBe('fulfilled');
    expect(after.shippedAt).toBe(NOW);
    expect(after.fulfilledAt).toBe(NOW);
    expect(after.items[0]).toMatchObject({ fulfilledQuantity: 2, packedQuantity: 2 });
    expect(after.shipments).toEqual([
      expect.objectContaining({ id: uuid(1), storeId: STORE_A, carrier: 'ups', carrierName: 'UPS', trackingNumber: UPS, shippedAt: NOW, createdBy: sellerA.userId, stationId: 'st-2', method: 'Ground', items: [{ itemId: 100, quantity: 2 }] }),
    ]);
    expect(after.events).toEqual([
      expect.objectContaining({
        kind: 'shipped',
        storeId: STORE_A,
        actorId: sellerA.userId,
        actorName: 'Sam Seller',
        stationId: 'st-2',
        stationName: 'Bench 2',
        at: NOW,
        data: {
          shipmentId: uuid(1),
          carrier: 'ups',
          carrierName: 'UPS',
          trackingNumber: UPS,
          trackingUrl: `https://www.ups.com/track?tracknum=${UPS}`,
          items: [{ itemId: 100, sku: 'ALD-MUG', quantity: 2 }],
          notifyCustomer: true,
        },
      }),
    ]);
    // The input document is never modified.
    expect(doc.shipments).toEqual([]);
  });

  it('answers a repeated shipmentId on the same order with the order unchanged', () => {
    const doc = mugOrder();
    const args = { orderId: doc.id, shipmentId: uuid(1), carrier: 'ups', trackingNumber: UPS };
    const once = applied(doc, 'order.ship@1', args);
    const again = apply(once, 'order.ship@1', args);
    expect(again).toEqual({ ok: true, value: once, changed: false });
  });

  it('refuses units not verified unless a reason is given, which goes on the timeline', () => {
    const doc = mugOrder({ items: [{ storeId: STORE_A, sku: 'ALD-MUG', quantity: 2, packed: 1 }] });
    const args = { orderId: doc.id, shipmentId: uuid(1), carrier: 'ups', trackingNumber: UPS };
    expect(apply(doc, 'order.ship@1', args)).toMatchObject({ ok: false, code: 'NOT_VERIFIED' });
    const after = applied(doc, 'order.ship@1', { ...args, verificationOverride: 'Scanner broke' });
    expect(after.events[0]!.data.verificationOverride).toBe('Scanner broke');
    expect(after.items[0]).toMatchObject({ fulfilledQuantity: 2, packedQuantity: 2 });
  });

  it("refuses a held order with the hold's reason, and an unpaid one", () => {
    const held = mugOrder({ onHold: true, holdReason: 'Fraud check' });
    expect(apply(held, 'order.ship@1', { orderId: held.id, shipmentId: uuid(1), carrier: 'ups', trackingNumber: UPS })).toEqual({
      ok: false,
      code: 'INVALID_TRANSITION',
      message: 'This order is on hold (Fraud check). Release the hold before shipping.',
    });
    const unpaid = mugOrder({ paid: false });
    expect(apply(unpaid, 'order.ship@1', { orderId: unpaid.id, shipmentId: uuid(1), carrier: 'ups', trackingNumber: UPS })).toMatchObject({
      ok: false,
      code: 'INVALID_TRANSITION',
      message: "This order isn't paid yet, so it can't ship.",
    });
  });

  it('refuses a tracking number that is not the chosen carrier\'s', () => {
    const doc = mugOrder();
    const result = apply(doc, 'order.ship@1', { orderId: doc.id, shipmentId: uuid(1), carrier: 'ups', trackingNumber: FEDEX });
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { trackingNumber: expect.any(String) } });
  });

  it("ships a seller's own part of a shared order only, leaving the order processing", () => {
    const doc = sharedOrder({ items: [{ storeId: STORE_A, sku: 'ALD-BOWL', quantity: 1, packed: 1 }, { storeId: STORE_B, sku: 'BIR-SPOON', quantity: 2, packed: 2 }] });
    const after = applied(doc, 'order.ship@1', { orderId: doc.id, shipmentId: uuid(1), carrier: 'ups', trackingNumber: UPS }, sellerA);
    expect(after.status).toBe('processing');
    expect(after.fulfillmentStatus).toBe('partially_fulfilled');
    expect(after.shippedAt).toBeNull();
    expect(after.items.map((i) => i.fulfilledQuantity)).toEqual([1, 0]);
    // An admin shipping "everything" on a shared order must choose one store's items.
    expect(apply(doc, 'order.ship@1', { orderId: doc.id, shipmentId: uuid(2), carrier: 'ups', trackingNumber: UPS })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: 'A parcel ships from one store. This order has items from several stores: choose the items in this parcel.',
    });
    // Another store's item is not on "this order" for a seller.
    expect(apply(doc, 'order.ship@1', { orderId: doc.id, shipmentId: uuid(3), carrier: 'ups', trackingNumber: UPS, items: [{ itemId: 101, quantity: 1 }] }, sellerA)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
  });

  it('refuses a seller of no store on the order as the desk does, and an admin may act', () => {
    const doc = sharedOrder();
    expect(apply(doc, 'order.placeHold@1', { orderId: doc.id, reason: 'x' }, sellerC)).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: "This order isn't in any of your stores.",
    });
    expect(apply(doc, 'order.placeHold@1', { orderId: doc.id, reason: 'x' }, admin).ok).toBe(true);
  });
});

describe('args and roles', () => {
  it('refuses args the desk call refuses, with field errors, and roles without the permission', () => {
    const doc = mugOrder();
    const bad = apply(doc, 'order.ship@1', { orderId: doc.id, shipmentId: 'not-a-uuid', carrier: 'ups', trackingNumber: UPS });
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { shipmentId: expect.any(String) } });
    expect(apply(doc, 'order.addNote@1', { orderId: doc.id, body: 'hi', extra: 1 })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(apply(doc, 'customer.saveAddress@1', { customerId: 50, type: 'shipping', address: {} }, sellerA)).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: "Your role doesn't allow this.",
    });
  });

  it('names the order a mutation is about, or none for the desk-only ones', () => {
    expect(mutationOrderId({ name: 'order.addNote@1', args: { orderId: 42, body: 'x' } }, sellerA)).toEqual({ ok: true, value: 42 });
    expect(mutationOrderId({ name: 'notification.retry@1', args: { ids: [3] } }, sellerA)).toEqual({ ok: true, value: null });
    expect(mutationOrderId({ name: 'order.addNote@1', args: { orderId: -1, body: 'x' } }, sellerA)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('applies the desk-only effects as ok and unchanged', () => {
    const doc = mugOrder();
    expect(apply(doc, 'order.resendConfirmation@1', { orderId: doc.id, requestId: uuid(9) })).toEqual({ ok: true, value: doc, changed: false });
    expect(apply(doc, 'notification.retry@1', { ids: [1, 2] })).toEqual({ ok: true, value: doc, changed: false });
    expect(apply(doc, 'customer.saveAddress@1', { customerId: 50, type: 'shipping', address: {} })).toEqual({ ok: true, value: doc, changed: false });
  });
});

describe('order.markPacked@1', () => {
  it('packs what is left, one timeline entry per store', () => {
    const doc = sharedOrder();
    const after = applied(doc, 'order.markPacked@1', { orderId: doc.id, source: 'scan' });
    expect(after.items.map((i) => i.packedQuantity)).toEqual([1, 2]);
    expect(after.events.map((e) => [e.kind, e.storeId, e.data])).toEqual([
      ['items_packed', STORE_A, { items: [{ itemId: 100, sku: 'ALD-BOWL', quantity: 1 }], source: 'scan' }],
      ['items_packed', STORE_B, { items: [{ itemId: 101, sku: 'BIR-SPOON', quantity: 2 }], source: 'scan' }],
    ]);
  });

  it('refuses more than is left, another store\'s item, and an order with nothing to pack', () => {
    const doc = sharedOrder();
    expect(apply(doc, 'order.markPacked@1', { orderId: doc.id, items: [{ itemId: 101, quantity: 3 }] })).toEqual({
      ok: false,
      code: 'INVALID_TRANSITION',
      message: 'Only 2 of BIR-SPOON are left to pack.',
    });
    expect(apply(doc, 'order.markPacked@1', { orderId: doc.id, items: [{ itemId: 101, quantity: 1 }] }, sellerA)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    const packed = applied(doc, 'order.markPacked@1', { orderId: doc.id });
    expect(apply(packed, 'order.markPacked@1', { orderId: doc.id })).toMatchObject({ ok: false, message: 'Every item on this order is already packed.' });
  });
});

describe('holds and notes', () => {
  it('places and releases a hold, order-wide', () => {
    const doc = sharedOrder();
    const held = applied(doc, 'order.placeHold@1', { orderId: doc.id, reason: '  Address check  ' }, sellerB);
    expect(held).toMatchObject({ onHold: true, holdReason: 'Address check', heldAt: NOW, heldBy: sellerB.userId });
    expect(held.events.at(-1)).toMatchObject({ kind: 'hold_placed', storeId: null, data: { reason: 'Address check' } });
    expect(apply(held, 'order.placeHold@1', { orderId: doc.id, reason: 'again' })).toMatchObject({ ok: false, message: 'This order is already on hold.' });
    const released = applied(held, 'order.releaseHold@1', { orderId: doc.id }, sellerA);
    expect(released).toMatchObject({ onHold: false, holdReason: null, heldAt: null, heldBy: null });
    expect(released.events.at(-1)).toMatchObject({ kind: 'hold_released', storeId: null, data: { reason: 'Address check' } });
    expect(apply(released, 'order.releaseHold@1', { orderId: doc.id })).toMatchObject({ ok: false, message: "This order isn't on hold." });
  });

  it("keeps a seller's note on a shared order to their own store; an admin's is everyone's", () => {
    const doc = sharedOrder();
    expect(applied(doc, 'order.addNote@1', { orderId: doc.id, body: 'Fragile' }, sellerA).events.map((e) => e.storeId)).toEqual([STORE_A]);
    expect(applied(doc, 'order.addNote@1', { orderId: doc.id, body: 'Fragile' }, admin).events.map((e) => e.storeId)).toEqual([null]);
    const both: MutationActor = { ...sellerA, storeIds: [STORE_B, STORE_A] };
    expect(applied(doc, 'order.addNote@1', { orderId: doc.id, body: 'Fragile' }, both).events.map((e) => e.storeId)).toEqual([null]);
  });
});

describe('order.markDelivered@1', () => {
  const shipped = () => {
    const doc = sharedOrder({ items: [{ storeId: STORE_A, sku: 'ALD-BOWL', quantity: 1, packed: 1, fulfilled: 1 }, { storeId: STORE_B, sku: 'BIR-SPOON', quantity: 2, packed: 2, fulfilled: 2 }], status: 'shipped', shipments: [parcel(uuid(2), STORE_B, [{ itemId: 101, quantity: 2 }], T0 - 10), parcel(uuid(1), STORE_A, [{ itemId: 100, quantity: 1 }], T0 - 20)] });
    return { ...doc, shippedAt: T0 - 10 };
  };

  it("marks a seller's parcels delivered; the order is delivered once every store's are", () => {
    const first = applied(shipped(), 'order.markDelivered@1', { orderId: 7 }, sellerA);
    expect(first.status).toBe('shipped');
    expect(first.shipments.map((p) => p.deliveredAt)).toEqual([null, NOW]);
    expect(first.events).toEqual([expect.objectContaining({ kind: 'delivered', storeId: STORE_A, data: { shipmentIds: [uuid(1)], orderDelivered: false, notifyCustomer: true } })]);
    const second = applied(first, 'order.markDelivered@1', { orderId: 7, shipmentId: uuid(2), notifyCustomer: false }, sellerB);
    expect(second).toMatchObject({ status: 'delivered', deliveredAt: NOW });
    expect(second.events.at(-1)).toMatchObject({ storeId: STORE_B, data: { shipmentIds: [uuid(2)], orderDelivered: true, notifyCustomer: false } });
  });

  it('refuses a parcel the seller cannot see, one already delivered, and an order with no parcel', () => {
    expect(apply(shipped(), 'order.markDelivered@1', { orderId: 7, shipmentId: uuid(2) }, sellerA)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const all = applied(shipped(), 'order.markDelivered@1', { orderId: 7 });
    expect(all.events.map((e) => [e.storeId, e.data.shipmentIds])).toEqual([
      [STORE_A, [uuid(1)]],
      [STORE_B, [uuid(2)]],
    ]);
    expect(apply(all, 'order.markDelivered@1', { orderId: 7 })).toMatchObject({ ok: false, message: 'Every parcel of this order was already marked delivered.' });
    expect(apply(sharedOrder(), 'order.markDelivered@1', { orderId: 7 })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
  });
});

describe('order.updateShippingAddress@1', () => {
  const to = { name: 'Casey Customer', street: '99 Oak Ave', city: 'Salem', state: 'or', zip: '97301' };

  it('moves the order and records from and to, for everyone on it', () => {
    const doc = sharedOrder();
    const after = applied(doc, 'order.updateShippingAddress@1', { orderId: doc.id, address: to }, sellerA);
    expect(after.shippingAddress).toEqual({ ...to, state: 'OR', street2: null, phone: null, country: 'US' });
    expect(after.events).toEqual([
      expect.objectContaining({ kind: 'shipping_address_changed', storeId: null, data: { from: doc.shippingAddress, to: after.shippingAddress, savedToCustomer: false, notifyCustomer: true } }),
    ]);
    expect(apply(after, 'order.updateShippingAddress@1', { orderId: doc.id, address: to })).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: 'That is already where this order goes.' });
    // Saving an unchanged address to the book is the desk's effect: nothing changes here.
    expect(apply(after, 'order.updateShippingAddress@1', { orderId: doc.id, address: to, saveToCustomer: true })).toMatchObject({ ok: true, changed: false });
  });

  it('refuses a seller saving to the address book, a bad address, and an order with a parcel out', () => {
    const doc = sharedOrder();
    expect(apply(doc, 'order.updateShippingAddress@1', { orderId: doc.id, address: to, saveToCustomer: true }, sellerA)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(apply(doc, 'order.updateShippingAddress@1', { orderId: doc.id, address: { ...to, zip: '9' } })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fields: { 'address.zip': expect.any(String) },
    });
    const out = { ...doc, shipments: [parcel(uuid(1), STORE_A, [{ itemId: 100, quantity: 1 }])] };
    expect(apply(out, 'order.updateShippingAddress@1', { orderId: doc.id, address: to })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
  });
});
