import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { storefrontOrderSchema, type OrderDoc, type StorefrontOrder } from '../../shared/contract/sync-protocol.js';
import type { UsStateCode as UsState } from '../../shared/domain/address.js';
import { withCheckDigit } from '../../shared/domain/tracking.js';
import type { ServerDb } from '../db/connect.js';
import { reserveIds, type IdBlock } from '../db/ids.js';
import type { ServerDatabase } from '../db/schema.js';
import { applyMutation, newOrderDoc, type MutationActor } from '../orders/rules.js';

/**
 * A bulk loader for the shop's database: N valid orders (built by the same newOrderDoc the
 * storefront uses, a third of them shipped by the same ship rule a desk's push runs), written
 * in multi-row INSERTs, many orders per transaction. Meant for benchmarks and load tests: a
 * million orders through the storefront route, one transaction each, would take an hour.
 *
 * It keeps the server's invariants: ids come from the counters (reserveIds), and versions are
 * taken under the meta row's lock held to commit, one per order, so a desk pulling while the
 * loader runs never skips a row (see db/versions.ts).
 */
export interface BulkSeedOptions {
  orders: number;
  /** The stores the orders are spread over (each order touches one or two). */
  storeIds: readonly number[];
  /** The member of staff recorded as shipping the shipped third; an admin. */
  shippedBy: { userId: number; name: string };
  /** Same seed, same orders. */
  seed?: number;
  /** Orders per transaction (each transaction holds the version lock while it writes). */
  batch?: number;
  /** When the first order was placed; later ones follow a minute apart. */
  startAt?: number;
  onProgress?: (done: number) => void;
}

export interface BulkSeedResult {
  orders: number;
  firstOrderId: number;
  lastVersion: number;
}

/** Small and deterministic (mulberry32): the same seed gives the same shop on both dialects. */
class Prng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
}

const FIRST = ['Casey', 'Priya', 'Mateo', 'Aisha', 'Wei', 'Hannah', 'Omar', 'Lucia', 'Jonas', 'Amara', 'Diego', 'Mei'];
const LAST = ['Moore', 'Patel', 'Rivera', 'Okafor', 'Chen', 'Larsen', 'Haddad', 'Rossi', 'Berg', 'Mensah', 'Silva', 'Tanaka'];
const PLACES: Array<{ city: string; state: UsState; zip: string }> = [
  { city: 'Portland', state: 'OR', zip: '97201' },
  { city: 'Albany', state: 'NY', zip: '12207' },
  { city: 'Austin', state: 'TX', zip: '73301' },
  { city: 'Denver', state: 'CO', zip: '80202' },
  { city: 'Madison', state: 'WI', zip: '53703' },
];
const STREETS = ['Elm St', 'Main St', 'Oak Ave', 'Pine Rd', 'Cedar Ln', 'Maple Dr'];

/** Customers are reused: about four orders each, as a shop's regulars make. */
const ORDERS_PER_CUSTOMER = 4;
const SKUS_PER_STORE = 40;
/** Multi-row INSERT size: under SQLite's and PostgreSQL's bound-parameter limits for every table. */
const ROWS_PER_INSERT = 500;

function storefrontOrder(random: Prng, customer: { name: string; email: string }, storeIds: readonly number[], n: number): StorefrontOrder {
  const place = random.pick(PLACES);
  const address = {
    name: customer.name,
    street: `${random.int(1, 999)} ${random.pick(STREETS)}`,
    street2: null,
    city: place.city,
    state: place.state,
    zip: place.zip,
    country: 'US' as const,
    phone: null,
  };
  const first = random.pick(storeIds);
  const second = storeIds.length > 1 && random.next() < 0.2 ? random.pick(storeIds.filter((id) => id !== first)) : null;
  const lines = random.int(1, 3);
  const items: StorefrontOrder['items'] = [];
  const skus = new Set<string>();
  for (let k = 0; k < lines; k++) {
    const storeId = second !== null && k === lines - 1 ? second : first;
    const product = random.int(1, SKUS_PER_STORE);
    const sku = `S${storeId}-P${String(product).padStart(3, '0')}`;
    if (skus.has(sku)) continue;
    skus.add(sku);
    items.push({
      storeId,
      sku,
      title: `Product ${product} of store ${storeId}`,
      barcode: null,
      isDigital: product % 17 === 0,
      quantity: random.int(1, 3),
      unitPriceCents: 500 + product * 75,
    });
  }
  const subtotal = items.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);
  const shippingCents = 500;
  const taxCents = Math.round(subtotal * 0.07);
  return storefrontOrderSchema.parse({
    requestId: `seed-order-${n}`,
    customer: { name: customer.name, email: customer.email },
    billingAddress: address,
    shippingAddress: address,
    shippingMethod: 'Ground',
    items,
    shippingCents,
    taxCents,
    payment: { paymentIntentId: `pi_seed_${n}`, capturedCents: subtotal + shippingCents + taxCents },
  });
}

