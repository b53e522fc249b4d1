import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrderListOutput, Session, SyncRejection } from '../../shared/contract/index.js';
import { createShopServer, type ShopServer } from '../../server/app.js';
import { openServerDb } from '../../server/db/connect.js';
import { addStaff } from '../../server/staff-admin.js';
import { bearer, PASSWORD, startShop, type Shop } from '../server/harness.js';
import {
  FEDEX_PARCEL,
  openDesk,
  orderOf,
  placeOrder,
  serverOrder,
  shipInput,
  sqliteBackend,
  tempRoot,
  until,
  UPS_PARCEL,
  type TestDesk,
} from './sync-engine-support.js';

let shop: Shop;
let temp: ReturnType<typeof tempRoot>;
const desks: TestDesk[] = [];
/** Servers started again on the shop's port (after a stop, or from a restored backup). */
const restarted: Array<{ server: ShopServer; close: () => Promise<void> }> = [];

const portOf = (url: string) => Number(new URL(url).port);

/** The shop's server, stopped: desks get no answer on its address (the database stays). */
async function stopServer(): Promise<void> {
  const closing = shop.server.app.close();
  // Open event streams (the desks' pokes) would hold the close forever: cut them, as a crash would.
  shop.server.app.server.closeAllConnections();
  await closing;
}

/** The same database served again on the same address. */
async function startServerAgain(): Promise<ShopServer> {
  const server = createShopServer({ sdb: shop.sdb });
  await server.app.listen({ port: portOf(shop.url), host: '127.0.0.1' });
  restarted.push({
    server,
    close: async () => {
      const closing = server.app.close();
      server.app.server.closeAllConnections();
      await closing;
    },
  });
  return server;
}

beforeEach(async () => {
  await sqliteBackend.start();
  shop = await startShop(sqliteBackend);
  temp = tempRoot();
});

afterEach(async () => {
  for (const desk of desks.splice(0)) await desk.close();
  for (const server of restarted.splice(0)) await server.close();
  await shop.close();
  await sqliteBackend.stop();
  temp.remove();
});

async function desk(name: string): Promise<TestDesk> {
  const opened = await openDesk(temp.root, name);
  desks.push(opened);
  return opened;
}

