import { create } from 'zustand';
import type { SyncStatus } from '../../../shared/contract/index.js';
import { call, on } from '../../api/client.js';
import { announcement } from './status-text.js';

interface SyncState {
  /** The last status main reported; null until the first answer. */
  status: SyncStatus | null;
  /** Why the status could not be read (the desk service is away); the last status stays shown. */
  error: string | null;
  /** A "Sync now" is on its way. */
  syncingNow: boolean;
  /** The last change worth saying out loud (aria-live); `seq` makes a repeat sentence speak again. */
  spoken: { text: string; seq: number } | null;
  /** The sync panel (rejections, quarantined rows, last error). */
  panelOpen: boolean;

  load(): Promise<void>;
  /** A status main pushed (sync.changed) or answered. */
  receive(status: SyncStatus): void;
  syncNow(): Promise<void>;
  setPanelOpen(open: boolean): void;
}

// Answers can overtake each other (a slow sync.status after a newer sync.changed): only the
// latest request's answer may replace what an event already brought.
let generation = 0;
let spokenSeq = 0;

export const useSync = create<SyncState>()((set, get) => ({
  status: null,
  error: null,
  syncingNow: false,
  spoken: null,
  panelOpen: false,

  async load() {
    const mine = ++generation;
    const result = await call('sync.status', {});
    if (mine !== generation) return;
    if (result.ok) get().receive(result.value);
    else set({ error: result.message });
  },

  receive(status) {
    generation++;
    const text = announcement(get().status, status);
    set({ status, error: null, ...(text === null ? {} : { spoken: { text, seq: ++spokenSeq } }) });
  },

  async syncNow() {
    if (get().syncingNow) return;
    set({ syncingNow: true });
    const mine = ++generation;
    const result = await call('sync.now', {});
    set({ syncingNow: false });
    if (!result.ok) set({ error: result.message });
    else if (mine === generation) get().receive(result.value);
  },

  setPanelOpen: (panelOpen) => set({ panelOpen }),
}));

/** A burst of commits (a pulled page, a bulk hold) asks for the status once per this. */
const COMMITS_REFRESH_MS = 500;

/**
 * Keeps the sync status current: loads it now, takes every sync.changed, and looks again after
 * local commits, whose waiting count the engine may not announce (asleep until the next sign-in,
 * or between rounds). Returns the unsubscribe.
 */
export function watchSync(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const offStatus = on('sync.changed', (status) => useSync.getState().receive(status));
  const offCommits = on('orders.changed', () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      void useSync.getState().load();
    }, COMMITS_REFRESH_MS);
  });
  void useSync.getState().load();
  return () => {
    offStatus();
    offCommits();
    if (timer !== undefined) clearTimeout(timer);
  };
}

/** The desk is on a shop backend (not the offline demo store): sync is worth showing. */
export const isSynced = (status: SyncStatus | null): boolean => status !== null && status.connection !== 'local';

/**
 * Whether "unsynced" means anything here: on the offline demo store nothing is ever sent, so its
 * changes carry no badge.
 */
export const useShowsUnsynced = (): boolean => useSync((s) => isSynced(s.status));

/** The sign-in screen must come first: the session ended, or a backend is known and nobody is signed in. */
export const needsSignIn = (status: SyncStatus | null): boolean =>
  status !== null && (status.needsSignIn || status.connection === 'signed_out');
