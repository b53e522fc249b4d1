import type { z } from 'zod';
import type { Session, signInInputSchema, SyncStatus } from '../../../../shared/contract/index.js';
import type { Result } from '../../../../shared/domain/result.js';

export type SignInInput = z.output<typeof signInInputSchema>;

/** The shop backend as this store file sees it: the engine that pushes and pulls it. */
export interface SyncPort {
  /** Where the desk stands now; cheap (a few counts), asked on every sync.status. */
  status(): SyncStatus;
  /** Pushes and pulls now; resolves with the status after that round (or after it failed). */
  syncNow(): Promise<SyncStatus>;
  /** A change was committed with an outbox row: push soon instead of on the next timer round. */
  wake(): void;
}

/**
 * Who is signed in, owned by the composition root: signing in or out switches store files
 * (one per server and scope, never the demo store) and rebuilds the handler table on the new
 * one, which a handler of the old table cannot do itself. Each answer is the new desk's.
 */
export interface AccountPort {
  signIn(input: SignInInput): Promise<Result<Session>>;
  /** Revokes the token on the backend when it answers; pending changes stay in the outbox. */
  signOut(): Promise<Result<{ signedOut: true }>>;
  useDemo(): Promise<Result<Session>>;
}

/** What a desk without a backend (the offline demo store) reports. */
export const LOCAL_STATUS: SyncStatus = Object.freeze({
  connection: 'local',
  serverUrl: null,
  pending: 0,
  oldestPendingAt: null,
  lastSyncedAt: null,
  firstPull: null,
  rejections: 0,
  quarantined: 0,
  needsSignIn: false,
  lastError: null,
});
