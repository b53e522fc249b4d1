import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notificationContentSchema } from '../../shared/domain/notifications.js';
import { Fixture } from './fixtures.js';

const UPS = '1Z999AA10123456784';
const PARCEL = '11111111-1111-4111-8111-111111111111';

let f: Fixture;
let orderId: number;

beforeEach(() => {
  f = new Fixture();
  orderId = f.addOrder({
    number: 'SH-1035600',
    status: 'processing',
    paid: true,
    ageDays: 2,
    items: [{ storeId: f.storeA, sku: 'ALD-MUG', quantity: 2 }],
  });
});

afterEach(() => f.close());

interface Queued {
  dedupe_key: string;
  kind: string;
  status: string;
  recipient: string;
  payload: string;
}
const queued = () => f.store.sqlite.prepare('SELECT dedupe_key, kind, status, recipient, payload FROM notifications ORDER BY id').all() as Queued[];
const contentOf = (row: Queued) => notificationContentSchema.parse(JSON.parse(row.payload));

function ship(notifyCustomer: boolean) {
  const mug = f.ok(f.admin, 'orders.get', { orderId }).items[0]!;
  f.ok(f.admin, 'orders.markPacked', { orderId, items: [{ itemId: mug.id, quantity: 2 }], source: 'scan' });
  return f.ok(f.admin, 'orders.ship', { orderId, shipmentId: PARCEL, carrier: 'ups', trackingNumber: UPS, notifyCustomer });
}

describe('what each action queues for the customer, in its own transaction', () => {
  it('shipping queues a "shipped" email with the parcel, carrier and tracking link as of the commit', () => {
    ship(true);
    const [row] = queued();
    expect(row).toMatchObject({ dedupe_key: `shipped:${orderId}:${PARCEL}`, kind: 'shipped', status: 'queued', recipient: 'casey@example.com' });
    expect(contentOf(row!)).toMatchObject({
      kind: 'shipped',
      orderNumber: 'SH-1035600',
      customerName: 'Casey Customer',
      storeNames: ['Alder Goods'],
      carrierName: 'UPS',
      trackingNumber: UPS,
      trackingUrl: `https://www.ups.com/track?tracknum=${UPS}`,
      items: [{ title: 'Item ALD-MUG', sku: 'ALD-MUG', quantity: 2 }],
      partial: false,
    });
  });

  it('honours "don\'t email the customer" on shipping and on delivery: recorded as suppressed', () => {
    ship(false);
    f.ok(f.admin, 'orders.markDelivered', { orderId, notifyCustomer: false });
    expect(queued().map((row) => [row.kind, row.status])).toEqual([
      ['shipped', 'suppressed'],
      ['delivered', 'suppressed'],
    ]);
  });

  it('delivery queues a "delivered" email saying whether everything arrived', () => {
    ship(true);
    f.ok(f.admin, 'orders.markDelivered', { orderId });
    const delivered = queued().find((row) => row.kind === 'delivered')!;
    expect(delivered.dedupe_key).toBe(`delivered:${orderId}:${PARCEL}`);
    expect(contentOf(delivered)).toMatchObject({ kind: 'delivered', orderDelivered: true, parcels: 1 });
  });

  it('correcting the shipping address queues a fulfilment update with the new address, unless told not to', () => {
    const address = { name: 'Casey Customer', street: '800 Market St', street2: 'Floor 3', city: 'San Francisco', state: 'CA', zip: '94102' };
    f.ok(f.admin, 'orders.updateShippingAddress', { orderId, address });
    const [update] = queued();
    expect(update).toMatchObject({ kind: 'fulfillment_update', status: 'queued' });
    expect(contentOf(update!)).toMatchObject({ kind: 'fulfillment_update', shippingAddress: { street: '800 Market St', city: 'San Francisco', zip: '94102' } });

    f.ok(f.admin, 'orders.updateShippingAddress', { orderId, address: { ...address, street: '801 Market St' }, notifyCustomer: false });
    expect(queued().map((row) => row.status)).toEqual(['queued', 'suppressed']);
  });

  it('on a shared order each seller sees only their own parcels\' emails, and each delivery is its own email', () => {
    const shared = f.addOrder({
      number: 'SH-1035601',
      status: 'processing',
      paid: true,
      ageDays: 1,
      items: [
        { storeId: f.storeA, sku: 'ALD-BOWL', quantity: 1 },
        { storeId: f.storeB, sku: 'BIR-SPOON', quantity: 1 },
      ],
    });
    for (const [seller, parcel] of [
      [f.sellerA, '22222222-2222-4222-8222-222222222222'],
      [f.sellerB, '33333333-3333-4333-8333-333333333333'],
    ] as const) {
      const item = f.ok(seller, 'orders.get', { orderId: shared }).items[0]!;
      f.ok(seller, 'orders.markPacked', { orderId: shared, items: [{ itemId: item.id, quantity: 1 }], source: 'scan' });
      f.ok(seller, 'orders.ship', { orderId: shared, shipmentId: parcel, carrier: 'ups', trackingNumber: UPS });
      f.ok(seller, 'orders.markDelivered', { orderId: shared });
    }
    const seen = (seller: typeof f.sellerA) => f.ok(seller, 'notifications.list', { orderId: shared }).rows.map((row) => row.kind).sort();
    expect(seen(f.sellerA)).toEqual(['delivered', 'shipped']);
    expect(seen(f.sellerB)).toEqual(['delivered', 'shipped']);
    expect(f.ok(f.admin, 'notifications.list', { orderId: shared }).rows).toHaveLength(4);
    const forA = f.ok(f.sellerA, 'notifications.list', { orderId: shared }).rows.map((row) => row.id);
    const forB = f.ok(f.sellerB, 'notifications.list', { orderId: shared }).rows.map((row) => row.id);
    expect(forA.filter((id) => forB.includes(id))).toEqual([]);
  });

  it('a refused action queues nothing', () => {
    const refused = f.call(f.admin, 'orders.ship', { orderId, shipmentId: PARCEL, carrier: 'ups', trackingNumber: '1Z999AA10123456789' });
    expect(refused.ok).toBe(false);
    expect(queued()).toHaveLength(0);
  });

  it('tells the sender to look only after the commit', () => {
    const woken: number[] = [];
    f.app.ctx.notifications = {
      settings: { get: () => ({ mail: null, sms: null, alertThreshold: 3 }), save() {}, getSecret: async () => null, setSecret: async () => {}, hasSecret: () => false },
      wake: () => woken.push(queued().length),
      testSend: async () => ({ ok: false, failure: 'unreachable', message: '' }),
      preview: async () => null,
      state: () => ({ mail: 'not_configured', lastError: null, nextProbeAt: null }),
    };
    ship(true);
    // When it was woken, the row was already committed and visible.
    expect(woken).toEqual([1]);
    f.ok(f.admin, 'orders.markDelivered', { orderId, notifyCustomer: false });
    expect(woken).toEqual([1]);
  });
});
