import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressSnapshotSchema, orderListOutputSchema, uuidSchema, type OrderListOutput } from '../../shared/contract/schemas.js';
import { usAddressSchema } from '../../shared/domain/address.js';
import { deriveFulfillmentStatus, type FulfillmentStatus } from '../../shared/domain/fulfillment.js';
import { ORDER_STATUSES } from '../../shared/domain/order-status.js';
import { derivePaymentStatus, isPaid, PAYMENT_STATUSES } from '../../shared/domain/payment.js';
import { QUEUES, queueOf } from '../../shared/domain/queue.js';
import { checkTracking, type Carrier } from '../../shared/domain/tracking.js';
import { openStore } from '../open.js';
import { listQueue } from '../queries/queue.js';
import { Scope } from '../../shared/domain/scope.js';
import { refreshOrderSearch } from '../queries/search.js';
import type { Order } from '../schema.js';
import type { OrderStore } from '../store.js';
import { ADMIN_EMAIL, DEFAULT_SEED_NOW, seedMarketplace, type SeedSummary } from './generate.js';

const ORDERS = 2000;
let dir: string;
let store: OrderStore;
let summary: SeedSummary;
const progress: number[] = [];

function tableHash(s: OrderStore, table: string): string {
  const rows = s.sqlite.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).raw().all();
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

function seeded(name: string, options: Parameters<typeof seedMarketplace>[1]): { store: OrderStore; summary: SeedSummary } {
  const s = openStore(path.join(dir, name));
  return { store: s, summary: seedMarketplace(s, options) };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'order-desk-seed-'));
  ({ store, summary } = seeded('main.sqlite', { orders: ORDERS, seed: 42, batchSize: 500, onProgress: (n) => progress.push(n) }));
});

