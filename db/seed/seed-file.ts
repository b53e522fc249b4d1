// Seeding a store file as a whole: the seed is built in a temporary file next to the target and
// renamed into place once complete, so a seed that is killed or fails leaves no half-made store
// where the app looks for one (the bulk load runs without a journal, see seedMarketplace).
import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openStore, type OpenStoreOptions } from '../open.js';
import type { OrderStore } from '../store.js';
import { seedMarketplace, type SeedOptions, type SeedSummary } from './generate.js';
import { withSeedLock } from './seed-lock.js';
import { openStoreInUse } from './store-in-use.js';

/** The first-launch demo marketplace: enough orders to work every screen, seconds to build. */
export const DEMO_SEED = { orders: 400, seed: 1, demo: true } as const satisfies SeedOptions;

/** Where a seed of `target` is built; a leftover from a killed seed is removed by the next one. */
export const seedingFileOf = (target: string): string => `${target}.seeding`;

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

function fsyncPath(file: string, flags: string): void {
  const fd = openSync(file, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Seeds a new store into `seedingFileOf(target)`, then renames it over `target`: the target is
 * either as it was or the finished store. The file and its folder are fsynced so the rename can't
 * reach the disk before the data does. Only call it when `target` may be replaced.
 */
export function seedStoreFile(target: string, seed: SeedOptions, open: OpenStoreOptions = {}): SeedSummary {
  const temp = seedingFileOf(target);
  removeDatabaseFiles(temp);
  let summary: SeedSummary;
  const store = openStore(temp, open);
  try {
    summary = seedMarketplace(store, seed);
    // Everything into the main file, so the rename moves the whole store.
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    store.close();
  } catch (error) {
    store.close();
    removeDatabaseFiles(temp);
    throw error;
  }
  fsyncPath(temp, 'r+');
  renameSync(temp, target);
  // Windows can't open a folder for fsync; its rename is durable on NTFS's own journal.
  if (process.platform !== 'win32') fsyncPath(path.dirname(target), 'r');
  return summary;
}

export interface OpenedDemoStore {
  store: OrderStore;
  /** Set when this open seeded the demo marketplace. */
  seeded: SeedSummary | null;
}

/**
 * Opens the store at `file`; when there is none yet, or it is blank, it is first replaced by a
 * freshly seeded demo marketplace. The desktop app's first launch and `npm start -- --web` share
 * this, so both open the same store the same way.
 */
export function openOrSeedDemoStore(file: string, open: OpenStoreOptions = {}, seed: SeedOptions = DEMO_SEED): OpenedDemoStore {
  const store = openStoreInUse(file, open);
  if (store) return { store, seeded: null };
  return withSeedLock(file, () => {
    // Another start may have seeded it while this one waited for the lock.
    const seededMeanwhile = openStoreInUse(file, open);
    if (seededMeanwhile) return { store: seededMeanwhile, seeded: null };
    const seeded = seedStoreFile(file, seed, open);
    return { store: openStore(file, open), seeded };
  });
}
