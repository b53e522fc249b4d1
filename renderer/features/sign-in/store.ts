import { create } from 'zustand';
import type { CallInput, Session } from '../../../shared/contract/index.js';
import type { Failure, Result } from '../../../shared/domain/result.js';
import { call } from '../../api/client.js';

interface SignInState {
  /** The sign-in screen was asked for (from the demo store, or after putting it off). */
  requested: boolean;
  /**
   * The session ended while someone was working, and they chose to carry on offline: the desk
   * still knows who they are and keeps their changes; the header offers the sign-in instead.
   */
  putOff: boolean;
  open(): void;
  close(): void;
  putOffSignIn(): void;
}

export const useSignIn = create<SignInState>()((set) => ({
  requested: false,
  putOff: false,
  open: () => set({ requested: true }),
  close: () => set({ requested: false }),
  putOffSignIn: () => set({ putOff: true, requested: false }),
}));

/**
 * Signing in, out or over to the demo store switches the desk to another store file. Every
 * screen starts again from it: nothing read from the previous store (another person's queue,
 * another store's orders) may stay on screen or in a cache.
 */
function startAgain(): void {
  window.location.reload();
}

export async function signIn(input: CallInput<'session.signIn'>): Promise<Result<Session>> {
  const result = await call('session.signIn', input);
  if (result.ok) startAgain();
  return result;
}

/** Changes not yet sent stay in the outbox under their authors' names (main keeps them). */
export async function signOut(): Promise<Failure | null> {
  const result = await call('session.signOut', {});
  if (!result.ok) return result;
  startAgain();
  return null;
}

/** Leaves the shop's store for the offline demo store; the shop's store and its outbox are kept. */
export async function openDemoStore(): Promise<Failure | null> {
  const result = await call('session.useDemo', {});
  if (!result.ok) return result;
  startAgain();
  return null;
}
