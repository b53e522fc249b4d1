import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Fixture } from './fixtures.js';

const UPS = '1Z999AA10123456784';
const FEDEX = '986578788855';
const USPS = '9400111201080805483016';
const PARCEL_1 = '11111111-1111-4111-8111-111111111111';
const PARCEL_2 = '22222222-2222-4222-8222-222222222222';

let f: Fixture;
let mugOrder: number;
let multiStore: number;

beforeEach(() => {
  f = new Fixture();
  mugOrder = f.addOrder({
    number: 'SH-1035600',
    status: 'processing',
    paid: true,
    ageDays: 2,
    items: [
      { storeId: f.storeA, sku: 'ALD-MUG', quantity: 2, barcode: '0012345678905' },
      { storeId: f.storeA, sku: 'ALD-EBOOK', quantity: 1, digital: true },
    ],
  });
  multiStore = f.addOrder({
    number: 'SH-1035601',
    status: 'processing',
    paid: true,
    ageDays: 1,
    items: [
      { storeId: f.storeA, sku: 'ALD-BOWL', quantity: 1 },
      { storeId: f.storeB, sku: 'BIR-SPOON', quantity: 3 },
    ],
  });
});

afterEach(() => f.close());

const eventsOf = (orderId: number) =>
  (f.store.sqlite.prepare('SELECT kind, data FROM order_events WHERE order_id = ? ORDER BY id').all(orderId) as Array<{ kind: string; data: string }>).map(
    (e) => ({ kind: e.kind, data: JSON.parse(e.data) as Record<string, unknown> }),
  );

