import type { SyncStatus } from '../../../shared/contract/sync-calls.js';
import { plural } from '../../lib/format.js';

/**
 * The words the header, the sync panel and the sign-in screen use for the desk's sync state.
 * Pure (the clock is passed in), so the sentences people rely on are tested without a browser.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const count = new Intl.NumberFormat('en-US');

/** "12 s", "4 min", "3 h", "2 d": short enough for the header, exact enough to act on. */
export function shortDuration(ms: number): string {
  const abs = Math.max(0, ms);
  if (abs < MINUTE) return `${Math.floor(abs / SECOND)} s`;
  if (abs < HOUR) return `${Math.floor(abs / MINUTE)} min`;
  if (abs < DAY) return `${Math.floor(abs / HOUR)} h`;
  return `${Math.floor(abs / DAY)} d`;
}

export type ConnectionTone = 'green' | 'blue' | 'red' | 'orange' | 'gray';

export interface ConnectionLabel {
  label: string;
  tone: ConnectionTone;
  /** What it means for the person at the desk, for the tooltip and the panel. */
  meaning: string;
}

export function connectionLabel(status: Pick<SyncStatus, 'connection' | 'needsSignIn'>): ConnectionLabel {
  if (status.needsSignIn) {
    return { label: 'Sign in needed', tone: 'orange', meaning: 'Your session with the shop ended. Changes stay on this desk until you sign in again.' };
  }
  switch (status.connection) {
    case 'online':
      return { label: 'Online', tone: 'green', meaning: 'Connected to the shop. Changes are sent as you make them.' };
    case 'syncing':
      return { label: 'Syncing', tone: 'blue', meaning: 'Sending and receiving changes now.' };
    case 'offline':
      return {
        label: 'Offline',
        tone: 'red',
        meaning: 'The shop is not answering. Keep working: changes are kept on this desk and sent when it answers again.',
      };
    case 'signed_out':
      return { label: 'Signed out', tone: 'orange', meaning: 'Nobody is signed in to the shop. Changes stay on this desk until someone signs in.' };
    case 'local':
      return { label: 'Demo store', tone: 'gray', meaning: 'The offline demo store: nothing is sent to a shop.' };
  }
}

/** "All changes sent", "1 waiting, 40 s", "4 waiting, oldest 12 min". */
export function waitingText(status: Pick<SyncStatus, 'pending' | 'oldestPendingAt'>, now: number): string {
  if (status.pending === 0) return 'All changes sent';
  const age = status.oldestPendingAt === null ? null : shortDuration(now - status.oldestPendingAt);
  if (age === null) return `${count.format(status.pending)} waiting`;
  return status.pending === 1 ? `1 waiting, ${age}` : `${count.format(status.pending)} waiting, oldest ${age}`;
}

/** "synced 2 s ago", "never synced". A desk clock ahead of the server's never shows a negative age. */
export function syncedText(lastSyncedAt: number | null, now: number): string {
  return lastSyncedAt === null ? 'never synced' : `synced ${shortDuration(now - lastSyncedAt)} ago`;
}

/** "about 2 min left", "less than 10 s left"; null while there is nothing to estimate from. */
export function etaText(etaMs: number | null): string | null {
  if (etaMs === null || !Number.isFinite(etaMs) || etaMs < 0) return null;
  if (etaMs < 10 * SECOND) return 'less than 10 s left';
  if (etaMs < MINUTE) return `about ${Math.round(etaMs / (10 * SECOND)) * 10} s left`;
  if (etaMs < HOUR) return `about ${Math.ceil(etaMs / MINUTE)} min left`;
  const hours = Math.floor(etaMs / HOUR);
  const minutes = Math.round((etaMs % HOUR) / MINUTE);
  return minutes === 0 ? `about ${hours} h left` : `about ${hours} h ${minutes} min left`;
}

export interface FirstPullView {
  /** 0–100, or null when the server didn't say how much is coming (an indeterminate bar). */
  percent: number | null;
  /** "12,000 of 40,000 orders received · about 2 min left". */
  text: string;
}

export function firstPullView(firstPull: NonNullable<SyncStatus['firstPull']>): FirstPullView {
  const { received, total } = firstPull;
  const known = total !== null && total > 0;
  const progress = known ? `${count.format(Math.min(received, total))} of ${count.format(total)} received` : `${count.format(received)} received`;
  const eta = etaText(firstPull.etaMs);
  return {
    percent: known ? Math.min(100, Math.floor((received / total) * 100)) : null,
    text: eta === null ? progress : `${progress} · ${eta}`,
  };
}

/** Pulled rows that didn't parse: how many, and that sync went on without them. */
export function quarantinedText(quarantined: number): string | null {
  if (quarantined === 0) return null;
  const rows = quarantined === 1 ? '1 row from the shop could not be read and was set aside.' : `${count.format(quarantined)} rows from the shop could not be read and were set aside.`;
  return `${rows} Sync carries on with everything else. Tell whoever runs the shop backend: the desk's log names each row.`;
}

/** On the sign-in screen: what happens to the work done at this desk while signed out. */
export function keptChangesText(pending: number): string | null {
  if (pending === 0) return null;
  return pending === 1
    ? '1 change is waiting to sync; it is kept and sent after you sign in.'
    : `${count.format(pending)} changes are waiting to sync; they are kept and sent after you sign in.`;
}

/** Before signing out with changes the shop hasn't received. */
export function signOutWarning(pending: number): string | null {
  if (pending === 0) return null;
  if (pending === 1) {
    return '1 change made at this desk has not reached the shop yet. It stays on this desk under the name of whoever made it, and is sent after the next sign-in.';
  }
  return `${count.format(pending)} changes made at this desk have not reached the shop yet. They stay on this desk under the names of whoever made them, and are sent after the next sign-in.`;
}

/**
 * One sentence for screen readers when something worth hearing changes: the connection, the
 * first download finishing, a new refusal. The ticking ages are not announced (a live region
 * that speaks every second is noise), nor each round of syncing: online → syncing → online
 * happens every few seconds on a busy desk. Null when nothing worth saying changed.
 */
export function announcement(before: SyncStatus | null, after: SyncStatus): string | null {
  // The first status is what the header shows on arrival: nothing has changed yet.
  if (before === null) return null;
  const parts: string[] = [];
  const is = connectionLabel(settled(after)).label;
  if (connectionLabel(settled(before)).label !== is) parts.push(`Sync: ${is.toLowerCase()}.`);
  if (before.firstPull && !after.firstPull) parts.push('The store has finished downloading.');
  if (after.rejections > before.rejections) {
    parts.push(`${plural(after.rejections - before.rejections, 'change')} refused by the shop.`);
  }
  return parts.length === 0 ? null : parts.join(' ');
}

/** A round of syncing is part of being online. */
const settled = (status: SyncStatus): SyncStatus => (status.connection === 'syncing' ? { ...status, connection: 'online' } : status);
