import type { Transaction } from 'kysely';
import type { ServerDatabase } from './schema.js';

/**
 * The next version, taken inside the writing transaction. The UPDATE locks the meta row until
 * the transaction ends, so a second writer waits here until the first commits: versions become
 * visible in the order they were taken, and a pull that has seen version v has seen every
 * version below it. (A sequence would hand out v+1 while v is still uncommitted — the classic
 * trap where a puller moves past v and never sees it.) Take it as late as possible in the
 * transaction: the lock is held from here to commit.
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
