/**
 * The engine's own bookkeeping in sync_state, beside the pull cursor (rebase.ts owns that key):
 * the store file's client id, when it last synced, a first download in progress and a re-pull
 * after a reset. Each survives a restart, so an interrupted download resumes where it stopped.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { OrderStore } from '../../../../db/store.js';
import { CURSOR_KEY } from './rebase.js';

const CLIENT_ID = 'sync.client_id';
const LAST_SYNCED_AT = 'sync.last_synced_at';
const FIRST_PULL = 'sync.first_pull';
const REPULL = 'sync.repull';

const firstPullSchema = z.object({ received: z.number().int().nonnegative(), total: z.number().int().nonnegative().nullable() });
export type FirstPullProgress = z.infer<typeof firstPullSchema>;

function read(store: OrderStore, key: string): string | null {
  return store.first(store.q.selectFrom('sync_state').select('value').where('key', '=', key))?.value ?? null;
}

function write(store: OrderStore, key: string, value: string): void {
  store.run(store.q.insertInto('sync_state').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })));
}

function remove(store: OrderStore, key: string): void {
  store.run(store.q.deleteFrom('sync_state').where('key', '=', key));
}

/** One per store file: the server applies a mutation id at most once per client. */
export function clientIdOf(store: OrderStore): string {
  const saved = read(store, CLIENT_ID);
  if (saved !== null) return saved;
  const id = randomUUID();
  write(store, CLIENT_ID, id);
  return id;
}

export function lastSyncedAt(store: OrderStore): number | null {
  const saved = Number(read(store, LAST_SYNCED_AT));
  return Number.isSafeInteger(saved) && saved > 0 ? saved : null;
}

export function recordSynced(store: OrderStore, at: number): void {
  write(store, LAST_SYNCED_AT, String(at));
}

/** The first download (or the re-pull after a reset) in progress; null once it has finished. */
export function firstPullProgress(store: OrderStore): FirstPullProgress | null {
  const saved = read(store, FIRST_PULL);
  if (saved === null) return null;
  try {
    const parsed = firstPullSchema.safeParse(JSON.parse(saved));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function recordFirstPull(store: OrderStore, progress: FirstPullProgress | null): void {
  if (progress === null) remove(store, FIRST_PULL);
  else write(store, FIRST_PULL, JSON.stringify(progress));
}

/** A pull that starts from nothing: the first connection of this store file. */
export function hasCursor(store: OrderStore): boolean {
  return read(store, CURSOR_KEY) !== null;
}

/**
 * The server answered reset: forget the cursor and re-pull everything. Every order is marked as
 * not yet delivered by the new history (server_version 0, which no pulled row carries); the outbox
 * is kept. One transaction, so a crash leaves either the old state or a re-pull to resume.
 */
export function beginRepull(store: OrderStore): void {
  store.transaction(() => {
    remove(store, CURSOR_KEY);
    write(store, REPULL, '1');
    write(store, FIRST_PULL, JSON.stringify({ received: 0, total: null } satisfies FirstPullProgress));
    store.run(store.q.updateTable('orders').set({ server_version: 0 }));
  });
}

export function repullInProgress(store: OrderStore): boolean {
  return read(store, REPULL) !== null;
}

/** Orders the re-pull after a reset didn't deliver: the restored server no longer has them for us. */
export function undeliveredOrderIds(store: OrderStore): number[] {
  return store.all(store.q.selectFrom('orders').select('id').where('server_version', '=', 0)).map((row) => row.id);
}

export function endRepull(store: OrderStore): void {
  remove(store, REPULL);
}
