/**
 * How fast a desk applies pulled pages: N orders (default 50,000) in pages of 1,000, into an empty
 * store, through applyPulledPage (parse, write, derive, search row, cursor), beside a baseline of
 * the same rows inserted directly with plain INSERTs in the same page transactions.
 *
 *   npx tsx tests/bench/sync-apply.ts [orders]
 *
 * Prints one JSON line. Not part of `npm run bench` yet: the end-to-end initial-pull figure (over
 * loopback HTTP from the server) is the sync engine's; this isolates the desk's share of it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../db/open.js';
import { searchDocument } from '../../db/queries/search.js';
import type { OrderStore } from '../../db/store.js';
import { createApp } from '../../electron/main/app/create-app.js';
import { applyPulledPage } from '../../electron/main/app/sync/rebase.js';
import type { OrderDoc, StaffDoc, StoreDoc } from '../../shared/contract/sync-protocol.js';

const ORDERS = Number(process.argv[2] ?? 50_000);
const PAGE = 1000;
const START = Date.UTC(2026, 0, 1);

const stores: StoreDoc[] = Array.from({ length: 8 }, (_, i) => ({ id: i + 1, slug: `store-${i + 1}`, name: `Store ${i + 1}` }));
const staff: StaffDoc[] = [
  { id: 1, name: 'Ada Admin', email: 'admin@example.com', role: 'admin', storeIds: [] },
  ...stores.map((s, i) => ({ id: i + 2, name: `Seller ${i + 1}`, email: `seller${i + 1}@example.com`, role: 'seller' as const, storeIds: [s.id] })),
];

const address = { name: 'Casey Customer', street: '12 Elm St', street2: null, city: 'Portland', state: 'OR' as const, zip: '97201', country: 'US' as const, phone: null };

/** A deterministic, realistic order: 1-3 items of one or two stores; two in three shipped, with their timeline. */
function makeDoc(n: number): OrderDoc {
  const id = n + 1;
  const placedAt = START + n * 60_000;
  const itemCount = 1 + (n % 3);
  const storeOf = (k: number) => 1 + ((n + (k === 2 ? 1 : 0)) % 8);
  const shipped = n % 3 !== 0;
  const items = Array.from({ length: itemCount }, (_, k) => ({
    id: id * 4 + k,
    storeId: storeOf(k),
    productId: null,
    title: `Product ${(n * 7 + k) % 500}`,
    sku: `SKU-${(n * 7 + k) % 500}`,
    barcode: `0${(n * 7 + k) % 500}`,
    isDigital: false,
    quantity: 1 + (k % 2),
    unitPriceCents: 1500,
    packedQuantity: shipped ? 1 + (k % 2) : 0,
    fulfilledQuantity: shipped ? 1 + (k % 2) : 0,
    returnedQuantity: 0,
  }));
  const subtotal = items.reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0);
  const byStore = new Map<number, typeof items>();
  for (const item of items) byStore.set(item.storeId, [...(byStore.get(item.storeId) ?? []), item]);
  const shipments = shipped
    ? [...byStore].map(([storeId, lines], k) => ({
        id: `${String(id).padStart(8, '0')}-0000-4000-8000-${String(k).padStart(12, '0')}`,
        storeId,
        carrier: 'ups' as const,
        carrierName: 'UPS',
        trackingNumber: `1Z${String(id).padStart(10, '0')}${k}`,
        trackingUrl: `https://www.ups.com/track?tracknum=1Z${id}`,
        method: 'Ground',
        shippedAt: placedAt + 86_400_000,
        deliveredAt: null,
        createdBy: 1,
        stationId: 'bench-1',
        items: lines.map((line) => ({ itemId: line.id, quantity: line.quantity })),
      }))
    : [];
  const events = [
    { id: id * 8, at: placedAt, actorId: null, actorName: 'Storefront', stationId: null, stationName: null, kind: 'placed', data: {}, storeId: null },
    { id: id * 8 + 1, at: placedAt, actorId: null, actorName: 'Stripe', stationId: null, stationName: null, kind: 'paid', data: { amountCents: subtotal + 500 }, storeId: null },
    ...shipments.map((shipment, k) => ({
      id: id * 8 + 2 + k,
      at: shipment.shippedAt,
      actorId: 1,
      actorName: 'Ada Admin',
      stationId: 'bench-1',
      stationName: 'Bench 1',
      kind: 'shipped',
      data: { shipmentId: shipment.id, trackingNumber: shipment.trackingNumber },
      storeId: shipment.storeId,
    })),
  ];
  return {
    id,
    number: `SH-${1_000_000 + id}`,
    storeIds: [...byStore.keys()],
    customer: { id: 100 + (n % 5000), name: `Customer ${n % 5000}`, email: `customer${n % 5000}@example.com`, phone: null, smsConsent: false },
    status: shipped ? 'shipped' : 'processing',
    fulfillmentStatus: shipped ? 'fulfilled' : 'unfulfilled',
    paymentStatus: 'paid',
    onHold: false,
    holdReason: null,
    heldAt: null,
    heldBy: null,
    billingAddress: address,
    shippingAddress: address,
    shippingMethod: 'Ground',
    currency: 'USD',
    subtotalCents: subtotal,
    shippingCents: 500,
    taxCents: 0,
    discountCents: 0,
    totalCents: subtotal + 500,
    capturedCents: subtotal + 500,
    refundedCents: 0,
    paymentFailed: false,
    stripePaymentIntentId: `pi_${id}`,
    customerNote: null,
    estimatedDeliveryDate: null,
    cancellationReason: null,
    cancelledAt: null,
    cancelledBy: null,
    placedAt,
    paidAt: placedAt,
    fulfilledAt: shipped ? placedAt + 86_400_000 : null,
    shippedAt: shipped ? placedAt + 86_400_000 : null,
    deliveredAt: null,
    items,
    shipments,
    events,
    cancellationRequests: [],
    returnRequests: [],
  };
}

