import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, bearer, startShop, type Shop } from './harness.js';
import { UPS, mutation, placeOrder, pulledOrder, pushAs } from './flows.js';

describe.each(BACKENDS)('push on $name', (backend) => {
  beforeAll(() => backend.start(), 60_000);
  afterAll(() => backend.stop());
  let shop: Shop;
  afterEach(async () => shop?.close());

  it('answers each mutation on its own: applied, a business refusal, an unknown name, bad args', async () => {
    shop = await startShop(backend);
    const { orderId } = await placeOrder(shop);
    const nora = await shop.signIn('nora@shop.test');
    const clientId = randomUUID();
    const batch = [
      mutation('order.placeHold@1', { orderId, reason: 'Address check' }),
      mutation('order.placeHold@1', { orderId, reason: 'Again' }),
      mutation('order.teleport@1', { orderId }),
      mutation('order.addNote@1', { orderId, body: '   ' }),
      mutation('order.addNote@1', { orderId, body: 'Fragile, pack well' }),
    ];
    const outcomes = await pushAs(shop, nora, clientId, batch);
    expect(outcomes.map((o) => o.status)).toEqual(['applied', 'rejected', 'rejected', 'rejected', 'applied']);
    expect(outcomes.map((o) => o.id)).toEqual(batch.map((m) => m.id));
    expect(outcomes[1]).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(outcomes[2]).toMatchObject({ code: 'UNKNOWN_MUTATION' });
    expect(outcomes[3]).toMatchObject({ code: 'INVALID_INPUT' });
    const [first, , , , last] = outcomes;
    if (first?.status !== 'applied' || last?.status !== 'applied') throw new Error('expected applied');
    expect(last.version).toBeGreaterThan(first.version);

    const { doc, lastMutationId } = await pulledOrder(shop, nora, orderId, clientId);
    expect(doc?.onHold).toBe(true);
    expect(doc?.holdReason).toBe('Address check');
    expect(doc?.events.filter((e) => e.kind === 'note_added' || e.kind === 'note')).toHaveLength(1);
    expect(lastMutationId).toBe(batch[4]?.id);
  });

  it("orders changes itself: a desk clock hours off changes neither the order they apply in nor the times they carry", async () => {
    shop = await startShop(backend);
    const { orderId } = await placeOrder(shop);
    const nora = await shop.signIn('nora@shop.test');
    const HOUR = 3_600_000;
    // Pushed in this order, stamped by a desk clock that runs hours ahead, then hours behind.
    const batch = [
      { ...mutation('order.addNote@1', { orderId, body: 'First, from a fast clock' }), at: Date.now() + 9 * HOUR },
      { ...mutation('order.addNote@1', { orderId, body: 'Second, from a slow clock' }), at: Date.now() - 9 * HOUR },
    ];
    const before = Date.now();
    const outcomes = await pushAs(shop, nora, randomUUID(), batch);
    const after = Date.now();
    expect(outcomes.map((o) => o.status)).toEqual(['applied', 'applied']);
    const [first, second] = outcomes;
    if (first?.status !== 'applied' || second?.status !== 'applied') throw new Error('expected applied');
    expect(second.version).toBeGreaterThan(first.version);
    const { doc } = await pulledOrder(shop, nora, orderId);
    const notes = (doc?.events ?? []).filter((e) => e.kind === 'note');
    expect(notes.map((e) => e.data.body)).toEqual(['First, from a fast clock', 'Second, from a slow clock']);
    for (const note of notes) {
      expect(note.at).toBeGreaterThanOrEqual(before);
      expect(note.at).toBeLessThanOrEqual(after);
    }
  });

  it('applies a batch pushed twice once, and answers the second push with the first outcomes', async () => {
    shop = await startShop(backend);
    const { orderId } = await placeOrder(shop);
    const nora = await shop.signIn('nora@shop.test');
    const clientId = randomUUID();
    const batch = [
      mutation('order.addNote@1', { orderId, body: 'Once only' }),
      mutation('order.ship@1', { orderId, shipmentId: randomUUID(), carrier: 'ups', trackingNumber: UPS, verificationOverride: 'Checked by eye' }),
    ];
    const first = await pushAs(shop, nora, clientId, batch);
    expect(first.map((o) => o.status)).toEqual(['applied', 'applied']);
    const before = await shop.sdb.db.selectFrom('orders').select(['version', 'doc']).where('id', '=', orderId).executeTakeFirstOrThrow();
    const second = await pushAs(shop, nora, clientId, batch);
    expect(second).toEqual(first);
    const after = await shop.sdb.db.selectFrom('orders').select(['version', 'doc']).where('id', '=', orderId).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    const doc = (await pulledOrder(shop, nora, orderId)).doc;
    expect(doc?.shipments).toHaveLength(1);
    expect(doc?.shipments[0]?.trackingNumber).toBe(UPS);
  });

  it('applies a push larger than one commit group in order, and the same push sent twice at once only once', async () => {
    shop = await startShop(backend);
    const a = await placeOrder(shop, ['north']);
    const b = await placeOrder(shop, ['north']);
    const nora = await shop.signIn('nora@shop.test');
    const clientId = randomUUID();
    const batch = Array.from({ length: 250 }, (_, i) => mutation('order.addNote@1', { orderId: i % 2 ? a.orderId : b.orderId, body: `note ${i}` }));
    const [first, twin] = await Promise.all([pushAs(shop, nora, clientId, batch), pushAs(shop, nora, clientId, batch)]);
    expect(twin).toEqual(first);
    expect(first?.every((o) => o.status === 'applied')).toBe(true);
    const versions = (first ?? []).map((o) => (o.status === 'applied' ? o.version : 0));
    expect(versions).toEqual([...versions].sort((x, y) => x - y));
    expect(new Set(versions).size).toBe(250);
    const notes = async (orderId: number) =>
      (await pulledOrder(shop, nora, orderId)).doc?.events.filter((e) => JSON.stringify(e.data).includes('note ')).length;
    expect(await notes(a.orderId)).toBe(125);
    expect(await notes(b.orderId)).toBe(125);
    expect((await pulledOrder(shop, nora, a.orderId, clientId)).lastMutationId).toBe(batch[249]?.id);
  });

  it('takes concurrent pushes from two desks and the storefront on the same orders without failing any', async () => {
    shop = await startShop(backend);
    const a = await placeOrder(shop, ['north']);
    const b = await placeOrder(shop, ['north']);
    const nora = await shop.signIn('nora@shop.test');
    const bo = await shop.signIn('bo@shop.test');
    // Opposite orders of locking: A's groups touch a then b, B's b then a.
    const notes = (first: number, second: number, who: string) =>
      Array.from({ length: 160 }, (_, i) => mutation('order.addNote@1', { orderId: i % 2 ? second : first, body: `${who} ${i}` }));
    const [fromNora, fromBo, cancel] = await Promise.all([
      pushAs(shop, nora, randomUUID(), notes(a.orderId, b.orderId, 'nora')),
      pushAs(shop, bo, randomUUID(), notes(b.orderId, a.orderId, 'bo')),
      shop.call('POST', '/storefront/cancellation-requests', { requestId: 'cancel-race-1', orderNumber: a.number, reason: 'Changed my mind' }, { 'x-api-key': shop.apiKey }),
    ]);
    expect([...(fromNora ?? []), ...(fromBo ?? [])].every((o) => o.status === 'applied')).toBe(true);
    expect(cancel.status).toBe(201);
    const doc = (await pulledOrder(shop, nora, a.orderId)).doc;
    expect(doc?.events.filter((e) => /"(nora|bo) \d+"/.test(JSON.stringify(e.data)))).toHaveLength(160);
    expect(doc?.cancellationRequests).toHaveLength(1);
  });

  it("refuses a seller's change to an order outside their stores, and changes nothing", async () => {
    shop = await startShop(backend);
    const { orderId } = await placeOrder(shop, ['north']);
    const sam = await shop.signIn('sam@shop.test');
    const before = await shop.sdb.db.selectFrom('orders').select(['version', 'doc']).where('id', '=', orderId).executeTakeFirstOrThrow();
    const [outcome] = await pushAs(shop, sam, randomUUID(), [mutation('order.placeHold@1', { orderId, reason: 'Mine now' })]);
    expect(outcome).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });
    // A made-up order id gets the same answer, so ids can't be probed.
    const [missing] = await pushAs(shop, sam, randomUUID(), [mutation('order.placeHold@1', { orderId: 999_999, reason: 'x' })]);
    expect(missing).toMatchObject({ status: 'rejected', code: 'FORBIDDEN', message: (outcome as { message: string }).message });
    expect(await shop.sdb.db.selectFrom('orders').select(['version', 'doc']).where('id', '=', orderId).executeTakeFirstOrThrow()).toEqual(before);
  });

  it("pushes a colleague's pending change under their name only when the pusher could make it too", async () => {
    shop = await startShop(backend);
    const { orderId } = await placeOrder(shop, ['north']);
    const bo = await shop.signIn('bo@shop.test');
    const nora = await shop.signIn('nora@shop.test');
    const [byNora] = await pushAs(shop, bo, randomUUID(), [mutation('order.addNote@1', { orderId, body: 'From Nora' }, { authorId: shop.users.north })]);
    expect(byNora?.status).toBe('applied');
    const doc = (await pulledOrder(shop, bo, orderId)).doc;
    expect(doc?.events.find((e) => JSON.stringify(e.data).includes('From Nora'))?.actorName).toBe('Nora North');

    // Nora can't borrow Bo's wider rights, nor anyone an admin's.
    const refused = await pushAs(shop, nora, randomUUID(), [
      mutation('order.addNote@1', { orderId, body: 'As Bo' }, { authorId: shop.users.both }),
      mutation('order.addNote@1', { orderId, body: 'As admin' }, { authorId: shop.users.admin }),
    ]);
    expect(refused.map((o) => o.status === 'rejected' && o.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });

  it('refuses a shipment id already used on another order', async () => {
    shop = await startShop(backend);
    const a = await placeOrder(shop, ['north']);
    const b = await placeOrder(shop, ['north']);
    const nora = await shop.signIn('nora@shop.test');
    const shipmentId = randomUUID();
    const ship = (orderId: number) =>
      mutation('order.ship@1', { orderId, shipmentId, carrier: 'ups', trackingNumber: UPS, verificationOverride: 'Checked by eye' });
    const outcomes = await pushAs(shop, nora, randomUUID(), [ship(a.orderId), ship(b.orderId)]);
    expect(outcomes[0]?.status).toBe('applied');
    expect(outcomes[1]).toMatchObject({ status: 'rejected', code: 'CONFLICT' });
  });

  it("records desk-side effects as applied without a new version, and checks their role", async () => {
    shop = await startShop(backend);
    await placeOrder(shop, ['north']);
    const nora = await shop.signIn('nora@shop.test');
    const before = await shop.sdb.db.selectFrom('meta').select('version').executeTakeFirstOrThrow();
    const outcomes = await pushAs(shop, nora, randomUUID(), [
      mutation('notification.retry@1', { ids: [1, 2] }),
      mutation('customer.saveAddress@1', { customerId: 1, kind: 'shipping', label: 'Home', address: {} }),
    ]);
    expect(outcomes[0]).toEqual({ id: expect.any(String), status: 'applied', version: before.version });
    expect(outcomes[1]).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });
    expect((await shop.sdb.db.selectFrom('meta').select('version').executeTakeFirstOrThrow()).version).toBe(before.version);
  });

  it('refuses a malformed or oversized batch as a whole with 400 / 413, applying nothing', async () => {
    shop = await startShop(backend);
    const { orderId } = await placeOrder(shop, ['north']);
    const nora = await shop.signIn('nora@shop.test');
    const version = async () => (await shop.sdb.db.selectFrom('meta').select('version').executeTakeFirstOrThrow()).version;
    const before = await version();
    const good = mutation('order.addNote@1', { orderId, body: 'ok' });
    const bad = await shop.call('POST', '/sync/push', { clientId: randomUUID(), mutations: [good, { ...good, id: 'nope' }] }, bearer(nora));
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'INVALID_INPUT', fields: { 'mutations.1.id': expect.any(String) } } });
    const notJson = await shop.call('POST', '/sync/push', '{"clientId":', { ...bearer(nora), 'content-type': 'application/json' });
    expect(notJson.status).toBe(400);
    expect(notJson.body).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    const huge = { clientId: randomUUID(), mutations: [mutation('order.addNote@1', { orderId, body: 'x'.repeat(6 * 1024 * 1024) })] };
    const tooLarge = await shop.call('POST', '/sync/push', huge, bearer(nora));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ error: { code: 'TOO_LARGE' } });
    // Elsewhere the limit is 64 KB.
    const bigSignIn = await shop.call('POST', '/auth/sign-in', { email: 'nora@shop.test', password: 'x'.repeat(70 * 1024) });
    expect(bigSignIn.status).toBe(413);
    expect(await version()).toBe(before);
  });
});
