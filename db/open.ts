import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import Sqlite from 'better-sqlite3';
import { declaredIndexes, declaredIndexNames } from './declared-indexes.js';
import { MIGRATIONS } from './migrations/index.js';
import { OrderStore } from './store.js';

const SQLITE_MAGIC = 'SQLite format 3\u0000';

export type StoreOpenErrorReason = 'DRIVER' | 'CORRUPT' | 'NEWER_VERSION' | 'UNREADABLE';

/** Why a store file was refused. The file is never modified when this is thrown. */
export class StoreOpenError extends Error {
  constructor(
    readonly reason: StoreOpenErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'StoreOpenError';
  }
}

export interface OpenStoreOptions {
  /** Path to a better_sqlite3.node built for the current runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string;
  readonly?: boolean;
}

/**
 * Loads the native driver on an in-memory database first: a driver built for the wrong ABI
 * (Node's instead of Electron's) must never be reported as "your database is damaged".
 */
function checkDriver(options: OpenStoreOptions): void {
  try {
    new Sqlite(':memory:', { nativeBinding: options.nativeBinding }).close();
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new StoreOpenError(
      'DRIVER',
      `The database driver (better-sqlite3${options.nativeBinding ? ` at ${options.nativeBinding}` : ''}) could not be loaded: ${detail}. ` +
        'Your data was not opened or changed. Reinstall Order Desk, or run `npm start` again in a development checkout to rebuild the driver for Electron.',
    );
  }
}

function hasSqliteHeader(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(16);
    const read = readSync(fd, header, 0, 16, 0);
    return read === 16 && header.toString('latin1') === SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks an existing file read-only before anything writes to it: a damaged file, or one from a
 * newer app, is refused as it is. Repairing by dropping data is never an option.
 */
function inspectExisting(file: string, options: OpenStoreOptions): void {
  if (!existsSync(file) || statSync(file).size === 0) return;
  // A read-only look at a WAL-mode file still creates empty -wal/-shm companions; remove the
  // ones we made if the file is refused, so a refused file is left exactly as we found it.
  const companions = [`${file}-wal`, `${file}-shm`].filter((path) => !existsSync(path));
  try {
    probeExisting(file, options);
  } catch (error) {
    for (const path of companions) rmSync(path, { force: true });
    throw error;
  }
}

function probeExisting(file: string, options: OpenStoreOptions): void {
  if (!hasSqliteHeader(file)) {
    throw new StoreOpenError(
      'CORRUPT',
      `${file} is not an Order Desk database (its header is not SQLite's). It was left untouched; move it aside or restore a backup.`,
    );
  }
  let probe: Sqlite.Database | undefined;
  try {
    probe = new Sqlite(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
    const hasMigrations = probe
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
      .get();
    if (!hasMigrations) {
      const tableCount = probe.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
      if (tableCount.n > 0) {
        throw new StoreOpenError(
          'UNREADABLE',
          `${file} is a SQLite database but not an Order Desk store. It was left untouched.`,
        );
      }
      return;
    }
    const applied = probe.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all() as string[];
    const known = new Set(MIGRATIONS.map((m) => m.name));
    const unknown = applied.filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new StoreOpenError(
        'NEWER_VERSION',
        `${file} was written by a newer version of Order Desk (migration ${unknown.join(', ')}). Update Order Desk to open it; the file was left untouched.`,
      );
    }
  } catch (error) {
    if (error instanceof StoreOpenError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new StoreOpenError('CORRUPT', `${file} could not be read (${detail}). It was left untouched; restore a backup.`);
  } finally {
    probe?.close();
  }
}

function migrate(sqlite: Sqlite.Database): void {
  sqlite.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL) STRICT');
  const applied = new Set(sqlite.prepare('SELECT name FROM schema_migrations').pluck().all() as string[]);
  const record = sqlite.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)');
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.name)) continue;
    sqlite.transaction(() => {
      sqlite.exec(migration.up);
      record.run(migration.name, Date.now());
    }).immediate();
  }
}

let expectedIndexNames: ReadonlySet<string> | null = null;

/**
 * Recreates any index the migrations declare but the file lacks: a bulk load that drops indexes
 * to rebuild them afterwards can be killed in between, and the store would stay slow for good.
 * When nothing is missing this is one read of sqlite_master, whatever the store's size.
 */
function restoreMissingIndexes(sqlite: Sqlite.Database, options: OpenStoreOptions): void {
  expectedIndexNames ??= declaredIndexNames();
  const present = new Set(
    (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all() as string[]).map((name) => name.toLowerCase()),
  );
  if ([...expectedIndexNames].every((name) => present.has(name))) return;
  const missing = declaredIndexes(options.nativeBinding).filter((index) => !present.has(index.name.toLowerCase()));
  if (missing.length === 0) return;
  sqlite.transaction(() => {
    for (const index of missing) sqlite.exec(index.sql);
  }).immediate();
  console.warn(`Order Desk recreated ${missing.length} missing index(es): ${missing.map((index) => index.name).join(', ')}.`);
}

/**
 * Opens (creating if needed) the local order store: WAL with synchronous=FULL so a committed
 * change survives a power cut, foreign keys enforced, migrations applied.
 */
export function openStore(file: string, options: OpenStoreOptions = {}): OrderStore {
  checkDriver(options);
  inspectExisting(file, options);
  const sqlite = new Sqlite(file, { readonly: options.readonly ?? false, nativeBinding: options.nativeBinding });
  try {
    if (!options.readonly) {
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = FULL');
    }
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      migrate(sqlite);
      restoreMissingIndexes(sqlite, options);
    }
    return new OrderStore(sqlite);
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
