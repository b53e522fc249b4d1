// The desk and the shop backend must never disagree about what is allowed: the same mutation on
// the same order is refused by both with the same code and sentence, or applied by both with the
// same effect. Each step runs as a desk call on a real SQLite store (the integration fixtures) and
// as server/mutators' applyMutation on the order document made from that store's rows.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../electron/main/app/context.js';
import { applyMutation, type MutationActor } from '../../server/mutators/index.js';
import type { CallInput, CallName } from '../../shared/contract/index.js';
import { SYNCED_MUTATIONS, orderDocSchema, type OrderDoc, type SyncedMutationName } from '../../shared/contract/sync-protocol.js';
import { usAddressSchema } from '../../shared/domain/address.js';
import { Fixture } from './fixtures.js';

const UPS = '1Z999AA10123456784';
const FEDEX = '986578788855';
const PARCEL_A = '11111111-1111-4111-8111-111111111111';
const PARCEL_B = '22222222-2222-4222-8222-222222222222';
const PARCEL_C = '33333333-3333-4333-8333-333333333333';

type Row = Record<string, unknown>;

/** The order as the server would hold it, read from the desk's tables. */
function docFromDesk(f: Fixture, orderId: number): OrderDoc {
  const db = f.store.sqlite;
  const o = db.prepare('SELECT * FROM orders WHERE id = ?').get(orderId) as Row;
  const customer = db.prepare('SELECT sms_consent FROM users WHERE id = ?').get(o.customer_id) as Row;
  const items = db.prepare('SELECT * FROM order_items WHERE order_id = ? ORDER BY id').all(orderId) as Row[];
  const shipments = db.prepare('SELECT * FROM shipments WHERE order_id = ? ORDER BY shipped_at, id').all(orderId) as Row[];
  const lines = db.prepare('SELECT si.* FROM shipment_items si JOIN shipments s ON s.id = si.shipment_id WHERE s.order_id = ? ORDER BY si.order_item_id').all(orderId) as Row[];
  const events = db.prepare('SELECT * FROM order_events WHERE order_id = ? ORDER BY id').all(orderId) as Row[];
  const stores = db.prepare('SELECT store_id FROM order_stores WHERE order_id = ? ORDER BY store_id').all(orderId) as Row[];
  const address = (json: unknown) => (json === null ? null : usAddressSchema.parse(JSON.parse(String(json))));
  return orderDocSchema.parse({
    id: o.id,
    number: o.number,
    storeIds: stores.map((s) => s.store_id),
    customer: { id: o.customer_id, name: o.customer_name, email: o.customer_email, phone: o.customer_phone, smsConsent: customer.sms_consent === 1 },
    status: o.status,
    fulfillmentStatus: o.fulfillment_status,
    paymentStatus: o.payment_status,
    onHold: o.on_hold === 1,
    holdReason: o.hold_reason,
    heldAt: o.held_at,
    heldBy: o.held_by,
    billingAddress: address(o.billing_address),
    shippingAddress: address(o.shipping_address),
    shippingMethod: o.shipping_method,
    currency: o.currency,
    subtotalCents: o.subtotal_cents,
    shippingCents: o.shipping_cents,
    taxCents: o.tax_cents,
    discountCents: o.discount_cents,
    totalCents: o.total_cents,
    capturedCents: o.captured_cents,
    refundedCents: o.refunded_cents,
    paymentFailed: o.payment_failed === 1,
    stripePaymentIntentId: o.stripe_payment_intent_id,
    customerNote: o.customer_note,
    estimatedDeliveryDate: o.estimated_delivery_date,
    cancellationReason: o.cancellation_reason,
    cancelledAt: o.cancelled_at,
    cancelledBy: o.cancelled_by,
    placedAt: o.placed_at,
    paidAt: o.paid_at,
    fulfilledAt: o.fulfilled_at,
    shippedAt: o.shipped_at,
    deliveredAt: o.delivered_at,
    items: items.map((i) => ({
      id: i.id,
      storeId: i.store_id,
      productId: i.product_id,
      title: i.title,
      sku: i.sku,
      barcode: i.barcode,
      isDigital: i.is_digital === 1,
      quantity: i.quantity,
      unitPriceCents: i.unit_price_cents,
      packedQuantity: i.packed_quantity,
      fulfilledQuantity: i.fulfilled_quantity,
      returnedQuantity: i.returned_quantity,
    })),
    shipments: shipments.map((s) => ({
      id: s.id,
      storeId: s.store_id,
      carrier: s.carrier,
      carrierName: s.carrier_name,
      trackingNumber: s.tracking_number,
      trackingUrl: s.tracking_url,
      method: s.method,
      shippedAt: s.shipped_at,
      deliveredAt: s.delivered_at,
      createdBy: s.created_by,
      stationId: s.station_id,
      items: lines.filter((l) => l.shipment_id === s.id).map((l) => ({ itemId: l.order_item_id, quantity: l.quantity })),
    })),
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      actorId: e.actor_id,
      actorName: e.actor_name,
      stationId: e.station_id,
      stationName: e.station_name,
      kind: e.kind,
      data: JSON.parse(String(e.data)),
      storeId: e.store_id,
    })),
    cancellationRequests: [],
    returnRequests: [],
  });
}

