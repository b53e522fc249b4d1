import type { Statement } from 'better-sqlite3';
import type { OrderStore } from '../store.js';
import {
  type BaseIds,
  createOrderGenerator,
  DEFAULT_SEED_NOW,
  emptyRows,
  generatePeople,
  type People,
  type Rows,
  SEED_TABLES,
  type SeedTable,
} from './generator.js';
import { Random } from './random.js';

export { ADMIN_EMAIL, DEFAULT_SEED_NOW, SEED_SPAN_DAYS } from './generator.js';

export interface SeedOptions {
  orders: number;
  seed: number;
  /** The seeded "present"; defaults to DEFAULT_SEED_NOW (2026-11-27) so a seed is reproducible. */
  now?: number;
  /** Marks the stores as demo data ("Demo · " names, is_demo = 1). */
  demo?: boolean;
  /** Called after each committed batch with the number of orders written so far. */
  onProgress?: (done: number) => void;
  /** Orders per transaction (default 10,000). */
  batchSize?: number;
}

export interface SeedSummary {
  stores: number;
  users: number;
  orders: number;
  adminUserId: number;
  sellerUserIds: number[];
  storeIds: number[];
}

type PeopleSummary = Omit<SeedSummary, 'orders'>;

type SeedBatch = { kind: 'people'; rows: Rows; people: PeopleSummary } | { kind: 'orders'; to: number; rows: Rows };

export function summarizePeople(people: People): PeopleSummary {
  return {
    stores: people.stores.length,
    users: 1 + people.stores.length + people.customers.length,
    adminUserId: people.adminId,
    sellerUserIds: people.stores.map((s) => s.sellerId),
    storeIds: people.stores.map((s) => s.id),
  };
}

/**
 * Generates the whole seed in order, without touching a database: people first, then orders in
 * chunks of at most `chunkSize` that never straddle a multiple of `batchSize` (a batch is one
 * transaction). Deterministic for a given seed, now and base ids, whatever the sizes.
 */
export function* generateSeed(options: {
  orders: number;
  seed: number;
  now: number;
  demo: boolean;
  batchSize: number;
  chunkSize?: number;
  base: BaseIds;
}): Generator<SeedBatch> {
  const random = new Random(options.seed);
  const peopleRows = emptyRows();
  const people = generatePeople(random, options.orders, options.now, options.demo, options.base, peopleRows);
  yield { kind: 'people', rows: peopleRows, people: summarizePeople(people) };
  const next = createOrderGenerator(random, { orders: options.orders, now: options.now }, people, options.base);
  const chunk = Math.max(1, Math.min(options.chunkSize ?? options.batchSize, options.batchSize));
  for (let from = 0; from < options.orders; ) {
    const batchEnd = (Math.floor(from / options.batchSize) + 1) * options.batchSize;
    const to = Math.min(options.orders, from + chunk, batchEnd);
    const rows = emptyRows();
    next(from, to, rows);
    yield { kind: 'orders', to, rows };
    from = to;
  }
}

const maxId = (store: OrderStore, table: string): number =>
  (store.prepare(`SELECT coalesce(max(id), 0) AS n FROM ${table}`).get() as { n: number }).n;

function baseIds(store: OrderStore): BaseIds {
  return {
    users: maxId(store, 'users'),
    stores: maxId(store, 'stores'),
    products: maxId(store, 'products'),
    addresses: maxId(store, 'addresses'),
    orders: maxId(store, 'orders'),
    items: maxId(store, 'order_items'),
    events: maxId(store, 'order_events'),
  };
}

/**
 * Orders generated per chunk. Small chunks keep the row arrays short-lived, so the garbage
 * collector frees them young instead of promoting a whole 10k-order batch to the old generation.
 */
const CHUNK_ORDERS = 500;

/** One cached single-row INSERT per table, in SEED_TABLES column order. */
function insertStatements(store: OrderStore): Array<[SeedTable, Statement]> {
  return (Object.keys(SEED_TABLES) as SeedTable[]).map((table) => {
    const columns = SEED_TABLES[table];
    return [table, store.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)];
  });
}

/**
 * Writes rows table by table with single-row statements. Table by table keeps each B-tree's hot
 * pages in cache; single-row statements measured faster than multi-row VALUES lists here.
 */
function writeRows(statements: Array<[SeedTable, Statement]>, rows: Rows): void {
  for (const [table, insert] of statements) {
    for (const row of rows[table]) insert.run(...row);
  }
}

