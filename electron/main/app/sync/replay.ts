import type { OutboxRow } from '../../../../db/queries/sync-outbox.js';
import { calls, roleHas, type ParsedInput } from '../../../../shared/contract/index.js';
import { isSyncedMutationName, SYNCED_MUTATIONS, type SyncedMutationName } from '../../../../shared/contract/sync-protocol.js';
import type { Result } from '../../../../shared/domain/result.js';
import { resolveActor } from '../actor.js';
import { withScope } from '../access.js';
import type { AppContext, CallActor } from '../context.js';
import { updateShippingAddress } from '../customers/shipping-address.js';
import { markDelivered } from '../delivery/mark-delivered.js';
import { resendConfirmation } from '../notifications/resend-confirmation.js';
import { retryNotifications } from '../notifications/retry.js';
import { placeHold, releaseHold } from '../orders/hold.js';
import { addNote } from '../orders/note.js';
import { markPacked } from '../packing/pack.js';
import { ship } from '../packing/ship.js';
import { asReplay } from '../write-path/pipeline.js';

type Mutator<N extends SyncedMutationName> = (ctx: AppContext, actor: CallActor, input: ParsedInput<(typeof SYNCED_MUTATIONS)[N]>) => Result<unknown>;

/**
 * The mutation bodies a rebase replays: the handlers' own functions, so a replayed change obeys
 * exactly the rules it obeyed when it was made. customer.saveAddress is about no order, so no
 * pulled order ever needs it replayed (and the address book isn't pulled).
 */
const MUTATORS: { [N in SyncedMutationName]: Mutator<N> | null } = {
  'order.ship@1': ship,
  'order.markPacked@1': markPacked,
  'order.placeHold@1': placeHold,
  'order.releaseHold@1': releaseHold,
  'order.addNote@1': addNote,
  'order.markDelivered@1': markDelivered,
  'order.updateShippingAddress@1': updateShippingAddress,
  'order.resendConfirmation@1': resendConfirmation,
  'notification.retry@1': (ctx, actor, input) => retryNotifications(ctx, actor, input.ids),
  'customer.saveAddress@1': null,
};

export type ReplayOutcome = 'applied' | 'refused' | 'skipped';

/**
 * Re-applies one outbox row through its mutation, as its author at the station and time it was
 * made, in replay mode (no new outbox row). 'refused': the state it now lands on doesn't allow
 * it; it stays pending and the server will answer it. 'skipped': it can't be replayed here (an
 * author no longer on this desk, args from an older desk that no longer parse): also left as it
 * is. Runs inside the caller's page transaction; a refusal rolls back only its own savepoint.
 */
export function replayChange(ctx: AppContext, row: OutboxRow): ReplayOutcome {
  if (!isSyncedMutationName(row.name)) return 'skipped';
  const name = row.name;
  const mutate = MUTATORS[name] as Mutator<SyncedMutationName> | null;
  if (!mutate) return 'skipped';
  const author = resolveActor(ctx.store, row.actor_id, { id: row.station_id, name: row.station_name ?? row.station_id });
  const definition = calls[SYNCED_MUTATIONS[name]];
  if (!author || !roleHas(author.role, definition.permission)) return 'skipped';
  let args: unknown;
  try {
    args = JSON.parse(row.args);
  } catch {
    return 'skipped';
  }
  const input = definition.input.safeParse(args);
  if (!input.success) return 'skipped';
  // The name the change was made under, even if the person's name has changed since.
  const actor = withScope({ ...author, name: row.actor_name ?? author.name });
  try {
    const result = asReplay(row.created_at, () => mutate(ctx, actor, input.data as never));
    return result.ok ? 'applied' : 'refused';
  } catch (error) {
    // A fault in one replay must not cost the page (or every later one): logged, left pending.
    ctx.logError(`replaying ${name} failed`, error);
    return 'skipped';
  }
}