describe('verification before shipping', () => {
  it('ships a partial parcel of scanned units, then the rest once scanned', () => {
    const mug = f.ok(f.sellerA, 'orders.get', { orderId: mugOrder }).items.find((i) => i.sku === 'ALD-MUG')!;
    f.ok(f.sellerA, 'orders.markPacked', { orderId: mugOrder, items: [{ itemId: mug.id, quantity: 1 }], source: 'scan' });

    const first = f.ok(f.sellerA, 'orders.ship', {
      orderId: mugOrder,
      shipmentId: PARCEL_1,
      carrier: 'ups',
      trackingNumber: UPS,
      items: [{ itemId: mug.id, quantity: 1 }],
    });
    expect(first.status).toBe('processing');
    expect(first.fulfillmentStatus).toBe('partially_fulfilled');
    expect(first.items.find((i) => i.id === mug.id)).toMatchObject({ packedQuantity: 1, fulfilledQuantity: 1 });

    // The second unit hasn't been scanned: the verified unit went out in the first parcel.
    const refused = f.call(f.sellerA, 'orders.ship', { orderId: mugOrder, shipmentId: PARCEL_2, carrier: 'fedex', trackingNumber: FEDEX });
    expect(refused).toMatchObject({ ok: false, code: 'NOT_VERIFIED', message: expect.stringContaining('ALD-MUG (0 of 1 verified)') });

    f.ok(f.sellerA, 'orders.markPacked', { orderId: mugOrder, items: [{ itemId: mug.id, quantity: 1 }], source: 'scan' });
    const second = f.ok(f.sellerA, 'orders.ship', { orderId: mugOrder, shipmentId: PARCEL_2, carrier: 'fedex', trackingNumber: FEDEX });
    expect(second.status).toBe('shipped');
    expect(second.fulfillmentStatus).toBe('fulfilled');
    expect(second.shipments.map((s) => [s.id, s.items])).toEqual([
      [PARCEL_1, [{ orderItemId: mug.id, quantity: 1 }]],
      [PARCEL_2, [{ orderItemId: mug.id, quantity: 1 }]],
    ]);
    const packed = eventsOf(mugOrder).filter((e) => e.kind === 'items_packed');
    expect(packed.map((e) => e.data.source)).toEqual(['scan', 'scan']);
  });

  it('refuses an unverified parcel with NOT_VERIFIED naming the SKUs, and changes nothing', () => {
    const before = f.snapshot();
    const result = f.call(f.sellerA, 'orders.ship', { orderId: mugOrder, shipmentId: PARCEL_1, carrier: 'ups', trackingNumber: UPS });
    expect(result).toEqual({
      ok: false,
      code: 'NOT_VERIFIED',
      message: 'Not verified yet: ALD-MUG (0 of 2 verified). Scan the item, or ship anyway with a reason.',
      fields: { items: 'ALD-MUG (0 of 2 verified)' },
    });
    expect(f.snapshot()).toEqual(before);
    expect(f.events).toEqual([]);
  });

  it('ships unverified items with an override reason, which goes on the timeline', () => {
    const order = f.ok(f.sellerA, 'orders.ship', {
      orderId: mugOrder,
      shipmentId: PARCEL_1,
      carrier: 'usps',
      trackingNumber: USPS,
      verificationOverride: '  Scanner broken, counted by hand ',
    });
    expect(order.status).toBe('shipped');
    expect(order.events[0]).toMatchObject({
      kind: 'shipped',
      actorName: 'Sam Seller',
      data: { verificationOverride: 'Scanner broken, counted by hand', trackingNumber: USPS },
    });
  });

  it('a verified parcel records no override', () => {
    f.ok(f.sellerA, 'orders.markPacked', { orderId: mugOrder });
    const order = f.ok(f.sellerA, 'orders.ship', { orderId: mugOrder, shipmentId: PARCEL_1, carrier: 'ups', trackingNumber: UPS });
    expect(order.events[0]!.data).not.toHaveProperty('verificationOverride');
    expect(eventsOf(mugOrder).find((e) => e.kind === 'items_packed')!.data.source).toBe('manual');
  });

  it("only this seller's items need verifying in a multi-store order", () => {
    f.ok(f.sellerA, 'orders.markPacked', { orderId: multiStore, source: 'scan' });
    const order = f.ok(f.sellerA, 'orders.ship', { orderId: multiStore, shipmentId: PARCEL_1, carrier: 'ups', trackingNumber: UPS });
    expect(order.fulfillmentStatus).toBe('partially_fulfilled');
    expect(f.call(f.sellerB, 'orders.ship', { orderId: multiStore, shipmentId: PARCEL_2, carrier: 'ups', trackingNumber: UPS })).toMatchObject({
      ok: false,
      code: 'NOT_VERIFIED',
      message: expect.stringContaining('BIR-SPOON (0 of 3 verified)'),
    });
  });

  it('refuses a tracking number that is not valid for the chosen carrier, and changes nothing', () => {
    f.ok(f.sellerA, 'orders.markPacked', { orderId: mugOrder });
    const before = f.snapshot();
    expect(f.call(f.sellerA, 'orders.ship', { orderId: mugOrder, shipmentId: PARCEL_1, carrier: 'ups', trackingNumber: '1Z999AA10123456785' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fields: { trackingNumber: "This isn't a valid UPS tracking number (check digit doesn't match)." },
    });
    expect(f.call(f.sellerA, 'orders.ship', { orderId: mugOrder, shipmentId: PARCEL_1, carrier: 'ups', trackingNumber: USPS })).toMatchObject({
      ok: false,
      fields: { trackingNumber: 'This looks like a USPS number, not UPS.' },
    });
    expect(f.snapshot()).toEqual(before);
  });
});

describe('orders.lookup', () => {
  it.each(['SH-1035600', 'sh1035600', ' 1035600 ', 'SH 1035600'])('finds the order from %s', (code) => {
    expect(f.ok(f.sellerA, 'orders.lookup', { code })).toEqual({ orderId: mugOrder, number: 'SH-1035600' });
  });

  it('says plainly when no such order is on this desk', () => {
    expect(f.call(f.admin, 'orders.lookup', { code: 'SH-9999999' })).toEqual({ ok: false, code: 'NOT_FOUND', message: 'No order SH-9999999 on this desk.' });
    expect(f.call(f.sellerA, 'orders.lookup', { code: 'ALD-MUG' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it("tells a seller scanning another store's slip whose it is, and nothing more", () => {
    const result = f.call(f.sellerB, 'orders.lookup', { code: 'sh1035600' });
    expect(result).toEqual({ ok: false, code: 'FORBIDDEN', message: 'Order SH-1035600 belongs to another store.' });
    expect(f.ok(f.sellerB, 'orders.lookup', { code: '1035601' })).toEqual({ orderId: multiStore, number: 'SH-1035601' });
  });
});

describe('orders.markDelivered', () => {
  function shipInTwoParcels() {
    const mug = f.ok(f.sellerA, 'orders.markPacked', { orderId: mugOrder }).items.find((i) => i.sku === 'ALD-MUG')!;
    f.ok(f.sellerA, 'orders.ship', { orderId: mugOrder, shipmentId: PARCEL_1, carrier: 'ups', trackingNumber: UPS, items: [{ itemId: mug.id, quantity: 1 }] });
    f.ok(f.sellerA, 'orders.ship', { orderId: mugOrder, shipmentId: PARCEL_2, carrier: 'fedex', trackingNumber: FEDEX });
  }

  it('delivers one parcel, then the order once every parcel arrived', () => {
    shipInTwoParcels();
    f.clock += 3_600_000;
    const one = f.ok(f.sellerA, 'orders.markDelivered', { orderId: mugOrder, shipmentId: PARCEL_1 });
    expect(one.status).toBe('shipped');
    expect(one.deliveredAt).toBeNull();
    expect(one.shipments.map((s) => s.deliveredAt)).toEqual([f.clock, null]);
    expect(one.events[0]).toMatchObject({ kind: 'delivered', data: { shipmentIds: [PARCEL_1], orderDelivered: false } });

    f.clock += 60_000;
    const all = f.ok(f.sellerA, 'orders.markDelivered', { orderId: mugOrder, notifyCustomer: false });
    expect(all).toMatchObject({ status: 'delivered', deliveredAt: f.clock, queue: 'shipped' });
    expect(all.shipments.map((s) => s.deliveredAt)).toEqual([f.clock - 60_000, f.clock]);
    expect(all.events[0]).toMatchObject({ kind: 'delivered', data: { shipmentIds: [PARCEL_2], orderDelivered: true } });
    expect(f.store.sqlite.prepare("SELECT dedupe_key, status FROM notifications WHERE kind = 'delivered' ORDER BY id").all()).toEqual([
      { dedupe_key: `delivered:${mugOrder}:${PARCEL_1}`, status: 'queued' },
      { dedupe_key: `delivered:${mugOrder}:${PARCEL_2}`, status: 'suppressed' },
    ]);
    expect(f.store.sqlite.prepare("SELECT count(*) FROM outbox WHERE name = 'order.markDelivered@1'").pluck().get()).toBe(2);
  });

  it('refuses a parcel already delivered, an unknown parcel, or an order with nothing shipped; changing nothing', () => {
    shipInTwoParcels();
    f.ok(f.sellerA, 'orders.markDelivered', { orderId: mugOrder, shipmentId: PARCEL_1 });
    const before = f.snapshot();
    expect(f.call(f.sellerA, 'orders.markDelivered', { orderId: mugOrder, shipmentId: PARCEL_1 })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    expect(f.call(f.sellerA, 'orders.markDelivered', { orderId: mugOrder, shipmentId: '33333333-3333-4333-8333-333333333333' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(f.call(f.admin, 'orders.markDelivered', { orderId: multiStore })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    expect(f.snapshot()).toEqual(before);
  });

  it("keeps a multi-store order shipped until the other store's parcel arrives too, and hides it from the seller", () => {
    f.ok(f.sellerA, 'orders.markPacked', { orderId: multiStore });
    f.ok(f.sellerA, 'orders.ship', { orderId: multiStore, shipmentId: PARCEL_1, carrier: 'ups', trackingNumber: UPS });
    f.ok(f.sellerB, 'orders.markPacked', { orderId: multiStore });
    f.ok(f.sellerB, 'orders.ship', { orderId: multiStore, shipmentId: PARCEL_2, carrier: 'fedex', trackingNumber: FEDEX });
    // Seller A can't see, or deliver, seller B's parcel.
    expect(f.call(f.sellerA, 'orders.markDelivered', { orderId: multiStore, shipmentId: PARCEL_2 })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(f.ok(f.sellerA, 'orders.markDelivered', { orderId: multiStore }).status).toBe('shipped');
    expect(f.ok(f.sellerB, 'orders.markDelivered', { orderId: multiStore }).status).toBe('delivered');
  });

  it('is refused for another store’s order', () => {
    shipInTwoParcels();
    expect(f.call(f.sellerB, 'orders.markDelivered', { orderId: mugOrder })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('orders.updateShippingAddress', () => {
  const newAddress = { name: 'Casey Customer', street: '400 Oak Ave', street2: 'Apt 5', city: 'Salem', state: 'or', zip: '97301-1234', phone: null };

  it('corrects the snapshot before shipping, with the old and new address on the timeline', () => {
    const order = f.ok(f.sellerA, 'orders.updateShippingAddress', { orderId: mugOrder, address: newAddress });
    expect(order.shippingAddress).toEqual({ ...newAddress, state: 'OR', country: 'US' });
    expect(order.events[0]).toMatchObject({
      kind: 'shipping_address_changed',
      actorName: 'Sam Seller',
      data: { from: expect.objectContaining({ street: '12 Elm St' }), to: expect.objectContaining({ street: '400 Oak Ave', state: 'OR' }) },
    });
    expect(f.ok(f.admin, 'orders.list', { view: 'all', search: 'SH-1035600' }).rows[0]!.shipToState).toBe('OR');
    expect(f.count('addresses')).toBe(0);
  });

  it('saves the address to the customer as their default shipping address when an admin asks', () => {
    const old = { name: 'Casey Customer', street: '12 Elm St', city: 'Portland', state: 'OR', zip: '97201' };
    f.ok(f.admin, 'customers.saveAddress', { customerId: f.customerId, type: 'shipping', label: 'Home', address: old });
    f.ok(f.admin, 'orders.updateShippingAddress', { orderId: mugOrder, address: newAddress, saveToCustomer: true });
    const book = f.ok(f.admin, 'customers.addresses', { customerId: f.customerId });
    expect(book.map((a) => [a.label, a.isDefault, a.address.street])).toEqual([
      [null, true, '400 Oak Ave'],
      ['Home', false, '12 Elm St'],
    ]);
    // Saving the same address again makes no duplicate.
    f.ok(f.admin, 'orders.updateShippingAddress', { orderId: mugOrder, address: newAddress, saveToCustomer: true });
    expect(f.ok(f.admin, 'customers.addresses', { customerId: f.customerId })).toHaveLength(2);
  });

  it("lets a seller correct the order but not the customer's address book", () => {
    const before = f.snapshot();
    expect(f.call(f.sellerA, 'orders.updateShippingAddress', { orderId: mugOrder, address: newAddress, saveToCustomer: true })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(f.snapshot()).toEqual(before);
  });

  it('refuses an unchanged address as a no-op', () => {
    const same = { name: 'Casey Customer', street: '12 Elm St', city: 'Portland', state: 'OR', zip: '97201' };
    expect(f.call(f.sellerA, 'orders.updateShippingAddress', { orderId: mugOrder, address: same })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('refuses bad fields one by one, keyed by address field, and changes nothing', () => {
    const before = f.snapshot();
    const result = f.call(f.sellerA, 'orders.updateShippingAddress', {
      orderId: mugOrder,
      address: { name: '', street: '1 Main St', city: 'Salem', state: 'XX', zip: '9730' },
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fields: { 'address.name': 'Enter a name.', 'address.state': expect.stringContaining('two-letter'), 'address.zip': expect.stringContaining('ZIP') },
    });
    expect(f.snapshot()).toEqual(before);
  });

  it('is refused once part of the order has shipped, and for another store’s order', () => {
    f.ok(f.sellerA, 'orders.markPacked', { orderId: multiStore });
    f.ok(f.sellerA, 'orders.ship', { orderId: multiStore, shipmentId: PARCEL_1, carrier: 'ups', trackingNumber: UPS });
    expect(f.call(f.admin, 'orders.updateShippingAddress', { orderId: multiStore, address: newAddress })).toMatchObject({
      ok: false,
      code: 'INVALID_TRANSITION',
      message: expect.stringMatching(/^Part of this order has already shipped/),
    });
    expect(f.call(f.sellerB, 'orders.updateShippingAddress', { orderId: mugOrder, address: newAddress })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
