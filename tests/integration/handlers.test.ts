import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Fixture } from './fixtures.js';

const SHIPMENT = '8a6e0804-2bd0-4672-b79a-d80c6b5a2f1a';
const UPS = '1Z999AA10123456784';

let f: Fixture;
let toPack: number;
let multiStore: number;
let unpaid: number;
let cancelled: number;

beforeEach(() => {
  f = new Fixture();
  toPack = f.addOrder({
    number: 'SH-0000101',
    status: 'processing',
    paid: true,
    ageDays: 3,
    items: [
      { storeId: f.storeA, sku: 'ALD-MUG', quantity: 2 },
      { storeId: f.storeA, sku: 'ALD-EBOOK', quantity: 1, digital: true },
    ],
  });
  multiStore = f.addOrder({
    number: 'SH-0000102',
    status: 'processing',
    paid: true,
    ageDays: 1,
    items: [
      { storeId: f.storeA, sku: 'ALD-BOWL', quantity: 1 },
      { storeId: f.storeB, sku: 'BIR-SPOON', quantity: 3 },
    ],
  });
  unpaid = f.addOrder({ number: 'SH-0000103', status: 'pending', paid: false, ageDays: 0, items: [{ storeId: f.storeB, sku: 'BIR-CUP', quantity: 1 }] });
  cancelled = f.addOrder({ number: 'SH-0000104', status: 'cancelled', paid: false, ageDays: 9, items: [{ storeId: f.storeA, sku: 'ALD-VASE', quantity: 1 }] });
});

afterEach(() => f.close());

