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
 * Whether the sign-in screen takes the window. A session that ended (expired, revoked: the
 * shop's word, needsSignIn): yes, unless the person still at the desk chose to keep working
 * offline, which is only possible while the desk still knows who they are. Nobody signed in
 * (signed out on purpose): always.
 */
export function showsSignIn(status: SyncStatus | null, choice: SignInChoice): boolean {
  if (choice.requested) return true;
  if (status === null) return false;
  if (status.needsSignIn) return !(choice.putOff && choice.hasSession);
  return status.connection === 'signed_out';
}

/** "Keep working offline" is offered only where the desk can go on as the same person. */
export const canPutOff = (status: SyncStatus | null, hasSession: boolean): boolean => status !== null && status.needsSignIn && hasSession;