/** A valid UPS number, unique per (order id, parcel of that order). */
function upsTracking(orderId: number, parcel: number): string {
  const serial = orderId * 2 + parcel;
  const shipper = `SEED${String(Math.floor(serial / 10_000_000) % 100).padStart(2, '0')}`;
  return withCheckDigit('ups', `1Z${shipper}03${String(serial % 10_000_000).padStart(7, '0')}`)!;
}

/** Ships the order's physical items, one UPS parcel per store (a parcel ships from one store), by the shared ship rule. */
function shipAll(doc: OrderDoc, actor: MutationActor, at: number, events: IdBlock): OrderDoc {
  let current = doc;
  for (const [parcel, storeId] of doc.storeIds.entries()) {
    const lines = current.items.filter((item) => item.storeId === storeId && !item.isDigital).map((item) => ({ itemId: item.id, quantity: item.quantity }));
    if (lines.length === 0) continue;
    const args = {
      orderId: doc.id,
      shipmentId: randomUUID(),
      carrier: 'ups',
      trackingNumber: upsTracking(doc.id, parcel),
      items: lines,
      notifyCustomer: false,
      verificationOverride: 'Seeded',
    };
    const result = applyMutation(current, { name: 'order.ship@1', args }, actor, at, { eventId: () => events.next() });
    if (!result.ok) throw new Error(`seeding: shipping order ${doc.id} was refused: ${result.code} ${result.message}`);
    current = result.value;
  }
  return current;
}

interface Built {
  doc: OrderDoc;
  json: string;
}

async function insertChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await write(rows.slice(i, i + ROWS_PER_INSERT));
}

interface Rows {
  orders: Array<{ id: number; number: string; version: number; placed_at: number; store_count: number; doc: string }>;
  orderStores: Array<{ order_id: number; store_id: number; version: number }>;
  shipments: Array<{ shipment_id: string; order_id: number }>;
  tracking: Array<{ tracking_number: string; order_id: number }>;
}

/** One INSERT per table with the columns as arrays (unnest): a handful of parameters however many rows. */
async function insertPostgres(trx: Transaction<ServerDatabase>, rows: Rows): Promise<void> {
  const col = <T, K extends keyof T>(list: T[], key: K) => list.map((row) => row[key]);
  await sql`INSERT INTO orders (id, number, version, placed_at, store_count, doc)
    SELECT * FROM unnest(${col(rows.orders, 'id')}::bigint[], ${col(rows.orders, 'number')}::text[], ${col(rows.orders, 'version')}::bigint[],
      ${col(rows.orders, 'placed_at')}::bigint[], ${col(rows.orders, 'store_count')}::int[], ${col(rows.orders, 'doc')}::text[])`.execute(trx);
  await sql`INSERT INTO order_stores (order_id, store_id, version)
    SELECT * FROM unnest(${col(rows.orderStores, 'order_id')}::bigint[], ${col(rows.orderStores, 'store_id')}::bigint[],
      ${col(rows.orderStores, 'version')}::bigint[])`.execute(trx);
  if (rows.shipments.length === 0) return;
  await sql`INSERT INTO order_shipments (shipment_id, order_id)
    SELECT * FROM unnest(${col(rows.shipments, 'shipment_id')}::text[], ${col(rows.shipments, 'order_id')}::bigint[])`.execute(trx);
  await sql`INSERT INTO order_tracking (tracking_number, order_id)
    SELECT * FROM unnest(${col(rows.tracking, 'tracking_number')}::text[], ${col(rows.tracking, 'order_id')}::bigint[])`.execute(trx);
}

async function insertSqlite(trx: Transaction<ServerDatabase>, rows: Rows): Promise<void> {
  await insertChunks(rows.orders, (chunk) => trx.insertInto('orders').values(chunk).execute());
  await insertChunks(rows.orderStores, (chunk) => trx.insertInto('order_stores').values(chunk).execute());
  await insertChunks(rows.shipments, (chunk) => trx.insertInto('order_shipments').values(chunk).execute());
  await insertChunks(rows.tracking, (chunk) => trx.insertInto('order_tracking').values(chunk).execute());
}

async function writeBatch(trx: Transaction<ServerDatabase>, dialect: ServerDb['dialect'], built: Built[]): Promise<number> {
  // The version range is taken first and its lock held to commit, as nextVersion does for one write.
  const top = await trx
    .updateTable('meta')
    .set((eb) => ({ version: eb('version', '+', built.length) }))
    .where('id', '=', 1)
    .returning('version')
    .executeTakeFirstOrThrow();
  const first = top.version - built.length + 1;
  const rows: Rows = {
    orders: built.map((b, i) => ({
      id: b.doc.id,
      number: b.doc.number,
      version: first + i,
      placed_at: b.doc.placedAt,
      store_count: new Set(b.doc.storeIds).size,
      doc: b.json,
    })),
    orderStores: built.flatMap((b, i) => b.doc.storeIds.map((storeId) => ({ order_id: b.doc.id, store_id: storeId, version: first + i }))),
    shipments: built.flatMap((b) => b.doc.shipments.map((s) => ({ shipment_id: s.id, order_id: b.doc.id }))),
    tracking: built.flatMap((b) => b.doc.shipments.map((s) => ({ tracking_number: s.trackingNumber, order_id: b.doc.id }))),
  };
  await (dialect === 'postgres' ? insertPostgres(trx, rows) : insertSqlite(trx, rows));
  return top.version;
}

