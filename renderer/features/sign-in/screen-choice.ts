import type { SyncStatus } from '../../../shared/contract/index.js';

export interface SignInChoice {
  /** Asked for by hand (the account menu, the header's Sign in). */
  requested: boolean;
  /** The person chose to carry on offline after their session ended. */
  putOff: boolean;
  /** The desk still knows who is working (session.get answers). */
  hasSession: boolean;
}

/**
 * Whether the sign-in screen takes the window. Nobody signed in: always. A session that ended
 * (expired, revoked): yes, unless the person still at the desk chose to keep working offline,
 * which is only possible while the desk still knows who they are.
 */
export function showsSignIn(status: SyncStatus | null, choice: SignInChoice): boolean {
  if (choice.requested) return true;
  if (status === null) return false;
  if (status.connection === 'signed_out') return true;
  return status.needsSignIn && !(choice.putOff && choice.hasSession);
}

/** "Keep working offline" is offered only where the desk can go on as the same person. */
export const canPutOff = (status: SyncStatus | null, hasSession: boolean): boolean =>
  status !== null && status.needsSignIn && status.connection !== 'signed_out' && hasSession;
