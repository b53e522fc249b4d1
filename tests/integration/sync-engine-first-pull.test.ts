import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrderListOutput, SyncStatus } from '../../shared/contract/index.js';
import { createHttpBackend } from '../../electron/main/services/sync/client.js';
import { startShop, type Shop } from '../server/harness.js';
import { openDesk, placeOrder, sqliteBackend, tempRoot, type TestDesk } from './sync-engine-support.js';

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

describe('the first download of a store', () => {
  it('comes in pages with progress, survives an interruption and resumes from the saved cursor', async () => {
    for (let i = 0; i < 7; i += 1) await placeOrder(shop, shop.stores.north, `SKU-${i}`);
    // The network drops after the second page; every pull's cursor is noted to see where each starts.
    const cursors: Array<string | null> = [];
    let pulls = 0;
    let dropAfter: number | null = 2;
    const desk = await openDesk(temp.root, 'a', {
      engine: { listen: false, pullLimit: 3 },
      backend: (url) =>
        createHttpBackend(url, {
          fetch: async (input, init) => {
            if (String(input).endsWith('/sync/pull')) {
              cursors.push((JSON.parse(String(init?.body)) as { cursor: string | null }).cursor);
              pulls += 1;
              if (dropAfter !== null && pulls > dropAfter) throw new TypeError('fetch failed');
            }
            return fetch(input, init);
          },
        }),
    });
    desks.push(desk);
    await desk.signIn(shop, 'admin@shop.test');
    const interrupted = await desk.ok<SyncStatus>('sync.now');
    expect(interrupted).toMatchObject({ connection: 'offline', lastError: expect.stringContaining("can't be reached") });
    // 2 stores + 4 staff + 7 orders = 13 rows; two pages of 3 arrived before the drop.
    expect(interrupted.firstPull).toMatchObject({ received: 6, total: 13 });
    const progress = desk.events
      .filter(({ event }) => event === 'sync.changed')
      .map(({ payload }) => (payload as SyncStatus).firstPull?.received)
      .filter((received) => received !== undefined);
    expect(progress).toEqual(expect.arrayContaining([3, 6]));
    // What the two pages brought is kept (rows come in version order: the stores and staff first).
    const store = desk.host.current().app.ctx.store;
    const count = (table: string) => store.selectOne<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)!.n;
    expect(count('stores')).toBe(2);
    expect((await desk.ok<OrderListOutput>('orders.list', { view: 'all', limit: 200 })).rows.length).toBeLessThan(7);

    // Back online: the download resumes from the saved cursor, not from the start.
    dropAfter = null;
    const resumedFrom = cursors.length;
    const done = await desk.ok<SyncStatus>('sync.now');
    expect(done).toMatchObject({ connection: 'online', firstPull: null, lastError: null });
    expect(cursors[resumedFrom]).not.toBeNull();
    expect(cursors[resumedFrom]).toBe(cursors[resumedFrom - 1]);
    expect((await desk.ok<OrderListOutput>('orders.list', { view: 'all', limit: 200 })).rows).toHaveLength(7);
  });
});
