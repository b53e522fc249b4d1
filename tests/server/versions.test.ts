import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullResponseSchema } from '../../shared/contract/sync-protocol.js';
import { writeOrder } from '../../server/orders/store.js';
import { orderDoc } from './docs.js';
import { BACKENDS, bearer, startShop } from './harness.js';

const postgres = BACKENDS.filter((backend) => backend.name === 'postgres');

/**
 * The classic trap: with versions from a sequence, writer A takes v=5, writer B takes v=6 and
 * commits first; a pull then moves its cursor to 6 and never sees 5. Here writers hold their
 * transaction open after taking a version (pg_sleep, inside PostgreSQL), overlapping each other and
 * a puller that pulls as fast as it can; every order written must reach the puller exactly once.
 */
describe.each(postgres)('versions on $name under concurrent writers', (backend) => {
  beforeAll(() => backend.start(), 60_000);
  afterAll(() => backend.stop());

  it('never lets a pull skip a change that commits after it with a lower version', { timeout: 120_000 }, async () => {
    const shop = await startShop(backend);
    try {
      const admin = await shop.signIn('admin@shop.test');
      const { north, south } = shop.stores;
      const WRITERS = 6;
      const EACH = 25;
      let done = false;

      const writer = async (w: number) => {
        for (let n = 0; n < EACH; n++) {
          const id = w * 1000 + n + 1;
          await shop.sdb.db.transaction().execute(async (trx) => {
            await sql`select pg_sleep(${Math.random() * 0.004})`.execute(trx);
            await writeOrder(trx, orderDoc(id, n % 2 ? [north] : [north, south]), null);
            // The window of the trap: the version is taken, the commit hasn't happened.
            await sql`select pg_sleep(${Math.random() * 0.006})`.execute(trx);
          });
        }
      };

      const received = new Map<number, number>();
      let pulls = 0;
      const puller = async () => {
        let cursor: string | null = null;
        const clientId = randomUUID();
        for (;;) {
          const finished = done;
          const answer = await shop.call('POST', '/sync/pull', { clientId, cursor, limit: 7 }, bearer(admin));
          const page = pullResponseSchema.parse(answer.body);
          if (page.status !== 'ok') throw new Error(page.reason);
          pulls++;
          for (const row of page.rows as { type: string; id: number }[]) {
            if (row.type === 'order') received.set(row.id, (received.get(row.id) ?? 0) + 1);
          }
          cursor = page.cursor;
          // Stop only after a full pass that began once every writer had committed.
          if (finished && !page.more) return;
        }
      };

      const pulling = puller();
      await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
      done = true;
      await pulling;

      const written = Array.from({ length: WRITERS }, (_, w) => Array.from({ length: EACH }, (_, n) => w * 1000 + n + 1)).flat();
      expect([...received.keys()].sort((a, b) => a - b)).toEqual(written.sort((a, b) => a - b));
      expect([...received.values()].every((count) => count === 1)).toBe(true);
      expect(pulls).toBeGreaterThan(10);
    } finally {
      await shop.close();
    }
  });
});
