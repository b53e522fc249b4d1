import type { Transaction } from 'kysely';
import type { Dialect, ServerDatabase } from './schema.js';

/**
 * The next version, taken inside the writing transaction. The UPDATE locks the meta row until
 * the transaction ends, so a second writer waits here until the first commits: versions become
 * visible in the order they were taken, and a pull that has seen version v has seen every
 * version below it. (A sequence would hand out v+1 while v is still uncommitted — the classic
 * trap where a puller moves past v and never sees it.) The lock is held from here to commit;
 * writers that also lock orders take it first (lockVersions), the others as late as they can.
 */
export async function nextVersion(trx: Transaction<ServerDatabase>): Promise<number> {
  const row = await trx
    .updateTable('meta')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', 1)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

/**
 * Takes the version lock at the start of a transaction that will lock orders. Every such writer
 * then locks in the same order — the meta row first, orders after — so two of them can never
 * wait on each other (a push group holding order A and wanting the version, while a storefront
 * call holds the version and wants A). SQLite has one writer at a time and needs nothing.
 */
export async function lockVersions(trx: Transaction<ServerDatabase>, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return;
  await trx.selectFrom('meta').select('version').where('id', '=', 1).forUpdate().executeTakeFirstOrThrow();
}

/**
 * Versions for a group of writes in one transaction, counted here and stored once at the end
 * (finish) instead of one UPDATE per write. Safe because the group holds the version lock from
 * start to commit: on PostgreSQL the meta row is locked FOR UPDATE here (the same lock order as
 * lockVersions), and SQLite has one writer at a time.
 */
export class VersionClock {
  private constructor(private current: number, private readonly started: number) {}

  static async start(trx: Transaction<ServerDatabase>, dialect: Dialect): Promise<VersionClock> {
    let query = trx.selectFrom('meta').select('version').where('id', '=', 1);
    if (dialect === 'postgres') query = query.forUpdate();
    const { version } = await query.executeTakeFirstOrThrow();
    return new VersionClock(version, version);
  }

  /** The latest version, committed or taken by this group. */
  get now(): number {
    return this.current;
  }

  next(): number {
    this.current += 1;
    return this.current;
  }

  async finish(trx: Transaction<ServerDatabase>): Promise<void> {
    if (this.current === this.started) return;
    await trx.updateTable('meta').set({ version: this.current }).where('id', '=', 1).execute();
  }
}