describe('queries', () => {
  it('session.get names the user, their stores and the station', () => {
    const session = f.ok(f.sellerA, 'session.get', {});
    expect(session.user).toMatchObject({ name: 'Sam Seller', role: 'seller' });
    expect(session.stores.map((s) => s.name)).toEqual(['Alder Goods']);
    expect(session.station.name).toBe('Bench 1');
    expect(f.ok(f.admin, 'stores.list', {}).map((s) => s.name)).toEqual(['Alder Goods', 'Birch & Co']);
  });

  it('orders.list puts paid unshipped orders in "to pack", oldest first, and others in their tabs', () => {
    expect(f.ok(f.admin, 'orders.list', { view: 'to_pack' }).rows.map((r) => r.number)).toEqual(['SH-0000101', 'SH-0000102']);
    expect(f.ok(f.admin, 'orders.list', { view: 'to_pack', sort: 'newest' }).rows.map((r) => r.number)).toEqual(['SH-0000102', 'SH-0000101']);
    expect(f.ok(f.admin, 'orders.list', { view: 'awaiting_payment' }).rows.map((r) => r.number)).toEqual(['SH-0000103']);
    expect(f.ok(f.admin, 'orders.list', { view: 'closed' }).rows.map((r) => r.number)).toEqual(['SH-0000104']);
    expect(f.ok(f.admin, 'orders.list', { view: 'all' }).rows).toHaveLength(4);
  });

  it('filters by store and by age', () => {
    expect(f.ok(f.admin, 'orders.list', { view: 'all', storeId: f.storeB }).rows.map((r) => r.number)).toEqual(['SH-0000102', 'SH-0000103']);
    expect(f.ok(f.admin, 'orders.list', { view: 'all', minAgeDays: 2 }).rows.map((r) => r.number)).toEqual(['SH-0000104', 'SH-0000101']);
  });

  it('pages with keyset cursors without repeating or skipping rows', () => {
    for (let i = 0; i < 7; i++) {
      f.addOrder({ number: `SH-00002${i}0`, status: 'processing', paid: true, ageDays: 2, items: [{ storeId: f.storeA, sku: `ALD-P${i}`, quantity: 1 }] });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = f.ok(f.admin, 'orders.list', { view: 'to_pack', limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.rows.map((r) => r.number));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
  });

  it('searches by order number, customer, email, SKU and tracking number', () => {
    const search = (text: string) => f.ok(f.admin, 'orders.list', { view: 'all', search: text }).rows.map((r) => r.number);
    expect(search('0000102')).toEqual(['SH-0000102']);
    expect(search('SH-0000103')).toEqual(['SH-0000103']);
    expect(search('casey@example')).toHaveLength(4);
    expect(search('BIR-SPOON')).toEqual(['SH-0000102']);
    expect(search('"NEAR(')).toEqual([]);
    f.ok(f.admin, 'orders.markPacked', { orderId: toPack });
    f.ok(f.admin, 'orders.ship', { orderId: toPack, shipmentId: SHIPMENT, carrier: 'ups', trackingNumber: UPS });
    expect(search(UPS)).toEqual(['SH-0000101']);
  });

  it('orders.get returns items, addresses, payment and the timeline', () => {
    const order = f.ok(f.admin, 'orders.get', { orderId: toPack });
    expect(order.items.map((i) => i.sku)).toEqual(['ALD-MUG', 'ALD-EBOOK']);
    expect(order.shippingAddress?.state).toBe('OR');
    expect(order.money.totalCents).toBe(3 * 1500 + 500);
    expect(order.paymentStatus).toBe('paid');
    expect(order.fulfillmentStatus).toBe('partially_fulfilled'); // the paid e-book counts as delivered
  });
});

describe('shipping', () => {
  it('ships every remaining physical item, leaves "to pack", and records who shipped it', () => {
    f.ok(f.sellerA, 'orders.markPacked', { orderId: toPack });
    f.events.length = 0;
    const order = f.ok(f.sellerA, 'orders.ship', { orderId: toPack, shipmentId: SHIPMENT, carrier: 'ups', trackingNumber: '1z 999 aa1 0123456784' });
    expect(order.status).toBe('shipped');
    expect(order.fulfillmentStatus).toBe('fulfilled');
    expect(order.shipments).toEqual([
      expect.objectContaining({ id: SHIPMENT, carrier: 'ups', trackingNumber: UPS, trackingUrl: expect.stringMatching(/^https:\/\/www\.ups\.com\//) }),
    ]);
    expect(order.events[0]).toMatchObject({ kind: 'shipped', actorName: 'Sam Seller', stationName: 'Bench 1' });
    expect(f.ok(f.admin, 'orders.list', { view: 'to_pack' }).rows.map((r) => r.number)).toEqual(['SH-0000102']);
    expect(f.ok(f.admin, 'orders.list', { view: 'shipped' }).rows.map((r) => r.number)).toEqual(['SH-0000101']);
    const outbox = f.store.sqlite.prepare("SELECT name, args FROM outbox WHERE name != 'order.markPacked@1'").all() as Array<{ name: string; args: string }>;
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.name).toBe('order.ship@1');
    expect(JSON.parse(outbox[0]!.args)).toMatchObject({ orderId: toPack, shipmentId: SHIPMENT });
    expect(f.store.sqlite.prepare('SELECT dedupe_key, status FROM notifications').all()).toEqual([
      { dedupe_key: `shipped:${toPack}:${SHIPMENT}`, status: 'queued' },
    ]);
    const notificationId = f.store.sqlite.prepare('SELECT id FROM notifications').pluck().get();
    expect(f.events).toEqual([
      { event: 'orders.changed', payload: { orderIds: [toPack] } },
      { event: 'notifications.changed', payload: { ids: [notificationId] } },
    ]);
  });

  it('records a suppressed notification when told not to email the customer', () => {
    f.ok(f.admin, 'orders.markPacked', { orderId: toPack });
    f.ok(f.admin, 'orders.ship', { orderId: toPack, shipmentId: SHIPMENT, carrier: 'usps', trackingNumber: '9400 1112 0108 0805 4830 16', notifyCustomer: false });
    expect(f.store.sqlite.prepare('SELECT status FROM notifications').pluck().all()).toEqual(['suppressed']);
  });

  it('a seller ships only their own items of a multi-store order, which stays to pack for the other seller', () => {
    f.ok(f.sellerA, 'orders.markPacked', { orderId: multiStore });
    const order = f.ok(f.sellerA, 'orders.ship', { orderId: multiStore, shipmentId: SHIPMENT, carrier: 'ups', trackingNumber: UPS });
    expect(order.status).toBe('processing');
    expect(order.fulfillmentStatus).toBe('partially_fulfilled');
    expect(order.items.map((i) => i.sku)).toEqual(['ALD-BOWL']);
    expect(order.hiddenItemCount).toBe(1);
    const other = f.ok(f.sellerB, 'orders.get', { orderId: multiStore });
    expect(other.items.map((i) => [i.sku, i.fulfilledQuantity])).toEqual([['BIR-SPOON', 0]]);
    expect(other.shipments).toEqual([]);
  });

  it('an admin must pick items when an order spans stores', () => {
    const result = f.call(f.admin, 'orders.ship', { orderId: multiStore, shipmentId: SHIPMENT, carrier: 'ups', trackingNumber: UPS });
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('ships part of an order and then the rest, as two parcels', () => {
    const item = f.ok(f.admin, 'orders.markPacked', { orderId: toPack }).items[0]!;
    const first = f.ok(f.admin, 'orders.ship', { orderId: toPack, shipmentId: SHIPMENT, carrier: 'ups', trackingNumber: UPS, items: [{ itemId: item.id, quantity: 1 }] });
    expect(first.status).toBe('processing');
    const second = f.ok(f.admin, 'orders.ship', { orderId: toPack, shipmentId: crypto.randomUUID(), carrier: 'fedex', trackingNumber: '123456789012' });
    expect(second.status).toBe('shipped');
    expect(second.shipments).toHaveLength(2);
  });

  it('a retried ship with the same shipment id creates nothing new, not even an outbox row, and announces nothing', () => {
    const input = { orderId: toPack, shipmentId: SHIPMENT, carrier: 'ups' as const, trackingNumber: UPS };
    f.ok(f.admin, 'orders.markPacked', { orderId: toPack });
    f.ok(f.admin, 'orders.ship', input);
    const before = f.snapshot();
    f.events.length = 0;
    expect(f.ok(f.admin, 'orders.ship', input).shipments).toHaveLength(1);
    expect(f.snapshot()).toEqual(before);
    expect(f.events).toEqual([]);
    expect(f.count('shipments')).toBe(1);
  });
});

describe('holds, packing and notes', () => {
  it('a hold takes the order out of "to pack" and blocks shipping until released', () => {
    const held = f.ok(f.admin, 'orders.placeHold', { orderId: toPack, reason: '  Address looks wrong ' });
    expect(held).toMatchObject({ onHold: true, holdReason: 'Address looks wrong', queue: 'on_hold' });
    expect(f.ok(f.admin, 'orders.list', { view: 'on_hold' }).rows.map((r) => r.id)).toEqual([toPack]);
    expect(f.call(f.admin, 'orders.ship', { orderId: toPack, shipmentId: SHIPMENT, carrier: 'ups', trackingNumber: UPS })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    const released = f.ok(f.admin, 'orders.releaseHold', { orderId: toPack });
    expect(released).toMatchObject({ onHold: false, queue: 'to_pack' });
    expect(released.events.map((e) => e.kind).slice(0, 2)).toEqual(['hold_released', 'hold_placed']);
  });

  it('marks items packed, never beyond their quantity', () => {
    const order = f.ok(f.admin, 'orders.markPacked', { orderId: toPack });
    expect(order.items.find((i) => i.sku === 'ALD-MUG')!.packedQuantity).toBe(2);
    expect(f.call(f.admin, 'orders.markPacked', { orderId: toPack })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
  });

  it('adds an internal note to the timeline', () => {
    const order = f.ok(f.sellerA, 'orders.addNote', { orderId: cancelled, body: 'Customer called <b>twice</b>' });
    expect(order.events[0]).toMatchObject({ kind: 'note', actorName: 'Sam Seller', data: { body: 'Customer called <b>twice</b>' } });
  });
});

describe('error codes', () => {
  it('INVALID_INPUT for malformed, unexpected or oversized input, with field detail', () => {
    const bad = f.call(f.admin, 'orders.ship', { orderId: -1, shipmentId: 'nope', carrier: 'ups', trackingNumber: UPS });
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { orderId: expect.any(String), shipmentId: expect.any(String) } });
    expect(f.app.dispatch(f.admin, 'orders.get', { orderId: toPack, extra: 1 })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(f.app.dispatch(f.admin, 'orders.addNote', { orderId: toPack, body: 'x'.repeat(300_000) })).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: 'The request is too large.' });
    expect(f.app.dispatch(f.admin, 'orders.get', 'SH-0000101')).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(f.call(f.admin, 'orders.list', { cursor: 'garbage' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(f.call(f.admin, 'orders.ship', { orderId: toPack, shipmentId: SHIPMENT, carrier: 'other', trackingNumber: 'ABC12345', trackingUrl: 'javascript:alert(1)' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fields: expect.objectContaining({ trackingUrl: expect.any(String) }),
    });
  });

  it('INVALID_TRANSITION for shipping an unpaid or cancelled order, or releasing a hold that is not there', () => {
    expect(f.call(f.admin, 'orders.ship', { orderId: unpaid, shipmentId: SHIPMENT, carrier: 'ups', trackingNumber: UPS })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    expect(f.call(f.admin, 'orders.ship', { orderId: cancelled, shipmentId: SHIPMENT, carrier: 'ups', trackingNumber: UPS })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    expect(f.call(f.admin, 'orders.placeHold', { orderId: cancelled, reason: 'x' })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    expect(f.call(f.admin, 'orders.releaseHold', { orderId: toPack })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
  });

  it('NOT_FOUND for an admin asking for an unknown order', () => {
    expect(f.call(f.admin, 'orders.get', { orderId: 999_999 })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it("FORBIDDEN for another store's order, identical to an order that doesn't exist", () => {
    const foreign = f.call(f.sellerB, 'orders.get', { orderId: toPack });
    const missing = f.call(f.sellerB, 'orders.get', { orderId: 999_999 });
    expect(foreign).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(missing).toEqual(foreign);
    expect(f.call(f.sellerB, 'orders.ship', { orderId: toPack, shipmentId: SHIPMENT, carrier: 'ups', trackingNumber: UPS })).toEqual(foreign);
    expect(f.call(f.sellerB, 'orders.list', { storeId: f.storeA })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(f.ok(f.sellerB, 'orders.list', { view: 'all' }).rows.map((r) => r.number)).toEqual(['SH-0000102', 'SH-0000103']);
    expect(f.ok(f.sellerB, 'orders.list', { view: 'all', search: 'SH-0000101' }).rows).toEqual([]);
  });

  it('UNKNOWN_CALL, UNAUTHENTICATED and CONFLICT', () => {
    expect(f.app.dispatch(f.admin, 'orders.drop', {})).toMatchObject({ ok: false, code: 'UNKNOWN_CALL' });
    expect(f.call(null, 'orders.get', { orderId: toPack })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    f.ok(f.admin, 'orders.markPacked', { orderId: toPack });
    f.ok(f.admin, 'orders.ship', { orderId: toPack, shipmentId: SHIPMENT, carrier: 'ups', trackingNumber: UPS });
    expect(f.call(f.admin, 'orders.ship', { orderId: cancelled, shipmentId: SHIPMENT, carrier: 'ups', trackingNumber: UPS })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});

describe('atomicity', () => {
  it('a refused mutation leaves no row, event or outbox entry', () => {
    const before = f.snapshot();
    f.call(f.admin, 'orders.ship', { orderId: unpaid, shipmentId: SHIPMENT, carrier: 'ups', trackingNumber: UPS });
    f.call(f.sellerB, 'orders.addNote', { orderId: toPack, body: 'not mine' });
    f.call(f.admin, 'orders.releaseHold', { orderId: toPack });
    expect(f.snapshot()).toEqual(before);
    expect(f.events).toEqual([]);
  });

  it('a failure at the last step of the write path rolls back every earlier write', () => {
    f.ok(f.admin, 'orders.markPacked', { orderId: toPack });
    f.events.length = 0;
    f.store.sqlite.exec("CREATE TRIGGER outbox_down BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const before = f.snapshot();
    const result = f.call(f.admin, 'orders.ship', { orderId: toPack, shipmentId: SHIPMENT, carrier: 'ups', trackingNumber: UPS });
    expect(result).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(f.snapshot()).toEqual(before);
    expect(f.events).toEqual([]);
    const search = f.store.sqlite.prepare("SELECT rowid FROM order_search WHERE order_search MATCH ?").pluck().all(`"${UPS}"`);
    expect(search).toEqual([]);
  });
});
