import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrderListOutput, Session } from '../../shared/contract/index.js';
import { startShop, type Shop } from '../server/harness.js';
import { openDesk, orderOf, placeOrder, serverOrder, shipInput, sqliteBackend, tempRoot, until, type TestDesk } from './sync-engine-support.js';

let shop: Shop;
let temp: ReturnType<typeof tempRoot>;
const desks: TestDesk[] = [];

beforeEach(async () => {
  await sqliteBackend.start();
  shop = await startShop(sqliteBackend);
  temp = tempRoot();
});

afterEach(async () => {
  for (const desk of desks.splice(0)) await desk.close();
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
});
