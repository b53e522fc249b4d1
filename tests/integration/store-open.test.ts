import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { declaredIndexes, declaredIndexNames } from '../../db/declared-indexes.js';
import { openStore, StoreOpenError } from '../../db/open.js';

let dir: string;
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'order-desk-open-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function expectRefused(file: string, reason: string, message: RegExp) {
  const before = hash(file);
  let error: unknown;
  try {
    openStore(file).close();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(StoreOpenError);
  expect((error as StoreOpenError).reason).toBe(reason);
  expect((error as StoreOpenError).message).toMatch(message);
  expect(hash(file)).toBe(before);
  expect(existsSync(`${file}-wal`)).toBe(false);
}

describe('opening the store', () => {
  it('creates a new store in WAL mode with foreign keys on and every migration applied', () => {
    const file = join(dir, 'new.sqlite');
    const store = openStore(file);
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.sqlite.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all()).toEqual([
      '2026-11-27-init',
      '2026-11-28-packing',
      '2026-11-29-store-claims',
      '2026-11-30-notifications',
      '2026-12-01-event-stores',
      '2026-12-07-retry-entry-stores',
      '2026-12-08-sync',
      '2026-12-08-sync-return-description',
      '2026-12-09-sync-child-indexes',
    ]);
    store.close();
    const again = openStore(file);
    expect(again.sqlite.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(9);
    again.close();
  });

  it('refuses a file that is not a database, and leaves it untouched', () => {
    const file = join(dir, 'garbage.sqlite');
    writeFileSync(file, 'these are my tax records, not a database'.repeat(200));
    expectRefused(file, 'CORRUPT', /not an Order Desk database/);
  });

  it('refuses a database with a damaged schema, and leaves it untouched', () => {
    const file = join(dir, 'damaged.sqlite');
    openStore(file).close();
    const bytes = readFileSync(file);
    bytes.fill(0xff, 100, 4096); // first page after the header: sqlite_master's b-tree
    writeFileSync(file, bytes);
    expectRefused(file, 'CORRUPT', /could not be read/);
  });

  it('refuses a store written by a newer version, and leaves it untouched', () => {
    const file = join(dir, 'future.sqlite');
    openStore(file).close();
    const db = new Sqlite(file);
    db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run('2099-01-01-teleport', 1);
    db.pragma('journal_mode = DELETE');
    db.close();
    expectRefused(file, 'NEWER_VERSION', /newer version of Order Desk \(migration 2099-01-01-teleport\)/);
  });

  it("refuses someone else's SQLite database", () => {
    const file = join(dir, 'other.sqlite');
    const db = new Sqlite(file);
    db.exec('CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)');
    db.close();
    expectRefused(file, 'UNREADABLE', /not an Order Desk store/);
  });

  it('refuses nested transactions, which would break one-mutation-one-transaction', () => {
    const store = openStore(join(dir, 'nest.sqlite'));
    expect(() => store.transaction(() => store.transaction(() => 1))).toThrow(/Nested/);
    store.close();
  });
});

describe('the database driver', () => {
  it('a driver that will not load is reported as a driver problem, never as a damaged file', () => {
    const file = join(dir, 'fine.sqlite');
    openStore(file).close();
    const before = hash(file);
    expect(() => openStore(file, { nativeBinding: join(dir, 'missing.node') })).toThrow(
      expect.objectContaining({ reason: 'DRIVER', message: expect.stringMatching(/database driver .* could not be loaded/) }),
    );
    expect(hash(file)).toBe(before);
  });
});

