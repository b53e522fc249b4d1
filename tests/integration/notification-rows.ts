/** Queued notification rows for the sender tests, written as the pipeline leaves them. */
import type { Fixture } from './fixtures.js';

/** One queued "delivered" email to `recipient`, due at `dueAt`; returns its id. */
export function queueDelivered(f: Fixture, recipient: string, dueAt: number, lastError: string | null = null): number {
  const number = `SH-${Math.floor(Math.random() * 9_000_000) + 1_000_000}`;
  const content = { kind: 'delivered', orderNumber: number, customerName: 'Casey Customer', storeNames: ['Alder Goods'], orderDelivered: true, parcels: 1 };
  return Number(
    f.store.sqlite
      .prepare(
        `INSERT INTO notifications (dedupe_key, order_id, kind, channel, recipient, status, attempts, next_attempt_at, last_error, payload, created_at, updated_at)
         VALUES (?, NULL, 'delivered', 'email', ?, 'queued', 0, ?, ?, ?, ?, ?)`,
      )
      .run(`test:${number}:${recipient}`, recipient, dueAt, lastError, JSON.stringify(content), Date.now(), Date.now()).lastInsertRowid,
  );
}

export function rowsOf(f: Fixture, ids: readonly number[]): Array<{ status: string; attempts: number; last_error: string | null }> {
  const row = f.store.sqlite.prepare('SELECT status, attempts, last_error FROM notifications WHERE id = ?');
  return ids.map((id) => row.get(id) as { status: string; attempts: number; last_error: string | null });
}
