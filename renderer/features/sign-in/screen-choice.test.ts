import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/contract/sync-calls.js';
import { canPutOff, showsSignIn } from './screen-choice.js';

const status = (over: Partial<SyncStatus> = {}): SyncStatus => ({
  connection: 'online',
  serverUrl: 'https://shop.example.com',
  pending: 0,
  oldestPendingAt: null,
  lastSyncedAt: null,
  firstPull: null,
  rejections: 0,
  quarantined: 0,
  needsSignIn: false,
  lastError: null,
  ...over,
});
const working = { requested: false, putOff: false, hasSession: true };

describe('when the sign-in screen takes the window', () => {
  it('when nobody is signed in to the known backend, whatever else', () => {
    expect(showsSignIn(status({ connection: 'signed_out' }), { ...working, hasSession: false })).toBe(true);
    expect(showsSignIn(status({ connection: 'signed_out' }), { ...working, putOff: true, hasSession: false })).toBe(true);
  });

  it('when the session ended, until the person at the desk chooses to carry on offline', () => {
    for (const connection of ['signed_out', 'offline'] as const) {
      const ended = status({ connection, needsSignIn: true });
      expect(showsSignIn(ended, working)).toBe(true);
      expect(canPutOff(ended, true)).toBe(true);
      expect(showsSignIn(ended, { ...working, putOff: true })).toBe(false);
    }
  });

  it('never lets anyone carry on offline when the desk no longer knows who they are', () => {
    const ended = status({ connection: 'signed_out', needsSignIn: true });
    expect(canPutOff(ended, false)).toBe(false);
    expect(showsSignIn(ended, { requested: false, putOff: true, hasSession: false })).toBe(true);
  });

  it('not on the demo store or a working connection, unless asked for', () => {
    expect(showsSignIn(status({ connection: 'local', serverUrl: null }), working)).toBe(false);
    expect(showsSignIn(status(), working)).toBe(false);
    expect(showsSignIn(null, working)).toBe(false);
    expect(showsSignIn(status({ connection: 'local', serverUrl: null }), { ...working, requested: true })).toBe(true);
  });
});
