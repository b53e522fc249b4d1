import type { OrderStore } from '../store.js';
import { createDocWriter } from './sync-apply.js';

/** sync_state key set while a full re-pull (after the server answered reset) is under way. */
export const RESYNC_KEY = 'pull.resync';

/**
 * The server answered reset (restored from a backup, another server, a changed scope): the desk
 * pulls everything again from a null cursor. Every order it has from a server is marked
 * (server_version -1) and the cursor forgotten, in one transaction; a re-pulled order gets its
 * version back as it is written. The outbox is kept: pending changes are pushed and rebased as
 * usual. Interrupted, the mark stays until finishResync, so a restarted desk finishes the job.
 */
export function beginResync(store: OrderStore, cursorKey: string): void {
  store.transaction(() => {
    store.execute('UPDATE orders SET server_version = -1 WHERE server_version > 0');
    store.execute('DELETE FROM sync_state WHERE key = ?', [cursorKey]);
    store.execute("INSERT INTO sync_state (key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE SET value = excluded.value", [RESYNC_KEY]);
  });
}

export const resyncUnderWay = (store: OrderStore): boolean =>
  store.selectOne<{ value: string }>('SELECT value FROM sync_state WHERE key = ?', [RESYNC_KEY]) !== undefined;

/**
 * After the re-pull's last page: the orders it didn't deliver are gone from this reader's view,
 * and go here too (their server-side rows; the desk's own rows let go as for a tombstone). One
 * that can't be removed (a refund recorded here points at it) stays, and is reported. Answers the
 * removed ids, for orders.changed.
 */
export function finishResync(store: OrderStore, now: number, logError: (message: string, error: unknown) => void): number[] {
  if (!resyncUnderWay(store)) return [];
  const removed: number[] = [];
  store.transaction(() => {
    const writer = createDocWriter(store, now);
    const inSavepoint = store.sqlite.transaction((orderId: number) => writer.deleteOrder(orderId));
    for (const { id } of store.select<{ id: number }>('SELECT id FROM orders WHERE server_version = -1')) {
      try {
        inSavepoint(id);
        removed.push(id);
      } catch (error) {
        logError(`sync: order ${id} was not re-delivered but could not be removed`, error);
      }
    }
    store.execute('DELETE FROM sync_state WHERE key = ?', [RESYNC_KEY]);
  });
  return removed;
}
