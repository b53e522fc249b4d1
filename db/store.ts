import type Sqlite from 'better-sqlite3';
import {
  type Compilable,
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import type { Database } from './schema.js';

type Params = readonly unknown[];

/**
 * The local store. Kysely only builds and types the SQL; better-sqlite3 runs it synchronously,
 * so a mutation's whole read-check-write happens in one transaction with no await inside.
 */
export class OrderStore {
  /** A query builder: compile with .compile() or pass to all/first/run. It never executes. */
  readonly q: Kysely<Database>;
  private readonly statements = new Map<string, Sqlite.Statement>();
  private afterCommit: Array<() => void> | null = null;

  constructor(readonly sqlite: Sqlite.Database) {
    this.q = new Kysely<Database>({
      dialect: {
        createAdapter: () => new SqliteAdapter(),
        createDriver: () => new DummyDriver(),
        createIntrospector: (db) => new SqliteIntrospector(db),
        createQueryCompiler: () => new SqliteQueryCompiler(),
      },
    });
  }

  /** Cached prepared statement: preparing is a measurable cost on the hot paths. */
  prepare(sql: string): Sqlite.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Sees every statement run through this store (benchmarks replay them raw as a baseline). */
  tracer: ((sql: string, parameters: Params) => void) | null = null;

  /**
   * Hand-written SQL, for the hot paths (queue pages, the order page, the ship mutation) where
   * building and compiling a Kysely query costs more than running it. Rows are typed by the caller.
   */
  select<R>(sql: string, parameters: Params = []): R[] {
    this.tracer?.(sql, parameters);
    return this.prepare(sql).all(...parameters) as R[];
  }

  selectOne<R>(sql: string, parameters: Params = []): R | undefined {
    this.tracer?.(sql, parameters);
    return this.prepare(sql).get(...parameters) as R | undefined;
  }

  execute(sql: string, parameters: Params = []): Sqlite.RunResult {
    this.tracer?.(sql, parameters);
    return this.prepare(sql).run(...parameters);
  }

  all<R>(query: Compilable<R>): R[] {
    const { sql, parameters } = query.compile();
    return this.select<R>(sql, parameters);
  }

  first<R>(query: Compilable<R>): R | undefined {
    const { sql, parameters } = query.compile();
    return this.selectOne<R>(sql, parameters);
  }

  run(query: Compilable<unknown>): Sqlite.RunResult {
    const { sql, parameters } = query.compile();
    return this.execute(sql, parameters);
  }

  /**
   * Runs fn in one IMMEDIATE transaction (taking the write lock up front, so it never fails
   * half-way on a lock upgrade). Nesting is refused: a nested call would silently join the outer
   * transaction and break the one-mutation-one-transaction rule. The one exception is inside
   * batch(), where each transaction() becomes a savepoint: still applied whole or not at all.
   * Callbacks registered with onCommit run only once the commit is durable, each one even if an
   * earlier one threw; their errors are reported (reportCommitListenerError), never thrown.
   */
  transaction<T>(fn: () => T): T {
    if (this.batchCallbacks) return this.savepoint(fn);
    if (this.sqlite.inTransaction || this.afterCommit) {
      throw new Error('Nested transactions are not allowed');
    }
    const callbacks: Array<() => void> = [];
    this.afterCommit = callbacks;
    let result: T;
    try {
      result = this.sqlite.transaction(fn).immediate();
    } finally {
      this.afterCommit = null;
    }
    this.runCommitted(callbacks);
    return result;
  }

  /**
   * Where an after-commit callback's error goes. The commit has happened by then, so the error
   * must not reach the caller as a failed change (which invites a duplicate); it is logged. The
   * app's write path logs its own callbacks' errors with more context (mutations/pipeline.ts);
   * this is the backstop for any other.
   */
  reportCommitListenerError: (error: unknown) => void = (error) => {
    console.error('[order-desk] an after-commit listener failed:', error instanceof Error ? (error.stack ?? error.message) : String(error));
  };

  /** Every callback runs, even after one threw; errors are reported, not thrown. */
  private runCommitted(callbacks: ReadonlyArray<() => void>): void {
    for (const callback of callbacks) {
      try {
        callback();
      } catch (error) {
        try {
          this.reportCommitListenerError(error);
        } catch {
          // A broken logger must not undo what the guard is for.
        }
      }
    }
  }

  private batchCallbacks: Array<() => void> | null = null;

  /**
   * Many mutations, one commit: each transaction() inside fn runs as a savepoint, so a refused or
   * failed one rolls back alone while the others stand. For bulk work (a CSV import) where one
   * commit per row would write the same index and search pages thousands of times.
   * onCommit callbacks of the savepoints that stood run after the outer commit.
   */
  batch<T>(fn: () => T): T {
    if (this.sqlite.inTransaction || this.afterCommit || this.batchCallbacks) {
      throw new Error('Nested transactions are not allowed');
    }
    const callbacks: Array<() => void> = [];
    this.batchCallbacks = callbacks;
    let result: T;
    try {
      result = this.sqlite.transaction(fn).immediate();
    } finally {
      this.batchCallbacks = null;
    }
    this.runCommitted(callbacks);
    return result;
  }

  private savepoint<T>(fn: () => T): T {
    if (this.afterCommit) throw new Error('Nested transactions are not allowed');
    const callbacks: Array<() => void> = [];
    this.afterCommit = callbacks;
    let result: T;
    try {
      // better-sqlite3 runs a transaction function inside an open transaction as a SAVEPOINT.
      result = this.sqlite.transaction(fn)();
    } finally {
      this.afterCommit = null;
    }
    this.batchCallbacks!.push(...callbacks);
    return result;
  }

  /**
   * Runs bulk work without SQLite's automatic WAL checkpoints, then checkpoints once, on the next
   * turn of the event loop (after the caller's answer has gone out). On a large store a
   * checkpoint copies pages scattered across the whole file; every 1,000 pages during an import
   * it more than doubled the time a person waits for the report. Commits stay durable: the WAL
   * is fsynced on each commit as usual; only copying it back into the main file moves.
   */
  deferCheckpoints<T>(fn: () => T): T {
    const previous = Number(this.sqlite.pragma('wal_autocheckpoint', { simple: true }));
    this.sqlite.pragma('wal_autocheckpoint = 0');
    try {
      return fn();
    } finally {
      this.sqlite.pragma(`wal_autocheckpoint = ${previous}`);
      setImmediate(() => {
        if (this.sqlite.open) this.sqlite.pragma('wal_checkpoint(PASSIVE)');
      });
    }
  }

  /** Schedules a side effect for after the current transaction commits. */
  onCommit(callback: () => void): void {
    if (!this.afterCommit) throw new Error('onCommit called outside a transaction');
    this.afterCommit.push(callback);
  }

  close(): void {
    this.statements.clear();
    this.sqlite.close();
  }
}