/** Pages as they arrive: JSON text, parsed per page like the engine's HTTP client does. */
function pages(): string[] {
  const out: string[] = [];
  for (let from = 0; from < ORDERS; from += PAGE) {
    const rows = [];
    for (let n = from; n < Math.min(ORDERS, from + PAGE); n++) rows.push({ op: 'put', type: 'order', id: n + 1, version: n + 100, data: makeDoc(n) });
    out.push(JSON.stringify(rows));
  }
  return out;
}

function freshStore(): { store: OrderStore; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'sync-apply-bench-'));
  const store = openStore(join(dir, 'desk.sqlite'));
  return {
    store,
    done: () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function measureApply(texts: string[]): number {
  const { store, done } = freshStore();
  try {
    const app = createApp(store, { logError: (message) => console.error(message) });
    applyPulledPage(app.ctx, [...stores.map((s) => ({ op: 'put', type: 'store', id: s.id, version: 1, data: s })), ...staff.map((s) => ({ op: 'put', type: 'staff', id: s.id, version: 2, data: s }))], {
      cursor: 'people',
    });
    const started = performance.now();
    texts.forEach((text, page) => {
      const result = applyPulledPage(app.ctx, JSON.parse(text) as unknown[], { cursor: `page-${page}` });
      if (result.quarantined > 0) throw new Error('the bench pages must apply cleanly');
    });
    return performance.now() - started;
  } finally {
    done();
  }
}

/** The baseline: the same rows, already in table form, inserted with plain INSERTs. */
function measureDirect(texts: string[]): number {
  const { store, done } = freshStore();
  try {
    const s = store.sqlite;
    const insertStore = s.prepare('INSERT INTO stores (id, slug, name, is_demo, created_at) VALUES (?, ?, ?, 0, 0)');
    for (const st of stores) insertStore.run(st.id, st.slug, st.name);
    const insertUser = s.prepare('INSERT OR IGNORE INTO users (id, email, name, phone, sms_consent, role, created_at) VALUES (?, ?, ?, ?, 0, ?, 0)');
    for (const person of staff) insertUser.run(person.id, person.email, person.name, null, person.role);
    const order = s.prepare(
      `INSERT INTO orders (id, number, customer_id, customer_name, customer_email, customer_phone, status, fulfillment_status, payment_status, queue,
         on_hold, billing_address, shipping_address, shipping_method, subtotal_cents, shipping_cents, tax_cents, discount_cents, total_cents,
         captured_cents, refunded_cents, stripe_payment_intent_id, placed_at, paid_at, fulfilled_at, shipped_at, server_version, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
    );
    const orderStore = s.prepare('INSERT INTO order_stores (order_id, store_id, queue, placed_at) VALUES (?, ?, ?, ?)');
    const item = s.prepare(
      `INSERT INTO order_items (id, order_id, store_id, title, sku, barcode, is_digital, quantity, unit_price_cents, packed_quantity, fulfilled_quantity)
       VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
    );
    const shipment = s.prepare(
      `INSERT INTO shipments (id, order_id, store_id, carrier, carrier_name, tracking_number, tracking_url, method, shipped_at, created_by, station_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const line = s.prepare('INSERT INTO shipment_items (shipment_id, order_item_id, quantity) VALUES (?, ?, ?)');
    const event = s.prepare(
      'INSERT INTO order_events (id, order_id, at, actor_id, actor_name, station_id, station_name, kind, data, store_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const search = s.prepare('INSERT INTO order_search (rowid, number, customer, email, skus, tracking) VALUES (?, ?, ?, ?, ?, ?)');
    const cursor = s.prepare("INSERT INTO sync_state (key, value) VALUES ('pull.cursor', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    const started = performance.now();
    texts.forEach((text, page) => {
      const rows = JSON.parse(text) as Array<{ data: OrderDoc; version: number }>;
      store.transaction(() => {
        for (const { data: d, version } of rows) {
          insertUser.run(d.customer.id, d.customer.email, d.customer.name, d.customer.phone, 'customer');
          const queue = d.status === 'shipped' ? 'shipped' : 'to_pack';
          order.run(
            d.id, d.number, d.customer.id, d.customer.name, d.customer.email, d.customer.phone, d.status, d.fulfillmentStatus, d.paymentStatus, queue,
            JSON.stringify(d.billingAddress), JSON.stringify(d.shippingAddress), d.shippingMethod, d.subtotalCents, d.shippingCents, d.taxCents,
            d.discountCents, d.totalCents, d.capturedCents, d.refundedCents, d.stripePaymentIntentId, d.placedAt, d.paidAt, d.fulfilledAt, d.shippedAt,
            version,
          );
          for (const storeId of d.storeIds) orderStore.run(d.id, storeId, queue, d.placedAt);
          for (const i of d.items) item.run(i.id, d.id, i.storeId, i.title, i.sku, i.barcode, i.quantity, i.unitPriceCents, i.packedQuantity, i.fulfilledQuantity);
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
    });
    return performance.now() - started;
  } finally {
    done();
  }
}

const texts = pages();
// The machine is shared: each side runs three times, interleaved, and its best run counts.
const ROUNDS = Number(process.env.ROUNDS ?? 3);
let direct = Infinity;
let applied = Infinity;
for (let round = 0; round < ROUNDS; round++) {
  direct = Math.min(direct, measureDirect(texts));
  applied = Math.min(applied, measureApply(texts));
}
const perSecond = (ms: number) => Math.round((ORDERS / ms) * 1000);
console.log(
  JSON.stringify({
    figure: 'sync_apply_pages',
    orders: ORDERS,
    pageSize: PAGE,
    applyMs: Math.round(applied),
    applyOrdersPerSecond: perSecond(applied),
    baselineMs: Math.round(direct),
    baselineOrdersPerSecond: perSecond(direct),
    peakRssMb: Math.round(process.memoryUsage().rss / 1048576),
  }),
);
