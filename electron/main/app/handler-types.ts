import type { CallName, CallOutput, ParsedInput } from '../../../shared/contract/index.js';
import type { Result } from '../../../shared/domain/result.js';
import type { CallActor } from './context.js';

/**
 * Calls that answer later because they wait on something outside the database (the mail server,
 * the OS keystore). Every other handler stays synchronous, so a mutation's read-check-write can
 * never straddle an await.
 */
export const ASYNC_CALLS = [
  'notifications.preview',
  'settings.notifications.save',
  'settings.notifications.testSend',
  // Runs in slices with the event loop turning between them, so other calls are served meanwhile.
  'shipments.importCsv',
  // Talk to the shop backend (and switch store files) before answering.
  'sync.now',
  'session.signIn',
  'session.signOut',
  'session.useDemo',
] as const;
export type AsyncCall = (typeof ASYNC_CALLS)[number];

/**
 * The calls with permission 'public' (checked against the contract by dispatch at start-up):
 * they run with no one signed in, so their handlers get the actor or null.
 */
export const PUBLIC_CALLS = ['sync.status', 'session.signIn', 'session.signOut', 'session.useDemo'] as const;
export type PublicCall = (typeof PUBLIC_CALLS)[number];

export type Handler<N extends CallName> = (
  input: ParsedInput<N>,
  actor: N extends PublicCall ? CallActor | null : CallActor,
) => N extends AsyncCall ? Promise<Result<CallOutput<N>>> : Result<CallOutput<N>>;
export type Handlers = { [N in CallName]: Handler<N> };
/** A feature's slice of the table; createHandlers checks that the slices cover every call. */
export type HandlerGroup<N extends CallName> = { [K in N]: Handler<K> };
