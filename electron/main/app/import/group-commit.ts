import { closeSync, fsyncSync, openSync } from 'node:fs';
import type { OrderStore } from '../../../../db/store.js';

/**
 * Runs many small transactions with one disk flush at the end instead of one per commit (about
 * a millisecond each here, which alone would put a 10,000-line import past its budget). Each
 * transaction stays atomic: WAL with synchronous=NORMAL never leaves half a transaction behind,
 * a power cut can only lose whole transactions from the end. Durability returns before this
 * does: the WAL is fsynced, then synchronous=FULL is restored. Safe because the caller is one
 * synchronous handler: no sender, pusher or answer can act on a row until it is on disk.
 */
export function withGroupCommit<T>(store: OrderStore, fn: () => T): T {
  const db = store.sqlite;
  if (db.memory || String(db.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') return fn();
  const previous = Number(db.pragma('synchronous', { simple: true }));
  db.pragma('synchronous = NORMAL');
  try {
    return fn();
  } finally {
    try {
      const wal = openSync(`${db.name}-wal`, 'r+');
      try {
        fsyncSync(wal);
      } finally {
        closeSync(wal);
      }
    } finally {
      db.pragma(`synchronous = ${previous}`);
    }
  }
}
