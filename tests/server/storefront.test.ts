import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, storefrontAnswerSchema } from '../../shared/contract/sync-protocol.js';
import { BACKENDS, startShop, type Shop } from './harness.js';
import { UPS, mutation, placeOrder, pulledOrder, pushAs, storefrontOrder } from './flows.js';

describe.each(BACKENDS)('storefront on $name', (backend) => {
  beforeAll(() => backend.start(), 60_000);
  afterAll(() => backend.stop());
  let shop: Shop;
  afterEach(async () => shop?.close());
  const key = () => ({ 'x-api-key': shop.apiKey });

  it('creates a paid order once per requestId and answers a repeat with the first answer', async () => {
    shop = await startShop(backend);
    const body = storefrontOrder(shop, 'checkout-0001');
    const first = await shop.call('POST', '/storefront/orders', body, key());
    expect(first.status).toBe(201);
    const created = storefrontAnswerSchema.parse(first.body);
    expect(created).toMatchObject({ requestId: 'checkout-0001', created: true });
    const again = await shop.call('POST', '/storefront/orders', body, key());
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...created, created: false });
    expect(await shop.sdb.db.selectFrom('orders').select('id').execute()).toHaveLength(1);

    const admin = await shop.signIn('admin@shop.test');
    const doc = (await pulledOrder(shop, admin, created.orderId)).doc;
    expect(doc).toMatchObject({ number: created.number, paymentStatus: 'paid', capturedCents: 6500, stripePaymentIntentId: 'pi_checkout-0001' });
    expect(doc?.storeIds.sort()).toEqual([shop.stores.north, shop.stores.south].sort());
  });

  it('refuses a missing or wrong API key, a malformed body and an unknown store, writing nothing', async () => {
    shop = await startShop(backend);
    const body = storefrontOrder(shop, 'checkout-0002');
    expect((await shop.call('POST', '/storefront/orders', body)).status).toBe(401);
    expect((await shop.call('POST', '/storefront/orders', body, { 'x-api-key': 'sk_shop_not_a_real_key_at_all' })).status).toBe(401);
    const malformed = await shop.call('POST', '/storefront/orders', { ...body, items: [] }, key());
    expect(malformed.status).toBe(400);
    expect(errorBodySchema.parse(malformed.body).error.fields).toHaveProperty('items');
    const unknownStore = await shop.call('POST', '/storefront/orders', { ...body, items: [{ ...body.items[0], storeId: 4242 }] }, key());
    expect(unknownStore.status).toBe(400);
    expect(errorBodySchema.parse(unknownStore.body).error.fields).toHaveProperty('items.0.storeId');
    expect(await shop.sdb.db.selectFrom('orders').select('id').execute()).toHaveLength(0);
    expect(await shop.sdb.db.selectFrom('storefront_requests').select('request_id').execute()).toHaveLength(0);
  });

  it('records a cancellation request once, and 404s an unknown order', async () => {
    shop = await startShop(backend);
    const { orderId, number } = await placeOrder(shop);
    const body = { requestId: 'cancel-0001', orderNumber: number, reason: 'Ordered by mistake' };
    expect((await shop.call('POST', '/storefront/cancellation-requests', body, key())).status).toBe(201);
    expect((await shop.call('POST', '/storefront/cancellation-requests', body, key())).body).toMatchObject({ created: false, orderId });
    const missing = await shop.call('POST', '/storefront/cancellation-requests', { ...body, requestId: 'cancel-0002', orderNumber: 'NOPE' }, key());
    expect(missing.status).toBe(404);
    // A requestId is one request: reusing it for another kind is refused.
    const reused = await shop.call('POST', '/storefront/deliveries', { requestId: 'cancel-0001', trackingNumber: UPS, deliveredAt: Date.now() }, key());
    expect(reused.status).toBe(409);
    const nora = await shop.signIn('nora@shop.test');
    const doc = (await pulledOrder(shop, nora, orderId)).doc;
    expect(doc?.cancellationRequests).toEqual([expect.objectContaining({ id: 'cancel-0001', status: 'pending', reason: 'Ordered by mistake' })]);
  });

  it('takes a return request for a shipped order and refuses one before shipping', async () => {
    shop = await startShop(backend);
    const { orderId, number } = await placeOrder(shop, ['north']);
    const body = { requestId: 'return-0001', orderNumber: number, items: [{ sku: 'NORTH-0', quantity: 1 }], reason: 'damaged', description: 'Box crushed' };
    const early = await shop.call('POST', '/storefront/return-requests', body, key());
    expect(early.status).toBe(409);
    expect(errorBodySchema.parse(early.body).error.code).toBe('INVALID_TRANSITION');

    const nora = await shop.signIn('nora@shop.test');
    const [shipped] = await pushAs(shop, nora, randomUUID(), [
      mutation('order.ship@1', { orderId, shipmentId: randomUUID(), carrier: 'ups', trackingNumber: UPS, verificationOverride: 'Checked by eye' }),
    ]);
    expect(shipped?.status).toBe('applied');
    expect((await shop.call('POST', '/storefront/return-requests', body, key())).status).toBe(201);
    const doc = (await pulledOrder(shop, nora, orderId)).doc;
    expect(doc?.returnRequests).toEqual([expect.objectContaining({ id: 'return-0001', reason: 'damaged', status: 'pending' })]);
  });

  it("marks a parcel delivered by its tracking number, once, and 404s a number nobody shipped", async () => {
    shop = await startShop(backend);
    const { orderId } = await placeOrder(shop, ['north']);
    const nora = await shop.signIn('nora@shop.test');
    await pushAs(shop, nora, randomUUID(), [
      mutation('order.ship@1', { orderId, shipmentId: randomUUID(), carrier: 'ups', trackingNumber: UPS, verificationOverride: 'Checked by eye' }),
    ]);
    const deliveredAt = Date.now() + 1000;
    const body = { requestId: 'delivery-0001', trackingNumber: UPS, deliveredAt };
    expect((await shop.call('POST', '/storefront/deliveries', body, key())).status).toBe(201);
    const version = (await shop.sdb.db.selectFrom('orders').select('version').where('id', '=', orderId).executeTakeFirstOrThrow()).version;
    expect((await shop.call('POST', '/storefront/deliveries', body, key())).status).toBe(200);
    // A second carrier report of the same parcel under a new requestId changes nothing either.
    expect((await shop.call('POST', '/storefront/deliveries', { ...body, requestId: 'delivery-0002' }, key())).status).toBe(201);
    expect((await shop.sdb.db.selectFrom('orders').select('version').where('id', '=', orderId).executeTakeFirstOrThrow()).version).toBe(version);
    const doc = (await pulledOrder(shop, nora, orderId)).doc;
    expect(doc?.status).toBe('delivered');
    expect(doc?.shipments[0]?.deliveredAt).toBe(deliveredAt);
    expect((await shop.call('POST', '/storefront/deliveries', { ...body, requestId: 'delivery-0003', trackingNumber: '1Z999AA10123456785' }, key())).status).toBe(404);
  });
});