const asServerActor = (actor: Actor): MutationActor => ({
  userId: actor.userId,
  name: actor.name,
  role: actor.role,
  storeIds: actor.storeIds,
  stationId: actor.stationId,
  stationName: actor.stationName,
});

const mutationOf = (call: CallName): SyncedMutationName => {
  const found = (Object.entries(SYNCED_MUTATIONS) as Array<[SyncedMutationName, CallName]>).find(([, c]) => c === call);
  if (!found) throw new Error(`${call} is not a synced mutation`);
  return found[0];
};

/** Timeline entry ids are each side's own sequence: everything else must match. */
const comparable = (doc: OrderDoc) => ({ ...doc, events: doc.events.map(({ id: _id, ...rest }) => rest) });

interface Step<N extends CallName = CallName> {
  actor: 'admin' | 'sellerA' | 'sellerB';
  call: N;
  input: (ids: Ids) => CallInput<N>;
  /** What both sides answer: 'ok', or the refusal code; null: whatever the desk answers. */
  expect: string | null;
}

interface Ids {
  order: number;
  bowl: number;
  spoon: number;
}

const step = <N extends CallName>(actor: Step['actor'], call: N, input: (ids: Ids) => CallInput<N>, expected: string | null): Step =>
  ({ actor, call, input, expect: expected }) as unknown as Step;

let f: Fixture;
beforeEach(() => {
  f = new Fixture();
});
afterEach(() => f.close());

/** Runs each step at the desk and on the server's document; both must answer alike, with the same effect. */
function runBoth(orderId: number, ids: Ids, steps: Step[]): void {
  for (const [index, s] of steps.entries()) {
    f.clock += 60_000;
    const actor = f[s.actor];
    const before = docFromDesk(f, orderId);
    const input = s.input(ids);
    const server = applyMutation(before, { name: mutationOf(s.call), args: input }, asServerActor(actor), f.clock, { eventId: () => 1 });
    const desk = f.call(actor, s.call, input as never);
    const label = `step ${index + 1}: ${s.actor} ${s.call}`;
    const deskAnswer = desk.ok ? 'ok' : desk.code;
    if (s.expect !== null) expect(deskAnswer, `${label} at the desk${desk.ok ? '' : `: ${desk.message}`}`).toBe(s.expect);
    if (!desk.ok) {
      expect(server, label).toEqual({ ok: false, code: desk.code, message: desk.message, ...(desk.fields ? { fields: desk.fields } : {}) });
      expect(docFromDesk(f, orderId), `${label}: the refused change left the desk's order as it was`).toEqual(before);
      continue;
    }
    expect(server.ok, label).toBe(true);
    if (!server.ok) continue;
    const after = docFromDesk(f, orderId);
    // The same effect: items, parcels, status and derived fields, hold, address and the timeline.
    expect(comparable(server.value), label).toEqual(comparable(after));
    expect(server.changed, label).toBe(JSON.stringify(after) !== JSON.stringify(before));
  }
}

