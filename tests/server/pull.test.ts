import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pullResponseSchema, pulledRowSchema, type PullResponse, type PulledRow } from '../../shared/contract/sync-protocol.js';
import { nextVersion } from '../../server/db/versions.js';
import { addMembership } from '../../server/staff-admin.js';
import { orderDoc, putOrder } from './docs.js';
import { BACKENDS, bearer, startShop, type Shop } from './harness.js';

type Ok = Extract<PullResponse, { status: 'ok' }>;

async function pullPage(shop: Shop, token: string, cursor: string | null, limit = 1000, clientId = randomUUID()): Promise<PullResponse> {
  const answer = await shop.call('POST', '/sync/pull', { clientId, cursor, limit }, bearer(token));
  expect(answer.status).toBe(200);
  return pullResponseSchema.parse(answer.body);
}

function ok(response: PullResponse): Ok {
  if (response.status !== 'ok') throw new Error(`expected ok, got reset: ${response.reason}`);
  return response;
}

/** Pulls until `more` is false; every page's rows, parsed. */
async function pullAll(shop: Shop, token: string, limit: number): Promise<{ pages: Ok[]; rows: PulledRow[]; cursor: string }> {
  const pages: Ok[] = [];
  let cursor: string | null = null;
  for (;;) {
    const page = ok(await pullPage(shop, token, cursor, limit));
    pages.push(page);
    cursor = page.cursor;
    if (!page.more) break;
    expect(pages.length).toBeLessThan(200);
  }
  return { pages, rows: pages.flatMap((page) => page.rows.map((row) => pulledRowSchema.parse(row))), cursor: cursor ?? '' };
}

const key = (row: PulledRow) => `${row.type}:${row.id}`;

