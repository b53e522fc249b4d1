/**
 * The desk-side baselines of the sync figures: the same pulled rows written straight into the
 * desk's schema with plain prepared INSERTs (orders, store links, items, parcels, timeline, search
 * row, cursor), one transaction per page, no parsing, rules or rebase. Adapted from h-apply's
 * tests/bench/sync-apply.ts, which measures applyPulledPage alone against the same INSERTs.
 *
 * The rows are read raw from the shop's SQLite file, in version order, a page at a time, so the
 * baseline moves exactly the rows the desk received.
 */
import Sqlite from 'better-sqlite3';
import { openStore } from '../../db/open.js';
import { searchDocument } from '../../db/queries/search.js';
import type { OrderDoc } from '../../shared/contract/sync-protocol.js';

/** Inserts pages of docs into a fresh desk store at `file`; answers the time spent writing. */
export function insertDirect(shopFile: string, deskFile: string, options: { pageSize: number; orderIds?: readonly number[] }): { ms: number; orders: number } {
  const shop = new Sqlite(shopFile, { readonly: true });
  const store = openStore(deskFile);
  try {
    const s = store.sqlite;
    const insertStore = s.prepare('INSERT OR IGNORE INTO stores (id, slug, name, is_demo, created_at) VALUES (?, ?, ?, 0, 0)');
    for (const st of shop.prepare('SELECT id, slug, name FROM stores').all() as Array<{ id: number; slug: string; name: string }>) insertStore.run(st.id, st.slug, st.name);
    const insertUser = s.prepare('INSERT OR IGNORE INTO users (id, email, name, phone, sms_consent, role, created_at) VALUES (?, ?, ?, ?, 0, ?, 0)');
    for (const u of shop.prepare('SELECT id, email, name, role FROM users').all() as Array<{ id: number; email: string; name: string; role: string }>) {
      insertUser.run(u.id, u.email, u.name, null, u.role);
    }
    const order = s.prepare(
      `INSERT OR REPLACE INTO orders (id, number, customer_id, customer_name, customer_email, customer_phone, status, fulfillment_status, payment_status, queue,
         on_hold, billing_address, shipping_address, shipping_method, subtotal_cents, shipping_cents, tax_cents, discount_cents, total_cents,
         captured_cents, refunded_cents, stripe_payment_intent_id, placed_at, paid_at, fulfilled_at, shipped_at, server_version, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
    );
    const orderStore = s.prepare('INSERT OR REPLACE INTO order_stores (order_id, store_id, queue, placed_at) VALUES (?, ?, ?, ?)');
    const item = s.prepare(
      `INSERT OR REPLACE INTO order_items (id, order_id, store_id, title, sku, barcode, is_digital, quantity, unit_price_cents, packed_quantity, fulfilled_quantity)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const shipment = s.prepare(
      `INSERT OR REPLACE INTO shipments (id, order_id, store_id, carrier, carrier_name, tracking_number, tracking_url, method, shipped_at, created_by, station_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const line = s.prepare('INSERT OR REPLACE INTO shipment_items (shipment_id, order_item_id, quantity) VALUES (?, ?, ?)');
    const event = s.prepare(
      'INSERT OR REPLACE INTO order_events (id, order_id, at, actor_id, actor_name, station_id, station_name, kind, data, store_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const search = s.prepare('INSERT OR REPLACE INTO order_search (rowid, number, customer, email, skus, tracking) VALUES (?, ?, ?, ?, ?, ?)');
    const cursor = s.prepare("INSERT INTO sync_state (key, value) VALUES ('pull.cursor', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    const writePage = (rows: Array<{ doc: string; version: number }>, page: number) => store.transaction(() => {
      for (const { doc, version } of rows) {
        const d = JSON.parse(doc) as OrderDoc;
        insertUser.run(d.customer.id, d.customer.email, d.customer.name, d.customer.phone, 'customer');
        const queue = d.status === 'shipped' || d.status === 'delivered' ? 'shipped' : 'to_pack';
        order.run(
          d.id, d.number, d.customer.id, d.customer.name, d.customer.email, d.customer.phone, d.status, d.fulfillmentStatus, d.paymentStatus, queue,
          JSON.stringify(d.billingAddress), JSON.stringify(d.shippingAddress), d.shippingMethod, d.subtotalCents, d.shippingCents, d.taxCents,
          d.discountCents, d.totalCents, d.capturedCents, d.refundedCents, d.stripePaymentIntentId, d.placedAt, d.paidAt, d.fulfilledAt, d.shippedAt,
          version,
        );
        for (const storeId of d.storeIds) orderStore.run(d.id, storeId, queue, d.placedAt);
        for (const i of d.items) item.run(i.id, d.id, i.storeId, i.title, i.sku, i.barcode, i.isDigital ? 1 : 0, i.quantity, i.unitPriceCents, i.packedQuantity, i.fulfilledQuantity);
        for (const p of d.shipments) {
          shipment.run(p.id, d.id, p.storeId, p.carrier, p.carrierName, p.trackingNumber, p.trackingUrl, p.method, p.shippedAt, p.createdBy, p.stationId);
          for (const l of p.items) line.run(p.id, l.itemId, l.quantity);
        }
        for (const e of d.events) event.run(e.id, d.id, e.at, e.actorId, e.actorName, e.stationId, e.stationName, e.kind, JSON.stringify(e.data), e.storeId);
        search.run(
          d.id,
          ...searchDocument({ number: d.number, customerName: d.customer.name, email: d.customer.email, skus: d.items.map((i) => i.sku), trackingNumbers: d.shipments.map((p) => p.trackingNumber) }),
        );
      }
      cursor.run(`page-${page}`);
    });

    const started = performance.now();
    let orders = 0;
    if (options.orderIds) {
      const byId = shop.prepare('SELECT doc, version FROM orders WHERE id = ?');
      for (let i = 0, page = 0; i < options.orderIds.length; i += options.pageSize, page++) {
        const rows = options.orderIds.slice(i, i + options.pageSize).map((id) => byId.get(id) as { doc: string; version: number });
        writePage(rows, page);
        orders += rows.length;
      }
    } else {
      const next = shop.prepare('SELECT doc, version FROM orders WHERE version > ? ORDER BY version LIMIT ?');
      for (let after = 0, page = 0; ; page++) {
        const rows = next.all(after, options.pageSize) as Array<{ doc: string; version: number }>;
        if (rows.length === 0) break;
        writePage(rows, page);
        orders += rows.length;
        after = rows[rows.length - 1]!.version;
      }
    }
    return { ms: performance.now() - started, orders };
  } finally {
    store.close();
    shop.close();
  }
}