describe('two desks against one shop backend', () => {
  it('signs in, pulls the store, and a parcel shipped at desk A shows at desk B', async () => {
    const northOrder = await placeOrder(shop, shop.stores.north);
    const southOrder = await placeOrder(shop, shop.stores.south);
    const a = await desk('a');
    const b = await desk('b');

    const session = (await a.signIn(shop, 'admin@shop.test')) as { ok: true; value: Session };
    expect(session).toMatchObject({ ok: true, value: { user: { name: 'Ada Admin', role: 'admin' }, demo: false } });
    expect(await b.signIn(shop, 'nora@shop.test')).toMatchObject({ ok: true, value: { user: { role: 'seller' } } });
    // Each desk works on a store file of its own backend and scope, never the demo store.
    expect(a.host.current()).toMatchObject({ kind: 'server', file: expect.stringMatching(/-admin\.sqlite$/) });
    expect(b.host.current().file).toMatch(new RegExp(`-stores-${shop.stores.north}\\.sqlite$`));

    expect(await a.ok('sync.now')).toMatchObject({ connection: 'online', pending: 0, needsSignIn: false, firstPull: null });
    await b.ok('sync.now');
    const seen = await a.ok<OrderListOutput>('orders.list', { view: 'all' });
    expect(seen.rows.map((row) => row.number).sort()).toEqual([northOrder.number, southOrder.number].sort());
    // The north seller's file never holds the south store's order.
    expect((await b.ok<OrderListOutput>('orders.list', { view: 'all' })).rows.map((row) => row.id)).toEqual([northOrder.orderId]);
    const bStore = b.host.current().app.ctx.store;
    expect(bStore.selectOne<{ n: number }>('SELECT count(*) AS n FROM orders WHERE id = ?', [southOrder.orderId])?.n).toBe(0);

    const parcel = shipInput(northOrder.orderId);
    const shipped = await a.ok<{ status: string; unsynced: boolean }>('orders.ship', parcel);
    expect(shipped.status).toBe('shipped');
    // Pushed after the commit (no sync.now): the server has the parcel, and B hears of it by a poke.
    const onServer = await until('the server to record the parcel', async () => {
      const doc = await serverOrder(shop, northOrder.orderId);
      return doc.shipments.length > 0 ? doc : null;
    });
    expect(onServer.shipments.map((s) => s.id)).toEqual([parcel.shipmentId]);
    const atB = await until('desk B to show the order shipped', async () => {
      const detail = await orderOf(b, northOrder.orderId);
      return detail.ok && detail.value.status === 'shipped' ? detail.value : null;
    }, 3_000);
    expect(atB.shipments.map((s) => s.trackingNumber)).toEqual([parcel.trackingNumber]);
    expect(atB.unsynced).toBe(false);
    await until('desk A to settle its change', async () => (await a.status()).pending === 0);
    expect(b.events.some(({ event }) => event === 'orders.changed')).toBe(true);
    expect(a.events.some(({ event }) => event === 'sync.changed')).toBe(true);
  });

  it('ships offline, then pushes the parcel once the backend is back, and the server applies it once', async () => {
    const order = await placeOrder(shop, shop.stores.north);
    const a = await desk('a');
    await a.signIn(shop, 'admin@shop.test');
    await a.ok('sync.now');

    await stopServer();
    const parcel = shipInput(order.orderId);
    expect(await a.ok('orders.ship', parcel)).toMatchObject({ status: 'shipped', unsynced: true });
    const offline = await a.ok('sync.now');
    expect(offline).toMatchObject({ connection: 'offline', pending: 1, lastError: expect.any(String) });
    expect((await a.ok<OrderListOutput>('orders.list', { view: 'all' })).rows[0]).toMatchObject({ id: order.orderId, unsynced: true });

    await startServerAgain();
    // Nobody presses "Sync now": the engine's backoff tries again by itself.
    const back = await until('the engine to push by itself once the backend is back', async () => {
      const now = await a.status();
      return now.pending === 0 ? now : null;
    }, 10_000);
    expect(back).toMatchObject({ connection: 'online', lastError: null });
    const doc = await serverOrder(shop, order.orderId);
    expect(doc.shipments.map((s) => s.id)).toEqual([parcel.shipmentId]);
    expect(doc.status).toBe('shipped');
    expect(await a.ok('orders.get', { orderId: order.orderId })).toMatchObject({
      unsynced: false,
      shipments: [expect.objectContaining({ id: parcel.shipmentId })],
    });

    // The same change pushed again (an answer lost on the way back): the server skips it.
    const store = a.host.current().app.ctx.store;
    store.execute(`UPDATE outbox SET status = 'pending', server_version = NULL`);
    expect(await a.ok('sync.now')).toMatchObject({ pending: 0 });
    expect((await serverOrder(shop, order.orderId)).shipments).toHaveLength(1);
    const applied = await shop.sdb.db.selectFrom('client_mutations').select('mutation_id').execute();
    expect(applied).toHaveLength(1);
  });

  it('asks for a sign-in when the token is revoked, keeps the outbox, and pushes it after the next sign-in', async () => {
    const order = await placeOrder(shop, shop.stores.north);
    const a = await desk('a');
    await a.signIn(shop, 'admin@shop.test');
    await a.ok('sync.now');
    // Revoked elsewhere (an admin's session list, another window): the desk learns it on its next call.
    const token = (await a.vault.token())!;
    expect((await shop.call('POST', '/auth/sign-out', {}, bearer(token))).status).toBeLessThan(300);

    await a.ok('orders.addNote', { orderId: order.orderId, body: 'Customer called: leave at the back door' });
    const status = await until('the desk to notice the revoked token', async () => {
      const now = await a.status();
      return now.needsSignIn ? now : null;
    });
    expect(status).toMatchObject({ connection: 'signed_out', needsSignIn: true, pending: 1 });
    expect(a.events).toContainEqual({ event: 'sync.changed', payload: expect.objectContaining({ needsSignIn: true }) });
    // The person can keep working; the changes wait.
    expect(a.host.actor()).not.toBeNull();
    expect((await serverOrder(shop, order.orderId)).events.some((e) => e.kind === 'note')).toBe(false);

    await a.signIn(shop, 'admin@shop.test');
    expect(await a.ok('sync.now')).toMatchObject({ connection: 'online', pending: 0, needsSignIn: false });
    expect((await serverOrder(shop, order.orderId)).events.filter((e) => e.kind === 'note')).toHaveLength(1);
  });

  it("pushes a colleague's waiting change under their name after someone else signs in at the station", async () => {
    const order = await placeOrder(shop, shop.stores.north);
    const nell = await addStaff(shop.sdb.db, { email: 'nell@shop.test', name: 'Nell North', role: 'seller', password: PASSWORD, storeIds: [shop.stores.north] }, Date.now());
    const a = await desk('a');
    await a.signIn(shop, 'nora@shop.test');
    await a.ok('sync.now');
    await stopServer();
    await a.ok('orders.addNote', { orderId: order.orderId, body: 'Packed by Nora, label to follow' });
    await a.ok('session.signOut');
    expect(await a.status()).toMatchObject({ connection: 'signed_out', pending: 1 });
    await startServerAgain();

    // Nell works the same store: the same store file, with Nora's change still waiting in it.
    const file = a.host.current().file;
    await a.signIn(shop, 'nell@shop.test');
    expect(a.host.current().file).toBe(file);
    expect(await a.ok('sync.now')).toMatchObject({ pending: 0, rejections: 0 });
    const note = (await serverOrder(shop, order.orderId)).events.find((e) => e.kind === 'note');
    expect(note).toMatchObject({ actorId: shop.users.north, actorName: 'Nora North' });
    expect(note?.actorId).not.toBe(nell);
  });

  it('lists a change the backend refused with its reason, and undoes it locally', async () => {
    const order = await placeOrder(shop, shop.stores.north);
    const a = await desk('a');
    const b = await openDesk(temp.root, 'b', { engine: { listen: false } });
    desks.push(b);
    await a.signIn(shop, 'admin@shop.test');
    await b.signIn(shop, 'nora@shop.test');
    await a.ok('sync.now');
    await b.ok('sync.now');

    // B, not yet told, ships the same items with another parcel: the server refuses the second.
    const first = shipInput(order.orderId, UPS_PARCEL);
    await a.ok('orders.ship', first);
    await until('the server to have A\'s parcel', async () => (await serverOrder(shop, order.orderId)).shipments.length === 1);
    const second = shipInput(order.orderId, FEDEX_PARCEL);
    await b.ok('orders.ship', second);
    const after = await b.ok('sync.now');
    expect(after).toMatchObject({ pending: 0, rejections: 1 });

    const rejections = await b.ok<SyncRejection[]>('sync.rejections', { orderId: order.orderId });
    expect(rejections).toEqual([
      expect.objectContaining({ orderId: order.orderId, orderNumber: order.number, madeBy: 'Nora North', code: expect.any(String), message: expect.any(String) }),
    ]);
    expect(rejections[0]!.summary).toContain(order.number);
    expect(rejections[0]!.code).not.toBe('');
    const atB = await b.ok<{ shipments: Array<{ id: string }>; unsynced: boolean }>('orders.get', { orderId: order.orderId });
    expect(atB.shipments.map((s) => s.id)).toEqual([first.shipmentId]);
    expect(atB.unsynced).toBe(false);
    expect((await serverOrder(shop, order.orderId)).shipments.map((s) => s.id)).toEqual([first.shipmentId]);
  });

  it('after a restore from backup (reset), re-pulls everything, drops what the server no longer has and keeps the outbox', async () => {
    const kept = await placeOrder(shop, shop.stores.north);
    const backup = path.join(temp.root, 'backup.sqlite');
    await sql`VACUUM INTO ${sql.lit(backup)}`.execute(shop.sdb.db);
    const lost = await placeOrder(shop, shop.stores.north);

    const a = await desk('a');
    await a.signIn(shop, 'admin@shop.test');
    await a.ok('sync.now');
    expect((await a.ok<OrderListOutput>('orders.list', { view: 'all' })).rows.map((row) => row.id).sort()).toEqual([kept.orderId, lost.orderId].sort());

    // The shop is restored from the backup made before `lost` was placed, while the desk adds a note.
    await stopServer();
    await a.ok('orders.addNote', { orderId: lost.orderId, body: 'Fragile: double box' });
    const restoredDb = await openServerDb({ sqlitePath: backup });
    const restoredServer = createShopServer({ sdb: restoredDb });
    await restoredServer.app.listen({ port: portOf(shop.url), host: '127.0.0.1' });
    restarted.push({
      server: restoredServer,
      close: async () => {
        const closing = restoredServer.app.close();
        restoredServer.app.server.closeAllConnections();
        await closing;
        await restoredDb.close();
      },
    });

    // The backup predates this desk's session too: sign in again, to the same store file.
    expect(await a.ok('sync.now')).toMatchObject({ needsSignIn: true, pending: 1 });
    const file = a.host.current().file;
    await a.signIn(shop, 'admin@shop.test');
    expect(a.host.current().file).toBe(file);
    // The waiting note was kept through the reset and pushed: the restored shop has no such order
    // any more, so it is refused, and listed; the order itself is gone from the desk.
    expect(await a.ok('sync.now')).toMatchObject({ connection: 'online', pending: 0, firstPull: null, rejections: 1 });
    expect((await a.ok<OrderListOutput>('orders.list', { view: 'all' })).rows.map((row) => row.id)).toEqual([kept.orderId]);
    expect(await a.ok<SyncRejection[]>('sync.rejections')).toEqual([expect.objectContaining({ orderId: lost.orderId, summary: expect.stringContaining('note') })]);
    expect(await orderOf(a, lost.orderId)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});