/** Makes the customers the orders are spread over; answers their ids, names and emails. */
async function seedCustomers(sdb: ServerDb, count: number, seed: number, now: number): Promise<Array<{ id: number; name: string; email: string }>> {
  const random = new Prng(seed ^ 0x5eed);
  const wanted = Array.from({ length: count }, (_, i) => {
    const name = `${random.pick(FIRST)} ${random.pick(LAST)}`;
    return { name, email: `customer-${seed}-${i + 1}@seed.example`, created_at: now };
  });
  await sdb.db.transaction().execute(async (trx) => {
    await insertChunks(wanted, (chunk) =>
      trx
        .insertInto('customers')
        .values(chunk)
        .onConflict((oc) => oc.column('email').doNothing())
        .execute(),
    );
  });
  const ids = new Map<string, number>();
  const emails = wanted.map((c) => c.email);
  for (let i = 0; i < emails.length; i += ROWS_PER_INSERT) {
    const rows = await sdb.db
      .selectFrom('customers')
      .select(['id', 'email'])
      .where('email', 'in', emails.slice(i, i + ROWS_PER_INSERT))
      .execute();
    for (const row of rows) ids.set(row.email, row.id);
  }
  return wanted.map((c) => ({ id: ids.get(c.email)!, name: c.name, email: c.email }));
}

/**
 * Loads `orders` orders into the shop's database, in transactions of `batch` orders. A third of
 * the orders with something physical are shipped (one UPS parcel). Progress is reported after
 * each transaction; a failure leaves the committed transactions in place, all of them valid.
 */
export async function bulkSeedOrders(sdb: ServerDb, options: BulkSeedOptions): Promise<BulkSeedResult> {
  const { orders, storeIds } = options;
  if (!Number.isSafeInteger(orders) || orders < 1) throw new Error(`seeding: orders must be a positive whole number, got ${orders}`);
  if (storeIds.length === 0) throw new Error('seeding: at least one store is needed');
  const seed = options.seed ?? 1;
  const batch = Math.max(1, options.batch ?? 5000);
  const startAt = options.startAt ?? Date.UTC(2026, 0, 1);
  const random = new Prng(seed);
  const actor: MutationActor = {
    userId: options.shippedBy.userId,
    name: options.shippedBy.name,
    role: 'admin',
    storeIds: null,
    stationId: 'seed',
    stationName: 'Seeder',
  };
  const customers = await seedCustomers(sdb, Math.max(1, Math.ceil(orders / ORDERS_PER_CUSTOMER)), seed, startAt);
  // One reservation per counter for the whole load: each statement holds its counter row briefly.
  const orderIds = await reserveIds(sdb.db, 'order', orders);
  const numbers = await reserveIds(sdb.db, 'order_number', orders);
  const items = await reserveIds(sdb.db, 'item', orders * 3);
  const events = await reserveIds(sdb.db, 'event', orders * 6);

  let firstOrderId = 0;
  let lastVersion = 0;
  for (let done = 0; done < orders; ) {
    const size = Math.min(batch, orders - done);
    const built: Built[] = [];
    for (let k = 0; k < size; k++) {
      const n = done + k;
      const placedAt = startAt + n * 60_000;
      const input = storefrontOrder(random, customers[n % customers.length]!, storeIds, n);
      const orderId = orderIds.next();
      if (n === 0) firstOrderId = orderId;
      const made = newOrderDoc(
        input,
        { orderId, customerId: customers[n % customers.length]!.id, number: String(numbers.next()), itemId: () => items.next(), eventId: () => events.next() },
        placedAt,
      );
      if (!made.ok) throw new Error(`seeding: order ${n} was refused: ${made.code} ${made.message}`);
      const doc = n % 3 === 1 ? shipAll(made.value, actor, placedAt + 86_400_000, events) : made.value;
      built.push({ doc, json: JSON.stringify(doc) });
    }
    lastVersion = await sdb.db.transaction().execute((trx) => writeBatch(trx, sdb.dialect, built));
    done += size;
    options.onProgress?.(done);
  }
  if (sdb.dialect === 'postgres') await sql`ANALYZE`.execute(sdb.db);
  else await sql`PRAGMA optimize`.execute(sdb.db);
  return { orders, firstOrderId, lastVersion };
}