describe('batches', () => {
  it('runs each transaction in a batch as a savepoint: a failed one rolls back alone, callbacks run for the rest after commit', () => {
    const store = openStore(join(dir, 'batch.sqlite'));
    store.sqlite.exec('CREATE TABLE t (n INTEGER NOT NULL CHECK (n < 3))');
    const committed: number[] = [];
    store.batch(() => {
      for (const n of [1, 2, 3, 4]) {
        try {
          store.transaction(() => {
            store.onCommit(() => committed.push(n));
            store.execute('INSERT INTO t (n) VALUES (?)', [n]);
          });
        } catch {
          // the CHECK refuses 3 and 4; the others stand
        }
        expect(committed).toEqual([]);
      }
    });
    expect(store.sqlite.prepare('SELECT n FROM t ORDER BY n').pluck().all()).toEqual([1, 2]);
    expect(committed).toEqual([1, 2]);
    expect(() => store.batch(() => store.batch(() => 1))).toThrow(/Nested/);
    store.close();
  });
});

describe('deferred checkpoints', () => {
  it('keeps the WAL during bulk work, restores the setting, and checkpoints afterwards', async () => {
    const store = openStore(join(dir, 'ckpt.sqlite'));
    store.sqlite.exec('CREATE TABLE t (v TEXT)');
    const walPages = () => (store.sqlite.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number; checkpointed: number }>)[0]!;
    store.deferCheckpoints(() => {
      for (let i = 0; i < 1500; i++) store.transaction(() => store.execute('INSERT INTO t (v) VALUES (?)', ['x'.repeat(3000)]));
      expect(store.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      // With automatic checkpoints the WAL would have wrapped around at 1,000 pages.
      expect(statSync(join(dir, 'ckpt.sqlite-wal')).size).toBeGreaterThan(1400 * 4096);
    });
    expect(store.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await new Promise((resolve) => setImmediate(resolve));
    const state = walPages();
    expect(state.checkpointed).toBe(state.log);
    expect(store.sqlite.prepare('SELECT count(*) FROM t').pluck().get()).toBe(1500);
    store.close();
  });
});

describe('declared indexes', () => {
  const indexNames = (file: string): string[] => {
    const db = new Sqlite(file, { readonly: true });
    try {
      return db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").pluck().all() as string[];
    } finally {
      db.close();
    }
  };

  it('recreates at open any index the migrations declare but the file lacks', () => {
    const file = join(dir, 'store.sqlite');
    openStore(file).close();
    const declared = indexNames(file);
    expect(declared).toContain('orders_queue');

    // As a seed killed between its commit and its index rebuild left it.
    const raw = new Sqlite(file);
    for (const name of ['orders_queue', 'order_stores_queue', 'order_events_timeline', 'shipments_tracking']) raw.exec(`DROP INDEX ${name}`);
    raw.close();
    expect(indexNames(file)).not.toContain('orders_queue');

    openStore(file).close();
    expect(indexNames(file)).toEqual(declared);
  });

  it('leaves a read-only open alone', () => {
    const file = join(dir, 'store.sqlite');
    openStore(file).close();
    const raw = new Sqlite(file);
    raw.exec('DROP INDEX orders_queue');
    raw.close();
    openStore(file, { readonly: true }).close();
    expect(indexNames(file)).not.toContain('orders_queue');
  });
});

describe('declaredIndexNames', () => {
  it('names exactly the indexes SQLite has after the migrations, so the cheap check at open sees every one', () => {
    expect([...declaredIndexNames()].sort()).toEqual(declaredIndexes().map((index) => index.name).sort());
  });

  it('follows DROP INDEX, DROP TABLE and RENAME TO, and ignores comments', () => {
    const first = { name: 'a', up: 'CREATE TABLE t (x); CREATE INDEX t_x ON t(x); CREATE INDEX gone ON t(x); -- DROP INDEX t_x\nDROP INDEX gone;' };
    const second = {
      name: 'b',
      up: 'CREATE TABLE u (x); CREATE INDEX u_x ON u(x); DROP TABLE t; ALTER TABLE u RENAME TO t; CREATE UNIQUE INDEX IF NOT EXISTS t_y ON t(x);',
    };
    expect([...declaredIndexNames([first])]).toEqual(['t_x']);
    expect([...declaredIndexNames([first, second])].sort()).toEqual(['t_y', 'u_x']);
    expect([...declaredIndexNames([first, second, { name: 'c', up: 'DROP TABLE t;' }])]).toEqual([]);
  });
});
