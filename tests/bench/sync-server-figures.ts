/**
 * Server pull page figures for `npm run bench`: one page of POST /sync/pull (the desk's page size,
 * 1,000 rows) from a random point of a shop of N orders, over loopback HTTP as a desk asks for it,
 * on SQLite and on PostgreSQL, for an admin (every store) and a seller (two stores of eight).
 *
 * Baseline, same run: the SQL that request runs (session lookup and every statement of the page,
 * captured from Kysely's query log) replayed raw, in a transaction of the same isolation, with
 * better-sqlite3 or a pg client. The difference is the server's own work: JSON parse of the stored
 * docs, scoping, the answer's JSON and HTTP.
 */
import { randomUUID } from 'node:crypto';
import Sqlite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { createShopServer } from '../../server/app.js';
import { authenticate } from '../../server/auth/sessions.js';
import type { DbLocation, ServerDb } from '../../server/db/connect.js';
import { openServerDb } from '../../server/db/connect.js';
import type { ServerDatabase } from '../../server/db/schema.js';
import { encodeCursor, scopeHash } from '../../server/sync/cursor.js';
import { pull } from '../../server/sync/pull.js';
import { pullResponseSchema, signInResponseSchema } from '../../shared/contract/sync-protocol.js';
import type { BenchFigure } from './figure.js';
import { prng, round, stats } from './stats.js';
import { ADMIN_EMAIL, SELLER_EMAIL, SHOP_PASSWORD, type SeedReport } from './sync-shop.js';

export const DESK_PAGE = 1000;

interface Statement {
  sql: string;
  parameters: readonly unknown[];
}

/** A second connection to the same database whose Kysely logs every statement it runs. */
function capturingDb(location: DbLocation, serverId: string, captured: Statement[]): ServerDb {
  const log = (event: LogEvent) => {
    if (event.level === 'query') captured.push({ sql: event.query.sql, parameters: event.query.parameters });
  };
  if ('sqlitePath' in location) {
    const database = new Sqlite(location.sqlitePath, { readonly: true });
    const db = new Kysely<ServerDatabase>({ dialect: new SqliteDialect({ database }), log });
    return { db, dialect: 'sqlite', serverId, location, close: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: location.databaseUrl, max: 2, types: int8AsNumber });
  pool.on('error', () => {});
  const db = new Kysely<ServerDatabase>({ dialect: new PostgresDialect({ pool }), log });
  return { db, dialect: 'postgres', serverId, location, close: () => db.destroy() };
}

const int8AsNumber = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

/** Replays captured statements raw, each request's in one transaction as pull() runs them. */
interface Replayer {
  run(statements: Statement[]): Promise<void>;
  close(): Promise<void>;
}

// Kysely logs its transaction statements too (begin, commit, the isolation level): the replay
// runs exactly the captured list, transaction included.
function sqliteReplayer(file: string): Replayer {
  const db = new Sqlite(file, { readonly: true });
  const prepared = new Map<string, Sqlite.Statement>();
  const prepare = (text: string) => prepared.get(text) ?? prepared.set(text, db.prepare(text)).get(text)!;
  return {
    run: async (statements) => {
      for (const s of statements) {
        const statement = prepare(s.sql);
        if (statement.reader) statement.all(...(s.parameters as unknown[]));
        else statement.run(...(s.parameters as unknown[]));
      }
    },
    close: async () => {
      db.close();
    },
  };
}

async function postgresReplayer(url: string): Promise<Replayer> {
  const client = new pg.Client({ connectionString: url, types: int8AsNumber });
  await client.connect();
  return {
    run: async (statements) => {
      for (const s of statements) await client.query(s.sql, s.parameters as unknown[]);
    },
    close: () => client.end(),
  };
}

async function signIn(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: SHOP_PASSWORD, deviceName: 'Bench' }),
  });
  const body: unknown = await response.json();
  if (response.status !== 200) throw new Error(`bench sign-in as ${email} failed: ${response.status} ${JSON.stringify(body)}`);
  return signInResponseSchema.parse(body).token;
}

export interface ServerPullOptions {
  dialect: 'sqlite' | 'postgres';
  location: DbLocation;
  seeded: SeedReport | null;
  iterations: number;
  log: (message: string) => void;
}