/** The secondary (non-unique) indexes on the tables the seeder fills, with their CREATE text. */
function secondaryIndexes(store: OrderStore): Array<{ name: string; sql: string }> {
  const tables = Object.keys(SEED_TABLES);
  return (
    store
      .prepare("SELECT name, tbl_name AS tableName, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
      .all() as Array<{ name: string; tableName: string; sql: string }>
  ).filter((index) => tables.includes(index.tableName) && !/^CREATE\s+UNIQUE\b/i.test(index.sql));
}

interface SavedSettings {
  synchronous: number;
  cacheSize: number;
  foreignKeys: number;
  ignoreChecks: number;
  journalMode: string;
  lockingMode: string;
}

/**
 * Fills a store with a deterministic, realistic marketplace (see generator.ts): an admin, eight
 * sellers' stores with products, customers with addresses, and `orders` orders over the last ~400
 * days in every state the desk knows, with shipments, timelines and search rows.
 *
 * Built for bulk (1M orders in under two minutes): 10k orders per transaction, synchronous=OFF,
 * a large page cache, foreign-key and CHECK enforcement off during the load (the generator builds
 * every row from the domain rules, and the seed tests run integrity_check, which verifies every
 * CHECK constraint, and foreign_key_check over a seeded store). Into a fresh store it also writes
 * without a journal and with the secondary indexes dropped, recreating them afterwards from their
 * own CREATE text: sorting a finished table is much cheaper than a million scattered inserts.
 * Everything is restored at the end, so the file is left exactly as openStore configures it, with
 * the schema as the migrations made it. Without a journal a kill mid-load can leave the file
 * damaged or without its indexes: the app and `npm run seed` therefore seed a file nobody uses yet
 * and rename it into place (seed-file.ts), and openStore recreates any missing index.
 */
export function seedMarketplace(store: OrderStore, options: SeedOptions): SeedSummary {
  const { orders, seed } = options;
  if (!Number.isSafeInteger(orders) || orders < 0) throw new RangeError('orders must be a non-negative integer');
  if (!Number.isSafeInteger(seed)) throw new RangeError('seed must be an integer');
  const base = baseIds(store);
  const plan = {
    orders,
    seed,
    now: options.now ?? DEFAULT_SEED_NOW,
    demo: options.demo ?? false,
    batchSize: Math.max(1, options.batchSize ?? 10_000),
    chunkSize: CHUNK_ORDERS,
    base,
  };
  // A store with none of the seeded rows yet: nothing to lose if the load is interrupted, so it
  // may skip the journal, and the secondary indexes may be built once from the finished tables.
  const fresh = Object.values(base).every((id) => id === 0);
  const sqlite = store.sqlite;
  const saved: SavedSettings = {
    synchronous: sqlite.pragma('synchronous', { simple: true }) as number,
    cacheSize: sqlite.pragma('cache_size', { simple: true }) as number,
    foreignKeys: sqlite.pragma('foreign_keys', { simple: true }) as number,
    ignoreChecks: sqlite.pragma('ignore_check_constraints', { simple: true }) as number,
    journalMode: String(sqlite.pragma('journal_mode', { simple: true })),
    lockingMode: String(sqlite.pragma('locking_mode', { simple: true })),
  };
  const dropped = fresh ? secondaryIndexes(store) : [];
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -1048576');
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('ignore_check_constraints = ON');
  if (fresh) {
    // Without a journal a failed batch still rolls back: its pages are only in the page cache,
    // which holds a whole batch many times over, until the commit writes them.
    sqlite.pragma('locking_mode = EXCLUSIVE');
    sqlite.pragma('journal_mode = OFF');
  } else if (saved.journalMode === 'wal') {
    // Through the WAL every page is written twice (log, then checkpoint); a rollback journal only
    // copies pages that existed before the transaction, and new pages are most of a seed.
    sqlite.pragma('journal_mode = DELETE');
  }

  try {
    for (const index of dropped) sqlite.exec(`DROP INDEX ${index.name}`);
    const statements = insertStatements(store);
    let people: PeopleSummary | null = null;
    const batches = generateSeed(plan);
    let next = batches.next();
    while (!next.done) {
      let done = 0;
      store.transaction(() => {
        // One transaction per batch: the people, then batchSize orders in chunks.
        for (;;) {
          const batch = next.value as SeedBatch;
          writeRows(statements, batch.rows);
          next = batches.next();
          if (batch.kind === 'people') {
            people = batch.people;
            return;
          }
          done = batch.to;
          if (next.done || done % plan.batchSize === 0) return;
        }
      });
      if (done > 0) options.onProgress?.(done);
    }
    // Merge the FTS segments the load left behind into one, as a long-lived index converges to.
    store.prepare("INSERT INTO order_search(order_search) VALUES ('optimize')").run();
    if (people === null) throw new Error('The seed produced no people.');
    return { ...(people as PeopleSummary), orders };
  } finally {
    try {
      // Recreated even after a failure: a store must never be left without its indexes.
      for (const index of dropped) sqlite.exec(index.sql);
    } finally {
      restoreSettings(sqlite, saved);
    }
  }
}

/** Puts back the connection settings seedMarketplace changed, journal mode last. */
function restoreSettings(sqlite: OrderStore['sqlite'], saved: SavedSettings): void {
  sqlite.pragma(`ignore_check_constraints = ${saved.ignoreChecks}`);
  sqlite.pragma(`foreign_keys = ${saved.foreignKeys}`);
  sqlite.pragma(`cache_size = ${saved.cacheSize}`);
  sqlite.pragma(`synchronous = ${saved.synchronous}`);
  if (saved.lockingMode !== String(sqlite.pragma('locking_mode', { simple: true }))) {
    sqlite.pragma(`locking_mode = ${saved.lockingMode}`);
    // The exclusive lock is only given up at the next access to the file.
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  }
  if (saved.journalMode !== String(sqlite.pragma('journal_mode', { simple: true }))) {
    sqlite.pragma(`journal_mode = ${saved.journalMode}`);
  }
}