describe('the server refuses exactly what the desk refuses, and applies the rest alike', () => {
  it('on an order two sellers share: packing, holds, parcels from each store, deliveries, notes', () => {
    const orderId = f.addSharedOrder('SH-1035601');
    const [bowl, spoon] = (f.store.sqlite.prepare('SELECT id FROM order_items WHERE order_id = ? ORDER BY id').all(orderId) as Array<{ id: number }>).map((r) => r.id);
    const ids: Ids = { order: orderId, bowl: bowl!, spoon: spoon! };
    runBoth(orderId, ids, [
      step('sellerA', 'orders.ship', (i) => ({ orderId: i.order, shipmentId: PARCEL_A, carrier: 'ups', trackingNumber: UPS }), 'NOT_VERIFIED'),
      step('sellerA', 'orders.markPacked', (i) => ({ orderId: i.order, items: [{ itemId: i.spoon, quantity: 1 }] }), 'INVALID_INPUT'),
      step('sellerA', 'orders.markPacked', (i) => ({ orderId: i.order, items: [{ itemId: i.bowl, quantity: 2 }] }), 'INVALID_TRANSITION'),
      step('sellerA', 'orders.markPacked', (i) => ({ orderId: i.order, source: 'scan' }), 'ok'),
      step('sellerA', 'orders.markPacked', (i) => ({ orderId: i.order }), 'INVALID_TRANSITION'),
      step('admin', 'orders.placeHold', (i) => ({ orderId: i.order, reason: 'Fraud check' }), 'ok'),
      step('sellerA', 'orders.ship', (i) => ({ orderId: i.order, shipmentId: PARCEL_A, carrier: 'ups', trackingNumber: UPS }), 'INVALID_TRANSITION'),
      step('sellerA', 'orders.markPacked', (i) => ({ orderId: i.order }), 'INVALID_TRANSITION'),
      step('sellerB', 'orders.placeHold', (i) => ({ orderId: i.order, reason: 'Again' }), 'INVALID_TRANSITION'),
      step('sellerB', 'orders.releaseHold', (i) => ({ orderId: i.order }), 'ok'),
      step('sellerB', 'orders.releaseHold', (i) => ({ orderId: i.order }), 'INVALID_TRANSITION'),
      step('admin', 'orders.ship', (i) => ({ orderId: i.order, shipmentId: PARCEL_A, carrier: 'ups', trackingNumber: UPS }), 'INVALID_INPUT'),
      step('sellerA', 'orders.ship', (i) => ({ orderId: i.order, shipmentId: PARCEL_A, carrier: 'fedex', trackingNumber: UPS }), 'INVALID_INPUT'),
      step('sellerA', 'orders.ship', (i) => ({ orderId: i.order, shipmentId: PARCEL_A, carrier: 'ups', trackingNumber: UPS, notifyCustomer: false }), 'ok'),
      step('sellerA', 'orders.ship', (i) => ({ orderId: i.order, shipmentId: PARCEL_A, carrier: 'ups', trackingNumber: UPS }), 'ok'),
      step('sellerA', 'orders.ship', (i) => ({ orderId: i.order, shipmentId: PARCEL_C, carrier: 'ups', trackingNumber: UPS }), 'INVALID_TRANSITION'),
      step('sellerB', 'orders.markDelivered', (i) => ({ orderId: i.order }), 'INVALID_TRANSITION'),
      step('sellerB', 'orders.markDelivered', (i) => ({ orderId: i.order, shipmentId: PARCEL_A }), 'NOT_FOUND'),
      step('sellerA', 'orders.markDelivered', (i) => ({ orderId: i.order }), 'ok'),
      step('sellerA', 'orders.markDelivered', (i) => ({ orderId: i.order }), 'INVALID_TRANSITION'),
      step('sellerA', 'orders.markDelivered', (i) => ({ orderId: i.order, shipmentId: PARCEL_A }), 'INVALID_TRANSITION'),
      step('sellerB', 'orders.updateShippingAddress', (i) => ({ orderId: i.order, address: { name: 'Casey', street: '1 Main St', city: 'Salem', state: 'OR', zip: '97301' } }), 'INVALID_TRANSITION'),
      step('sellerB', 'orders.ship', (i) => ({ orderId: i.order, shipmentId: PARCEL_B, carrier: 'fedex', trackingNumber: FEDEX, items: [{ itemId: i.spoon, quantity: 1 }] }), 'NOT_VERIFIED'),
      step('sellerB', 'orders.ship', (i) => ({ orderId: i.order, shipmentId: PARCEL_B, carrier: 'fedex', trackingNumber: FEDEX, items: [{ itemId: i.spoon, quantity: 3 }], verificationOverride: 'Counted by hand' }), 'INVALID_TRANSITION'),
      step('sellerB', 'orders.ship', (i) => ({ orderId: i.order, shipmentId: PARCEL_B, carrier: 'fedex', trackingNumber: FEDEX, verificationOverride: 'Counted by hand' }), 'ok'),
      step('sellerB', 'orders.addNote', (i) => ({ orderId: i.order, body: 'Spoons wrapped twice' }), 'ok'),
      step('admin', 'orders.addNote', (i) => ({ orderId: i.order, body: 'Both parts out' }), 'ok'),
      step('admin', 'orders.placeHold', (i) => ({ orderId: i.order, reason: 'Too late' }), 'INVALID_TRANSITION'),
      step('admin', 'orders.markDelivered', (i) => ({ orderId: i.order, shipmentId: PARCEL_B, notifyCustomer: false }), 'ok'),
      step('sellerA', 'orders.markPacked', (i) => ({ orderId: i.order }), 'INVALID_TRANSITION'),
      step('sellerB', 'orders.ship', (i) => ({ orderId: i.order, shipmentId: PARCEL_C, carrier: 'fedex', trackingNumber: FEDEX }), 'INVALID_TRANSITION'),
    ]);
    expect(docFromDesk(f, orderId).status).toBe('delivered');
  });

  it('on an unpaid order of one store: payment, scope and the address rules', () => {
    const orderId = f.addOrder({
      number: 'SH-1035602',
      status: 'pending',
      paid: false,
      ageDays: 1,
      items: [
        { storeId: f.storeA, sku: 'ALD-MUG', quantity: 2 },
        { storeId: f.storeA, sku: 'ALD-EBOOK', quantity: 1, digital: true },
      ],
    });
    const [mug, ebook] = (f.store.sqlite.prepare('SELECT id FROM order_items WHERE order_id = ? ORDER BY id').all(orderId) as Array<{ id: number }>).map((r) => r.id);
    const ids: Ids = { order: orderId, bowl: mug!, spoon: ebook! };
    const salem = { name: 'Casey Customer', street: '1 Main St', city: 'Salem', state: 'or', zip: '97301' };
    runBoth(orderId, ids, [
      step('sellerA', 'orders.markPacked', (i) => ({ orderId: i.order }), 'INVALID_TRANSITION'),
      step('sellerA', 'orders.ship', (i) => ({ orderId: i.order, shipmentId: PARCEL_A, carrier: 'ups', trackingNumber: UPS }), 'INVALID_TRANSITION'),
      step('sellerB', 'orders.placeHold', (i) => ({ orderId: i.order, reason: 'Not mine' }), 'FORBIDDEN'),
      step('sellerB', 'orders.markDelivered', (i) => ({ orderId: i.order }), 'FORBIDDEN'),
      step('sellerA', 'orders.markDelivered', (i) => ({ orderId: i.order }), 'INVALID_TRANSITION'),
      step('sellerA', 'orders.placeHold', (i) => ({ orderId: i.order, reason: '   ' }), 'INVALID_INPUT'),
      step('sellerA', 'orders.placeHold', (i) => ({ orderId: i.order, reason: 'Waiting for payment' }), 'ok'),
      step('sellerA', 'orders.updateShippingAddress', (i) => ({ orderId: i.order, address: salem, saveToCustomer: true }), 'FORBIDDEN'),
      step('sellerA', 'orders.updateShippingAddress', (i) => ({ orderId: i.order, address: { ...salem, zip: '973' } }), 'INVALID_INPUT'),
      step('sellerA', 'orders.updateShippingAddress', (i) => ({ orderId: i.order, address: salem, notifyCustomer: false }), 'ok'),
      step('admin', 'orders.updateShippingAddress', (i) => ({ orderId: i.order, address: salem }), 'INVALID_INPUT'),
      step('sellerA', 'orders.addNote', (i) => ({ orderId: i.order, body: 'Called the customer' }), 'ok'),
      step('admin', 'orders.releaseHold', (i) => ({ orderId: i.order }), 'ok'),
    ]);
  });

  it('on a paid order with a digital item: what ships, what is checked first', () => {
    const orderId = f.addOrder({
      number: 'SH-1035603',
      status: 'processing',
      paid: true,
      ageDays: 1,
      items: [
        { storeId: f.storeA, sku: 'ALD-MUG', quantity: 2 },
        { storeId: f.storeA, sku: 'ALD-EBOOK', quantity: 1, digital: true },
      ],
    });
    const [mug, ebook] = (f.store.sqlite.prepare('SELECT id FROM order_items WHERE order_id = ? ORDER BY id').all(orderId) as Array<{ id: number }>).map((r) => r.id);
    const ids: Ids = { order: orderId, bowl: mug!, spoon: ebook! };
    runBoth(orderId, ids, [
      step('sellerA', 'orders.ship', (i) => ({ orderId: i.order, shipmentId: PARCEL_A, carrier: 'ups', trackingNumber: UPS, items: [{ itemId: i.spoon, quantity: 1 }] }), 'INVALID_INPUT'),
      step('sellerA', 'orders.markPacked', (i) => ({ orderId: i.order, items: [{ itemId: i.spoon, quantity: 1 }] }), 'INVALID_INPUT'),
      step('sellerA', 'orders.markPacked', (i) => ({ orderId: i.order, items: [{ itemId: i.bowl, quantity: 1 }, { itemId: i.bowl, quantity: 1 }] }), 'INVALID_INPUT'),
      step('sellerA', 'orders.markPacked', (i) => ({ orderId: i.order, items: [{ itemId: i.bowl, quantity: 1 }], source: 'scan' }), 'ok'),
      step('sellerA', 'orders.ship', (i) => ({ orderId: i.order, shipmentId: PARCEL_A, carrier: 'ups', trackingNumber: UPS }), 'NOT_VERIFIED'),
      step('sellerA', 'orders.ship', (i) => ({ orderId: i.order, shipmentId: PARCEL_A, carrier: 'ups', trackingNumber: UPS, items: [{ itemId: i.bowl, quantity: 1 }] }), 'ok'),
      step('sellerA', 'orders.updateShippingAddress', (i) => ({ orderId: i.order, address: { name: 'Casey', street: '1 Main St', city: 'Salem', state: 'OR', zip: '97301' } }), 'INVALID_TRANSITION'),
      step('sellerA', 'orders.markPacked', (i) => ({ orderId: i.order }), 'ok'),
      step('sellerA', 'orders.ship', (i) => ({ orderId: i.order, shipmentId: PARCEL_B, carrier: 'usps', trackingNumber: '9400111201080805483016' }), 'ok'),
      step('sellerA', 'orders.markDelivered', (i) => ({ orderId: i.order, shipmentId: PARCEL_B }), 'ok'),
      step('sellerA', 'orders.markDelivered', (i) => ({ orderId: i.order }), 'ok'),
    ]);
    expect(docFromDesk(f, orderId)).toMatchObject({ status: 'delivered', fulfillmentStatus: 'fulfilled' });
  });
});

