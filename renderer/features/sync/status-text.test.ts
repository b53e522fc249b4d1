import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/contract/sync-calls.js';
import {
  announcement,
  connectionLabel,
  etaText,
  firstPullView,
  keptChangesText,
  quarantinedText,
  shortDuration,
  signOutWarning,
  syncedText,
  waitingText,
} from './status-text.js';

const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);
const MIN = 60_000;

const status = (over: Partial<SyncStatus> = {}): SyncStatus => ({
  connection: 'online',
  serverUrl: 'https://shop.example.com',
  pending: 0,
  oldestPendingAt: null,
  lastSyncedAt: NOW,
  firstPull: null,
  rejections: 0,
  quarantined: 0,
  needsSignIn: false,
  lastError: null,
  ...over,
});

describe('header sync text', () => {
  it('says how many changes wait and how old the oldest is', () => {
    expect(waitingText({ pending: 4, oldestPendingAt: NOW - 12 * MIN - 30_000 }, NOW)).toBe('4 waiting, oldest 12 min');
    expect(waitingText({ pending: 1, oldestPendingAt: NOW - 40_000 }, NOW)).toBe('1 waiting, 40 s');
    expect(waitingText({ pending: 12_500, oldestPendingAt: NOW - 3 * 60 * MIN }, NOW)).toBe('12,500 waiting, oldest 3 h');
    expect(waitingText({ pending: 0, oldestPendingAt: null }, NOW)).toBe('All changes sent');
  });

  it('counts the last sync up as time passes, and never shows a negative age for a clock ahead', () => {
    expect(syncedText(NOW - 2_000, NOW)).toBe('synced 2 s ago');
    expect(syncedText(NOW - 2_000, NOW + 60_000)).toBe('synced 1 min ago');
    expect(syncedText(NOW + 5 * MIN, NOW)).toBe('synced 0 s ago');
    expect(syncedText(null, NOW)).toBe('never synced');
  });

  it('rounds durations down to the unit people read', () => {
    expect(shortDuration(59_999)).toBe('59 s');
    expect(shortDuration(60 * MIN - 1)).toBe('59 min');
    expect(shortDuration(25 * 60 * MIN)).toBe('1 d');
  });

  it('names each connection state, and a desk whose session ended asks for a sign-in whatever the connection', () => {
    expect(connectionLabel(status({ connection: 'offline' })).label).toBe('Offline');
    expect(connectionLabel(status({ connection: 'syncing' })).label).toBe('Syncing');
    expect(connectionLabel(status({ connection: 'local' })).label).toBe('Demo store');
    expect(connectionLabel(status({ connection: 'offline', needsSignIn: true })).label).toBe('Sign in needed');
  });
});

describe('first connection progress', () => {
  it('shows received of total with an estimate', () => {
    expect(firstPullView({ received: 12_000, total: 40_000, etaMs: 2 * MIN - 5_000 })).toEqual({
      percent: 30,
      text: '12,000 of 40,000 received · about 2 min left',
    });
  });

  it('is indeterminate when the server does not say how much is coming', () => {
    expect(firstPullView({ received: 500, total: null, etaMs: null })).toEqual({ percent: null, text: '500 received' });
  });

  it('never passes 100 % when more arrives than was announced', () => {
    expect(firstPullView({ received: 1_050, total: 1_000, etaMs: 0 }).percent).toBe(100);
  });

  it('gives no estimate from nonsense', () => {
    expect(etaText(Number.NaN)).toBeNull();
    expect(etaText(-1)).toBeNull();
    expect(etaText(5_000)).toBe('less than 10 s left');
    expect(etaText(34_000)).toBe('about 30 s left');
    expect(etaText(90 * MIN)).toBe('about 1 h 30 min left');
  });
});

describe('what happens to waiting changes', () => {
  it('tells the person at the sign-in screen that their changes are kept', () => {
    expect(keptChangesText(3)).toBe('3 changes are waiting to sync; they are kept and sent after you sign in.');
    expect(keptChangesText(1)).toBe('1 change is waiting to sync; it is kept and sent after you sign in.');
    expect(keptChangesText(0)).toBeNull();
  });

  it('warns before signing out with unsent changes, and only then', () => {
    expect(signOutWarning(2)).toMatch(/^2 changes made at this desk have not reached the shop yet\. They stay/);
    expect(signOutWarning(1)).toMatch(/^1 change made at this desk has not reached the shop yet\. It stays/);
    expect(signOutWarning(0)).toBeNull();
  });
});

describe('rows set aside', () => {
  it('says how many pulled rows could not be read, and that sync went on', () => {
    expect(quarantinedText(0)).toBeNull();
    expect(quarantinedText(1)).toMatch(/^1 row from the shop could not be read and was set aside\. Sync carries on/);
    expect(quarantinedText(1_200)).toMatch(/^1,200 rows from the shop could not be read and were set aside\./);
  });
});

describe('announcements for screen readers', () => {
  it('speaks when the desk goes offline and comes back, not on every round of syncing', () => {
    expect(announcement(status(), status({ connection: 'offline' }))).toBe('Sync: offline.');
    expect(announcement(status({ connection: 'offline' }), status({ connection: 'syncing' }))).toBe('Sync: online.');
    expect(announcement(status(), status({ connection: 'syncing' }))).toBeNull();
    expect(announcement(status({ connection: 'syncing' }), status({ lastSyncedAt: NOW + 1_000 }))).toBeNull();
  });

  it('speaks when the shop refuses changes and when the first download ends', () => {
    expect(announcement(status({ rejections: 1 }), status({ rejections: 3 }))).toBe('2 changes refused by the shop.');
    expect(announcement(status({ firstPull: { received: 10, total: 20, etaMs: 1 } }), status())).toBe('The store has finished downloading.');
  });

  it('says nothing for the first status, which is simply shown', () => {
    expect(announcement(null, status({ connection: 'offline' }))).toBeNull();
  });
});
