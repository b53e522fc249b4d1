// Whether a store file already holds a marketplace, decided without the seeder: the desktop
// app asks this at every start, and loads the seeder (a chunk of its own) only when the answer
// is no (see electron/main/index.ts).
import { existsSync, statSync } from 'node:fs';
import { openStore, type OpenStoreOptions } from '../open.js';
import type { OrderStore } from '../store.js';

/** True for a store with no people and no orders: nothing in it would be lost by replacing it. */
function isBlank(store: OrderStore): boolean {
  const any = (table: string) => store.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() !== undefined;
  return !any('orders') && !any('users');
}

/**
 * Opens the store at `file` when it is in use; null when there is none yet or it is blank,
 * i.e. when it may be replaced by a seeded one. A blank store is closed again before returning.
 */
export function openStoreInUse(file: string, open: OpenStoreOptions = {}): OrderStore | null {
  if (!existsSync(file) || statSync(file).size === 0) return null;
  const store = openStore(file, open);
  if (!isBlank(store)) return store;
  store.close();
  return null;
}
