import { randomUUID } from 'node:crypto';
import Sqlite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { migrationProvider } from './migrations.js';
import type { Dialect, ServerDatabase } from './schema.js';

export type { Dialect } from './schema.js';

export interface ServerDb {
  db: Kysely<ServerDatabase>;
  dialect: Dialect;
  /** This server's identity, made once when its database is created (cursors carry it). */
  serverId: string;
  /** Where it is: PostgreSQL's URL lets other parts open a connection of their own (LISTEN). */
  location: DbLocation;
  close: () => Promise<void>;
}

export type DbLocation = { sqlitePath: string } | { databaseUrl: string };

const INT8_OID = 20;

/** int8 as a number: versions, ids and counts stay far below 2^53 (the contract caps them there). */
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

/**
 * Kysely's SQLite driver prepares every statement anew; preparing is about an eighth of a push's
 * time. The server runs a few dozen distinct statements, so each is prepared once and reused
 * (better-sqlite3 statements run synchronously, so one can't be in use twice at once; nothing
 * here streams rows). Bounded, because `IN (…)` lists of other lengths make new texts.
 */
function withStatementCache(database: Sqlite.Database, limit = 500): Pick<Sqlite.Database, 'prepare' | 'close'> {
  const cache = new Map<string, Sqlite.Statement>();
  return {
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) {
        // Most recently used last, so the oldest goes first when the cache is full.
        cache.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (cache.size >= limit) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
    close: () => database.close(),
  } as Pick<Sqlite.Database, 'prepare' | 'close'>;
}

function sqliteDb(path: string): Kysely<ServerDatabase> {
  const database = new Sqlite(path);
  // WAL lets pulls read while a push writes; FULL makes a committed write survive a power cut.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return new Kysely<ServerDatabase>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
}

function postgresDb(connectionString: string): Kysely<ServerDatabase> {
  const pool = new pg.Pool({ connectionString, max: 10, types: pgTypes });
  // An idle connection dropped by the server (a restart, a failover) must not crash the process:
  // the pool discards it, and the next query opens a new one or fails with its own error.
  pool.on('error', () => {});
  return new Kysely<ServerDatabase>({ dialect: new PostgresDialect({ pool }) });
}

export const COUNTERS = ['order', 'item', 'event', 'order_number'] as const;
export type CounterName = (typeof COUNTERS)[number];

/** Opens (and creates or migrates) the shop's database. */
export async function openServerDb(location: DbLocation): Promise<ServerDb> {
  const dialect: Dialect = 'databaseUrl' in location ? 'postgres' : 'sqlite';
  const db = 'databaseUrl' in location ? postgresDb(location.databaseUrl) : sqliteDb(location.sqlitePath);
  try {
    const migrator = new Migrator({ db, provider: migrationProvider(dialect) });
    const { error } = await migrator.migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error(String(error));
    // Two processes may open a fresh PostgreSQL database at once: the inserts are idempotent.
    await db
      .insertInto('meta')
      .values({ id: 1, server_id: randomUUID(), version: 0 })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    for (const name of COUNTERS) {
      await db
        .insertInto('counters')
        .values({ name, value: name === 'order_number' ? 1000 : 0 })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
    }
    const meta = await db.selectFrom('meta').select('server_id').where('id', '=', 1).executeTakeFirstOrThrow();
    return { db, dialect, serverId: meta.server_id, location, close: () => db.destroy() };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