afterAll(() => {
  store?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const orders = (): Order[] => store.all(store.q.selectFrom('orders').selectAll().orderBy('id'));

describe('seedMarketplace', () => {
  it('returns a summary that matches the tables, with the admin as user 1', () => {
    const count = (table: string) => (store.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect(summary.orders).toBe(ORDERS);
    expect(count('orders')).toBe(ORDERS);
    expect(summary.stores).toBe(count('stores'));
    expect(summary.users).toBe(count('users'));
    expect(summary.adminUserId).toBe(1);
    const admin = store.prepare('SELECT * FROM users WHERE id = 1').get() as { email: string; name: string; role: string };
    expect(admin).toMatchObject({ email: ADMIN_EMAIL, name: 'Avery Admin', role: 'admin' });
    expect(summary.storeIds).toHaveLength(summary.stores);
    expect(summary.sellerUserIds).toHaveLength(summary.stores);
    for (const [i, sellerId] of summary.sellerUserIds.entries()) {
      const member = store.prepare('SELECT store_id FROM store_members WHERE user_id = ?').pluck().all(sellerId);
      expect(member).toEqual([summary.storeIds[i]]);
      const seller = store.prepare('SELECT role, email FROM users WHERE id = ?').get(sellerId) as { role: string; email: string };
      expect(seller.role).toBe('seller');
      expect(seller.email).toMatch(/^seller@[a-z0-9-]+\.example\.com$/);
    }
    expect(count('users') - 1 - summary.stores).toBe(ORDERS / 4);
    expect(progress.at(-1)).toBe(ORDERS);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('is deterministic: the same options give identical tables, another seed does not', () => {
    const again = seeded('again.sqlite', { orders: ORDERS, seed: 42 });
    const other = seeded('other.sqlite', { orders: ORDERS, seed: 43 });
    try {
      for (const table of ['orders', 'order_items', 'shipments', 'order_events', 'addresses', 'users', 'products']) {
        expect(tableHash(again.store, table), table).toBe(tableHash(store, table));
      }
      expect(tableHash(other.store, 'orders')).not.toBe(tableHash(store, 'orders'));
    } finally {
      again.store.close();
      other.store.close();
    }
  });

  // The load runs with CHECK enforcement off; integrity_check verifies every CHECK constraint
  // (and NOT NULL) row by row, so this is what proves the generator's rows obey the schema.
  it('leaves the store as migrated: integrity (every CHECK constraint), foreign keys, openStore settings', () => {
    expect(store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(store.sqlite.pragma('foreign_key_check')).toEqual([]);
    const fresh = openStore(path.join(dir, 'settings.sqlite'));
    try {
      for (const name of ['journal_mode', 'synchronous', 'foreign_keys', 'locking_mode', 'cache_size', 'temp_store', 'ignore_check_constraints']) {
        expect(store.sqlite.pragma(name, { simple: true }), name).toEqual(fresh.sqlite.pragma(name, { simple: true }));
      }
    } finally {
      fresh.close();
    }
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.sqlite.pragma('ignore_check_constraints', { simple: true })).toBe(0);
  });

  it('keeps the schema byte for byte: the dropped secondary indexes come back as the migrations wrote them', () => {
    const schema = (s: OrderStore) => s.sqlite.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name').all();
    const fresh = openStore(path.join(dir, 'schema.sqlite'));
    try {
      expect(schema(store)).toEqual(schema(fresh));
      const indexes = store.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'orders_customer'").pluck().get();
      expect(indexes).toBe(1);
    } finally {
      fresh.close();
    }
  });

  it('shares the file once done: another connection can read and write while the store stays open', () => {
    const other = openStore(path.join(dir, 'main.sqlite'));
    try {
      expect(other.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(ORDERS);
      other.transaction(() => other.prepare("INSERT INTO sync_state (key, value) VALUES ('seed-test', 'x')").run());
      expect(store.prepare("SELECT value FROM sync_state WHERE key = 'seed-test'").pluck().get()).toBe('x');
      store.transaction(() => store.prepare("DELETE FROM sync_state WHERE key = 'seed-test'").run());
    } finally {
      other.close();
    }
  });

  it('restores indexes and settings when the load fails part-way', () => {
    const s = openStore(path.join(dir, 'failed.sqlite'));
    const fresh = openStore(path.join(dir, 'failed-reference.sqlite'));
    try {
      expect(() =>
        seedMarketplace(s, {
          orders: 300,
          seed: 7,
          batchSize: 100,
          onProgress: (done) => {
            if (done >= 200) throw new Error('stop here');
          },
        }),
      ).toThrow('stop here');
      const schema = (x: OrderStore) => x.sqlite.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name').all();
      expect(schema(s)).toEqual(schema(fresh));
      expect(s.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(200);
      expect(s.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      for (const name of ['journal_mode', 'synchronous', 'foreign_keys', 'locking_mode', 'ignore_check_constraints']) {
        expect(s.sqlite.pragma(name, { simple: true }), name).toEqual(fresh.sqlite.pragma(name, { simple: true }));
      }
    } finally {
      s.close();
      fresh.close();
    }
  });

  it("writes each order's search row exactly as refreshOrderSearch (searchDocument) would", () => {
    // The index is contentless, so compare what it holds: every token with its order, column
    // and position, before and after rewriting every row through the write path.
    store.sqlite.exec("CREATE VIRTUAL TABLE temp.search_terms USING fts5vocab(main, 'order_search', 'instance')");
    const terms = () => store.sqlite.prepare('SELECT term, doc, col, offset FROM temp.search_terms ORDER BY doc, col, offset').raw().all();
    try {
      const seededTerms = terms();
      expect(seededTerms.length).toBeGreaterThan(ORDERS * 8);
      store.transaction(() => {
        for (const id of store.prepare('SELECT id FROM orders ORDER BY id').pluck().all() as number[]) refreshOrderSearch(store, id);
      });
      expect(terms()).toEqual(seededTerms);
    } finally {
      store.sqlite.exec('DROP TABLE temp.search_terms');
    }
  });

  it('covers every status, payment status, fulfilment status and queue', () => {
    const all = orders();
    const seen = (pick: (o: Order) => string) => new Set(all.map(pick));
    expect([...seen((o) => o.status)].sort()).toEqual([...ORDER_STATUSES].sort());
    expect([...seen((o) => o.payment_status)].sort()).toEqual([...PAYMENT_STATUSES].sort());
    expect([...seen((o) => o.queue)].sort()).toEqual([...QUEUES].sort());
    expect([...seen((o) => o.fulfillment_status)].sort()).toEqual(['fulfilled', 'partially_fulfilled', 'unfulfilled']);
    expect(all.some((o) => o.payment_failed === 1)).toBe(true);
    expect(all.some((o) => o.on_hold === 1 && o.hold_reason && o.held_at && o.held_by)).toBe(true);
    expect(all.some((o) => o.status === 'cancelled' && o.cancellation_reason && o.cancelled_at && o.cancelled_by)).toBe(true);
    // Partially fulfilled with a shipment, still to pack.
    const partial = all.filter((o) => o.status === 'processing' && o.fulfillment_status === 'partially_fulfilled');
    const withShipment = partial.filter((o) => store.prepare('SELECT 1 FROM shipments WHERE order_id = ?').get(o.id));
    expect(withShipment.length).toBeGreaterThan(0);
    const multiStore = store.prepare('SELECT count(*) FROM (SELECT order_id FROM order_stores GROUP BY order_id HAVING count(*) > 1)').pluck().get() as number;
    expect(multiStore / ORDERS).toBeGreaterThan(0.05);
    expect(multiStore / ORDERS).toBeLessThan(0.15);
    const notes = all.filter((o) => o.customer_note !== null).length / ORDERS;
    expect(notes).toBeGreaterThan(0.05);
    expect(notes).toBeLessThan(0.15);
  });

  it('derives payment, fulfilment and queue with the domain functions, for every order', () => {
    const items = store.prepare('SELECT * FROM order_items WHERE order_id = ? ORDER BY id');
    const shipped = store.prepare('SELECT coalesce(sum(quantity), 0) FROM shipment_items WHERE order_item_id = ?').pluck();
    const orderStores = store.prepare('SELECT store_id, queue, placed_at FROM order_stores WHERE order_id = ?');
    for (const o of orders()) {
      const payment = derivePaymentStatus({
        totalCents: o.total_cents,
        capturedCents: o.captured_cents,
        refundedCents: o.refunded_cents,
        failed: o.payment_failed === 1,
      });
      expect(o.payment_status, o.number).toBe(payment);
      const lines = items.all(o.id) as Array<{ id: number; store_id: number; quantity: number; fulfilled_quantity: number; returned_quantity: number; packed_quantity: number; is_digital: number }>;
      expect(lines.length).toBeGreaterThanOrEqual(1);
      expect(lines.length).toBeLessThanOrEqual(4);
      const fulfillment: FulfillmentStatus = deriveFulfillmentStatus(
        lines.map((l) => ({ id: l.id, quantity: l.quantity, fulfilledQuantity: l.fulfilled_quantity, returnedQuantity: l.returned_quantity, isDigital: l.is_digital === 1 })),
        isPaid(payment),
      );
      expect(o.fulfillment_status, o.number).toBe(fulfillment);
      expect(o.queue, o.number).toBe(queueOf({ status: o.status, onHold: o.on_hold === 1 }));
      for (const l of lines) {
        expect(l.fulfilled_quantity, `${o.number} item ${l.id}`).toBe(shipped.get(l.id));
        expect(l.returned_quantity).toBeLessThanOrEqual(l.fulfilled_quantity);
        expect(l.packed_quantity).toBeGreaterThanOrEqual(l.fulfilled_quantity);
      }
      const rows = orderStores.all(o.id) as Array<{ store_id: number; queue: string; placed_at: number }>;
      expect(rows.map((r) => r.store_id).sort()).toEqual([...new Set(lines.map((l) => l.store_id))].sort());
      for (const r of rows) expect(r).toMatchObject({ queue: o.queue, placed_at: o.placed_at });
      // Status and timestamps tell one story.
      if (o.status === 'shipped' || o.status === 'delivered') expect(o.fulfillment_status).toBe('fulfilled');
      if (o.status === 'returned') expect(lines.some((l) => l.returned_quantity > 0)).toBe(true);
      if (o.status === 'pending') expect(o.captured_cents).toBe(0);
      if (o.shipped_at !== null) expect(o.shipped_at).toBeGreaterThanOrEqual(o.placed_at);
      if (o.delivered_at !== null) expect(o.delivered_at).toBeLessThanOrEqual(DEFAULT_SEED_NOW);
      expect(o.updated_at).toBeGreaterThanOrEqual(o.placed_at);
      expect(o.updated_at).toBeLessThanOrEqual(DEFAULT_SEED_NOW);
    }
  });

  it('keeps money consistent: totals add up, nothing negative, refunds within captures', () => {
    const lineTotal = store.prepare('SELECT sum(quantity * unit_price_cents) FROM order_items WHERE order_id = ?').pluck();
    for (const o of orders()) {
      expect(o.subtotal_cents).toBe(lineTotal.get(o.id));
      expect(o.total_cents).toBe(o.subtotal_cents + o.shipping_cents + o.tax_cents - o.discount_cents);
      for (const cents of [o.subtotal_cents, o.shipping_cents, o.tax_cents, o.discount_cents, o.total_cents, o.captured_cents, o.refunded_cents]) {
        expect(Number.isSafeInteger(cents) && cents >= 0, o.number).toBe(true);
      }
      expect(o.refunded_cents).toBeLessThanOrEqual(o.captured_cents);
      expect([0, o.total_cents]).toContain(o.captured_cents);
      if (o.payment_status === 'paid' || o.payment_status === 'partially_refunded' || o.payment_status === 'refunded') {
        expect(o.paid_at).not.toBeNull();
      }
    }
  });

  it('gives every customer exactly one default address per type, all valid US addresses', () => {
    const badDefaults = store
      .prepare('SELECT user_id, type, sum(is_default) AS n FROM addresses GROUP BY user_id, type HAVING n <> 1')
      .all();
    expect(badDefaults).toEqual([]);
    const customersWithout = store
      .prepare(
        "SELECT count(*) FROM users u WHERE u.role = 'customer' AND (SELECT count(DISTINCT type) FROM addresses a WHERE a.user_id = u.id AND a.is_default = 1) <> 2",
      )
      .pluck()
      .get();
    expect(customersWithout).toBe(0);
    for (const a of store.prepare('SELECT * FROM addresses').all() as Array<Record<string, unknown>>) {
      expect(usAddressSchema.safeParse(a).success, JSON.stringify(a)).toBe(true);
    }
    const labels = new Set(store.prepare('SELECT DISTINCT label FROM addresses').pluck().all());
    expect(labels.has('Home')).toBe(true);
    expect(labels.has('Work')).toBe(true);
  });

  it('stores address snapshots that pass usAddressSchema and the contract snapshot schema', () => {
    for (const o of orders()) {
      const snapshots = [o.billing_address, o.shipping_address].filter((s): s is string => s !== null);
      for (const text of snapshots) {
        const parsed = JSON.parse(text) as unknown;
        expect(usAddressSchema.safeParse(parsed).success, text).toBe(true);
        expect(addressSnapshotSchema.safeParse(parsed).success, text).toBe(true);
      }
      const physical = store.prepare('SELECT count(*) FROM order_items WHERE order_id = ? AND is_digital = 0').pluck().get(o.id) as number;
      expect(o.shipping_address === null).toBe(physical === 0);
    }
  });

  it('makes unique SH- numbers and ids rising with placed_at, over about 400 days', () => {
    const all = orders();
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1]!, all[i]!];
      expect(b.placed_at).toBeGreaterThanOrEqual(a.placed_at);
      expect(Number(b.number.slice(3))).toBeGreaterThan(Number(a.number.slice(3)));
    }
    for (const o of all) expect(o.number).toMatch(/^SH-\d{7}$/);
    const spanDays = (all.at(-1)!.placed_at - all[0]!.placed_at) / 86_400_000;
    expect(spanDays).toBeGreaterThan(350);
    expect(spanDays).toBeLessThanOrEqual(400);
  });

  it('makes shipments with UUID ids and tracking numbers that checkTracking accepts', () => {
    const shipments = store.prepare('SELECT * FROM shipments').all() as Array<{ id: string; carrier: Carrier; carrier_name: string; tracking_number: string; tracking_url: string }>;
    expect(shipments.length).toBeGreaterThan(ORDERS / 2);
    expect(new Set(shipments.map((s) => s.carrier))).toEqual(new Set(['ups', 'usps', 'fedex', 'dhl']));
    for (const s of shipments) {
      expect(s.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(uuidSchema.safeParse(s.id).success).toBe(true);
      const checked = checkTracking({ carrier: s.carrier, trackingNumber: s.tracking_number });
      expect(checked.ok).toBe(true);
      if (checked.ok) {
        expect(s.tracking_number).toBe(checked.value.trackingNumber);
        expect(s.tracking_url).toBe(checked.value.trackingUrl);
        expect(s.carrier_name).toBe(checked.value.carrierName);
      }
    }
    expect(new Set(shipments.map((s) => s.tracking_number)).size).toBe(shipments.length);
  });

  it('writes a timeline for every order, starting with placed', () => {
    const kinds = new Set(store.prepare('SELECT DISTINCT kind FROM order_events').pluck().all());
    for (const kind of ['placed', 'paid', 'payment_failed', 'shipped', 'delivered', 'hold_placed', 'cancelled', 'refunded', 'returned']) {
      expect(kinds.has(kind), kind).toBe(true);
    }
    const first = store.prepare('SELECT kind, at FROM order_events WHERE order_id = ? ORDER BY id LIMIT 1');
    const ordered = store.prepare('SELECT count(*) FROM order_events a JOIN order_events b ON a.order_id = b.order_id AND a.id < b.id AND a.at > b.at').pluck();
    expect(ordered.get()).toBe(0);
    for (const o of orders()) {
      expect(first.get(o.id), o.number).toEqual({ kind: 'placed', at: o.placed_at });
    }
  });

  it("tags each store's entries (parcels, deliveries, returned items) with that store and the order's with none", () => {
    const q = (sql: string) => store.prepare(sql).pluck().get() as number;
    // Every parcel entry names its parcel's store; every returned entry only that store's items.
    expect(q(`SELECT count(*) FROM order_events e JOIN shipments s ON s.id = e.data ->> '$.shipmentId'
              WHERE e.kind IN ('shipped', 'delivered') AND e.store_id IS NOT s.store_id`)).toBe(0);
    expect(q(`SELECT count(*) FROM order_events e, json_each(e.data, '$.items') j JOIN order_items i ON i.id = j.value ->> '$.itemId'
              WHERE e.kind = 'returned' AND e.store_id IS NOT i.store_id`)).toBe(0);
    expect(q("SELECT count(*) FROM order_events WHERE kind = 'returned'")).toBeGreaterThan(0);
    expect(q(`SELECT count(*) FROM order_events WHERE store_id IS NULL
              AND (kind IN ('shipped', 'returned') OR (kind = 'delivered' AND data ->> '$.shipmentId' IS NOT NULL))`)).toBe(0);
    expect(q(`SELECT count(*) FROM order_events WHERE store_id IS NOT NULL AND kind NOT IN ('shipped', 'delivered', 'returned')`)).toBe(0);
    expect(q('SELECT count(*) FROM order_events e WHERE store_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM order_stores os WHERE os.order_id = e.order_id AND os.store_id = e.store_id)')).toBe(0);
  });

  it('marks demo stores', () => {
    const demo = seeded('demo.sqlite', { orders: 30, seed: 1, demo: true });
    try {
      const stores = demo.store.prepare('SELECT name, is_demo FROM stores').all() as Array<{ name: string; is_demo: number }>;
      expect(stores.length).toBe(demo.summary.stores);
      for (const s of stores) {
        expect(s.is_demo).toBe(1);
        expect(s.name.startsWith('Demo · ')).toBe(true);
      }
      expect(demo.summary.users).toBe(1 + demo.summary.stores + 20);
    } finally {
      demo.store.close();
    }
  });

  // Through db/queries (what the orders.list handler calls); db/ may not import electron/main.
  describe('search through listQueue', () => {
    const search = (text: string): OrderListOutput =>
      orderListOutputSchema.parse(
        listQueue(store, { view: 'all', stores: Scope.everyStore(), scope: Scope.everyStore(), search: text, sort: 'newest', limit: 200, now: DEFAULT_SEED_NOW, stationId: 'test' }),
      );
    const sample = () => orders().filter((_, i) => i % 97 === 13);

    it('finds an order by its number', () => {
      for (const o of sample()) expect(search(o.number).rows.map((r) => r.id)).toContain(o.id);
    });

    it("finds an order by its customer's email", () => {
      for (const o of sample()) {
        const found = search(o.customer_email);
        expect(found.rows.map((r) => r.customerEmail)).toContain(o.customer_email);
        const all = store.prepare('SELECT id FROM orders WHERE customer_email = ? ORDER BY id DESC LIMIT 200').pluck().all(o.customer_email);
        for (const id of all) expect(found.rows.map((r) => r.id)).toContain(id);
      }
    });

    it('finds an order by a SKU and by a tracking number', () => {
      const shipment = store.prepare('SELECT order_id, tracking_number FROM shipments ORDER BY order_id DESC LIMIT 1').get() as {
        order_id: number;
        tracking_number: string;
      };
      expect(search(shipment.tracking_number).rows.map((r) => r.id)).toContain(shipment.order_id);
      const item = store.prepare('SELECT order_id, sku FROM order_items ORDER BY order_id DESC LIMIT 1').get() as { order_id: number; sku: string };
      expect(search(item.sku).rows.map((r) => r.id)).toContain(item.order_id);
    });
  });
});
