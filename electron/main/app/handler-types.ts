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
] as const;
export type AsyncCall = (typeof ASYNC_CALLS)[number];

export type Handler<N extends CallName> = (
  input: ParsedInput<N>,
  actor: CallActor,
) => N extends AsyncCall ? Promise<Result<CallOutput<N>>> : Result<CallOutput<N>>;
export type Handlers = { [N in CallName]: Handler<N> };
/** A feature's slice of the table; createHandlers checks that the slices cover every call. */
export type HandlerGroup<N extends CallName> = { [K in N]: Handler<K> };