describe.each(BACKENDS)('pull on $name', (backend) => {
  beforeAll(() => backend.start(), 60_000);
  afterAll(() => backend.stop());
  let shop: Shop;
  afterEach(async () => shop?.close());

  async function withOrders(): Promise<void> {
    const { north, south } = shop.stores;
    for (let id = 1; id <= 12; id++) await putOrder(shop.sdb, orderDoc(id, id % 3 === 0 ? [north, south] : id % 3 === 1 ? [north] : [south]));
  }

  it('pages an admin through everything once, in version order, with a count first and nothing after', async () => {
    shop = await startShop(backend);
    await withOrders();
    const admin = await shop.signIn('admin@shop.test');
    const { pages, rows, cursor } = await pullAll(shop, admin, 5);
    // 2 stores, 4 staff, 12 orders.
    expect(rows).toHaveLength(18);
    expect(new Set(rows.map(key)).size).toBe(18);
    const versions = rows.map((row) => row.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(pages.every((page) => page.rows.length <= 5)).toBe(true);
    expect(pages[0]?.remaining).toBe(13);
    expect(pages.at(-1)?.more).toBe(false);

    const idle = ok(await pullPage(shop, admin, cursor));
    expect(idle.rows).toEqual([]);
    expect(idle.more).toBe(false);

    // A change after the cursor comes next, and only it.
    await putOrder(shop.sdb, { ...orderDoc(4, [shop.stores.north]), onHold: true, holdReason: 'Address check', heldAt: 1, heldBy: shop.users.admin });
    const next = ok(await pullPage(shop, admin, cursor));
    expect(next.rows.map((row) => key(pulledRowSchema.parse(row)))).toEqual(['order:4']);
  });

  it("cuts a seller's pull to their stores: no other store's orders, item lines, stores or staff", async () => {
    shop = await startShop(backend);
    await withOrders();
    const nora = await shop.signIn('nora@shop.test');
    const { rows } = await pullAll(shop, nora, 3);
    const orders = rows.filter((row) => row.type === 'order');
    expect(orders.map((row) => row.id).sort((a, b) => a - b)).toEqual([1, 3, 4, 6, 7, 9, 10, 12]);
    const json = JSON.stringify(orders);
    // The shared orders' south lines never reach the north seller, nor does the south store's SKU.
    expect(json).not.toContain(`SKU-${shop.stores.south}-`);
    for (const row of orders) {
      if (row.op !== 'put') continue;
      const doc = row.data as { items: { storeId: number }[] };
      expect(doc.items.every((item) => item.storeId === shop.stores.north)).toBe(true);
    }
    expect(rows.filter((row) => row.type === 'store').map((row) => row.id)).toEqual([shop.stores.north]);
    const staff = rows.filter((row) => row.type === 'staff').map((row) => row.id);
    expect(staff.sort()).toEqual([shop.users.north, shop.users.both].sort());
    expect(JSON.stringify(rows)).not.toContain('sam@shop.test');
  });

  it('gives a seller who runs every store on an order the whole order, as an admin sees it', async () => {
    shop = await startShop(backend);
    await withOrders();
    const admin = (await pullAll(shop, await shop.signIn('admin@shop.test'), 1000)).rows;
    const bo = (await pullAll(shop, await shop.signIn('bo@shop.test'), 1000)).rows;
    const orders = (rows: PulledRow[]) => rows.filter((row) => row.type === 'order');
    expect(orders(bo)).toEqual(orders(admin));
    // ...and Nora's copy of a shared order is cut: not the admin's.
    const nora = (await pullAll(shop, await shop.signIn('nora@shop.test'), 1000)).rows;
    const shared = (rows: PulledRow[]) => rows.find((row) => row.type === 'order' && row.id === 3);
    expect(shared(nora)).not.toEqual(shared(admin));
  });

  it('sends tombstones only to readers who could see the order', async () => {
    shop = await startShop(backend);
    await shop.sdb.db.transaction().execute(async (trx) => {
      const version = await nextVersion(trx);
      await trx.insertInto('tombstones').values({ type: 'order', entity_id: 77, version, store_ids: JSON.stringify([shop.stores.south]) }).execute();
    });
    const sam = (await pullAll(shop, await shop.signIn('sam@shop.test'), 100)).rows;
    const nora = (await pullAll(shop, await shop.signIn('nora@shop.test'), 100)).rows;
    expect(sam).toContainEqual(expect.objectContaining({ op: 'del', type: 'order', id: 77 }));
    expect(nora.some((row) => row.op === 'del')).toBe(false);
  });

  it('answers reset for a cursor from another server, from a restored (older) server, from another scope, or unreadable', async () => {
    shop = await startShop(backend);
    await withOrders();
    const nora = await shop.signIn('nora@shop.test');
    const { cursor } = await pullAll(shop, nora, 1000);

    const other = await startShop(backend);
    try {
      const foreign = await pullPage(other, await other.signIn('nora@shop.test'), cursor);
      expect(foreign).toMatchObject({ status: 'reset', reason: expect.stringMatching(/another server/) });
    } finally {
      await other.close();
    }

    expect(await pullPage(shop, nora, 'garbage')).toMatchObject({ status: 'reset' });
    expect(await pullPage(shop, nora, `${cursor}x`)).toMatchObject({ status: 'reset' });

    // Someone else's cursor (another scope) is not honoured.
    expect(await pullPage(shop, await shop.signIn('sam@shop.test'), cursor)).toMatchObject({ status: 'reset' });

    // Restored from a backup taken before the last writes: the cursor is ahead of the server.
    await shop.sdb.db.updateTable('meta').set({ version: 3 }).execute();
    expect(await pullPage(shop, nora, cursor)).toMatchObject({ status: 'reset', reason: expect.stringMatching(/backup/) });
  });

  it("answers reset when the seller's stores change, and the full re-pull then holds the new store", async () => {
    shop = await startShop(backend);
    await withOrders();
    const nora = await shop.signIn('nora@shop.test');
    const { cursor } = await pullAll(shop, nora, 1000);
    await addMembership(shop.sdb.db, shop.users.north, shop.stores.south);
    expect(await pullPage(shop, nora, cursor)).toMatchObject({ status: 'reset' });
    const { rows } = await pullAll(shop, nora, 1000);
    expect(rows.filter((row) => row.type === 'order')).toHaveLength(12);
  });

  it('refuses a malformed pull with 400 and field errors', async () => {
    shop = await startShop(backend);
    const admin = await shop.signIn('admin@shop.test');
    const answer = await shop.call('POST', '/sync/pull', { clientId: 'not-a-uuid', cursor: null, limit: 0 }, bearer(admin));
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: 'INVALID_INPUT', fields: { clientId: expect.any(String), limit: expect.any(String) } } });
  });
});