const PARCELS = [PARCEL_A, PARCEL_B, PARCEL_C];
const actorArb = fc.constantFrom<Step['actor']>('admin', 'sellerA', 'sellerB');
const linesArb = fc.option(
  fc.array(fc.record({ item: fc.constantFrom<'bowl' | 'spoon'>('bowl', 'spoon'), quantity: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 2 }),
  { nil: undefined, freq: 1 },
);
const toLines = (lines: Array<{ item: 'bowl' | 'spoon'; quantity: number }> | undefined, i: Ids) =>
  lines === undefined ? {} : { items: lines.map((line) => ({ itemId: i[line.item], quantity: line.quantity })) };

/** Any step a person could take on the shared order, right or wrong. */
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc
    .record({ actor: actorArb, parcel: fc.constantFrom(...PARCELS), tracking: fc.constantFrom(['ups', UPS] as const, ['fedex', FEDEX] as const, ['ups', FEDEX] as const), lines: linesArb, override: fc.boolean(), notify: fc.boolean() })
    .map((r) =>
      step(r.actor, 'orders.ship', (i) => ({
        orderId: i.order,
        shipmentId: r.parcel,
        carrier: r.tracking[0],
        trackingNumber: r.tracking[1],
        notifyCustomer: r.notify,
        ...toLines(r.lines, i),
        ...(r.override ? { verificationOverride: 'Counted by hand' } : {}),
      }), null),
    ),
  fc.record({ actor: actorArb, lines: linesArb, scan: fc.boolean() }).map((r) =>
    step(r.actor, 'orders.markPacked', (i) => ({ orderId: i.order, source: r.scan ? 'scan' : 'manual', ...toLines(r.lines, i) }), null),
  ),
  fc.record({ actor: actorArb, reason: fc.constantFrom('Fraud check', '  ', 'Address?') }).map((r) => step(r.actor, 'orders.placeHold', (i) => ({ orderId: i.order, reason: r.reason }), null)),
  actorArb.map((actor) => step(actor, 'orders.releaseHold', (i) => ({ orderId: i.order }), null)),
  fc.record({ actor: actorArb, parcel: fc.option(fc.constantFrom(...PARCELS), { nil: undefined }) }).map((r) =>
    step(r.actor, 'orders.markDelivered', (i) => ({ orderId: i.order, ...(r.parcel ? { shipmentId: r.parcel } : {}) }), null),
  ),
  actorArb.map((actor) => step(actor, 'orders.addNote', (i) => ({ orderId: i.order, body: 'Checked' }), null)),
  fc.record({ actor: actorArb, save: fc.boolean(), zip: fc.constantFrom('97301', '97201', '9') }).map((r) =>
    step(r.actor, 'orders.updateShippingAddress', (i) => ({ orderId: i.order, saveToCustomer: r.save, address: { name: 'Casey Customer', street: '12 Elm St', city: 'Portland', state: 'OR', zip: r.zip } }), null),
  ),
);

describe('any sequence of changes', () => {
  it('is refused and applied alike by the desk and the server, step after step', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 12 }), (steps) => {
        const run = new Fixture();
        const outer = f;
        f = run;
        try {
          const orderId = f.addSharedOrder('SH-1035609');
          const [bowl, spoon] = (f.store.sqlite.prepare('SELECT id FROM order_items WHERE order_id = ? ORDER BY id').all(orderId) as Array<{ id: number }>).map((r) => r.id);
          runBoth(orderId, { order: orderId, bowl: bowl!, spoon: spoon! }, steps);
        } finally {
          f = outer;
          run.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});