/** The pull page figures for one seeded shop: its seed (when it was made now), admin and seller pages. */
export async function* serverPullFigures(options: ServerPullOptions): AsyncGenerator<BenchFigure> {
  const { dialect, location, seeded, log } = options;
  if (seeded) {
    const budget = (300_000 * seeded.orders) / 1_000_000;
    yield {
      name: `shop_seed_${dialect}`,
      n: seeded.orders,
      p50_ms: round(seeded.ms),
      p95_ms: round(seeded.ms),
      baseline_p95_ms: round(budget),
      ratio: round(seeded.ms / budget),
      baseline: 'time budget: 300 s per 1,000,000 orders, scaled linearly (no raw equivalent)',
      target: 'ratio <= 1',
      note: 'server/seed bulk loader: newOrderDoc + ship rule per order, multi-row INSERTs (unnest arrays on PostgreSQL), 5,000 orders per transaction',
      db_mb: seeded.mb,
    };
  }
  const sdb = await openServerDb(location);
  const server = createShopServer({ sdb });
  const captured: Statement[] = [];
  const capturing = capturingDb(location, sdb.serverId, captured);
  const replayer = 'sqlitePath' in location ? sqliteReplayer(location.sqlitePath) : await postgresReplayer(location.databaseUrl);
  try {
    const url = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const meta = await sdb.db.selectFrom('meta').select('version').where('id', '=', 1).executeTakeFirstOrThrow();
    const orders = Number((await sdb.db.selectFrom('orders').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    for (const [who, email] of [
      ['admin', ADMIN_EMAIL],
      ['seller', SELLER_EMAIL],
    ] as const) {
      log(`server_pull_page_${who}_${dialect} ...`);
      const token = await signIn(url, email);
      const header = `Bearer ${token}`;
      const actor = await authenticate(sdb.db, header, Date.now());
      const reader = { userId: actor.userId, role: actor.role, storeIds: actor.storeIds };
      const hash = scopeHash(reader);
      const random = prng(dialect === 'sqlite' ? 11 : 12);
      const clientId = randomUUID();
      const warmup = Math.min(10, options.iterations);
      const cursors = Array.from({ length: options.iterations + warmup }, () =>
        encodeCursor({ s: sdb.serverId, v: Math.floor(random() * Math.max(1, meta.version - DESK_PAGE)), h: hash }),
      );
      const request = (cursor: string | null) => ({ protocol: 1 as const, clientId, cursor, limit: DESK_PAGE });

      // Through HTTP, as a desk asks: the time to the last byte of the answer.
      const samples: number[] = [];
      let rowsSeen = 0;
      let bytes = 0;
      for (const [i, cursor] of cursors.entries()) {
        const started = performance.now();
        const response = await fetch(`${url}/sync/pull`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: header },
          body: JSON.stringify(request(cursor)),
        });
        const text = await response.text();
        const ms = performance.now() - started;
        if (response.status !== 200) throw new Error(`pull answered ${response.status}: ${text.slice(0, 300)}`);
        if (i < warmup) continue;
        samples.push(ms);
        bytes += text.length;
        if (i === warmup) {
          const page = pullResponseSchema.parse(JSON.parse(text));
          if (page.status !== 'ok') throw new Error(`pull answered reset: ${page.reason}`);
          rowsSeen = page.rows.length;
          if (rowsSeen === 0) throw new Error('a pull page from the middle of the shop held no rows');
        }
      }

      // In this process, without HTTP: the same pages through pull(), its SQL captured for the baseline.
      const inProcess: number[] = [];
      const perRequest: Statement[][] = [];
      for (const [i, cursor] of cursors.entries()) {
        captured.length = 0;
        const started = performance.now();
        await authenticate(capturing.db, header, Date.now());
        await pull(capturing, reader, request(cursor));
        const ms = performance.now() - started;
        perRequest.push([...captured]);
        if (i >= warmup) inProcess.push(ms);
      }
      const baseline: number[] = [];
      for (const [i, statements] of perRequest.entries()) {
        const started = performance.now();
        await replayer.run(statements);
        if (i >= warmup) baseline.push(performance.now() - started);
      }

      // The first page of a first connection also counts what is in scope, for the progress bar.
      const firstStarted = performance.now();
      const first = await fetch(`${url}/sync/pull`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: header },
        body: JSON.stringify(request(null)),
      });
      await first.text();
      const firstPageMs = performance.now() - firstStarted;

      const s = stats(samples);
      const b = stats(baseline);
      const p = stats(inProcess);
      yield {
        name: `server_pull_page_${who}_${dialect}`,
        n: samples.length,
        p50_ms: round(s.p50),
        p95_ms: round(s.p95),
        baseline_p95_ms: round(b.p95),
        ratio: round(s.p95 / b.p95),
        baseline_p50_ms: round(b.p50),
        baseline: `the same SQL each request ran (session lookup + the page's ${perRequest[0]?.length ?? 0} statements, captured from Kysely's query log), replayed raw in one ${dialect === 'postgres' ? 'REPEATABLE READ transaction with a pg client' : 'transaction with better-sqlite3 prepared statements'}`,
        target: 'p95 <= 50 ms',
        note: `POST /sync/pull over loopback HTTP, ${DESK_PAGE} rows a page, from a random version of the shop (time to the answer's last byte)`,
        orders,
        reader: who === 'admin' ? 'admin (every store)' : `seller of stores ${JSON.stringify(reader.storeIds)} of 8`,
        rows_per_page: rowsSeen,
        kb_per_page: Math.round(bytes / samples.length / 1024),
        in_process_p50_ms: round(p.p50),
        in_process_p95_ms: round(p.p95),
        first_page_ms: round(firstPageMs),
      };
    }
  } finally {
    await replayer.close();
    await capturing.close();
    await server.app.close();
    await sdb.close();
  }
}
