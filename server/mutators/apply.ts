import { calls, roleHas, type CallName, type ParsedInput } from '../../shared/contract/index.js';
import { SYNCED_MUTATIONS, type OrderDoc, type SyncedMutationName } from '../../shared/contract/sync-protocol.js';
import { ok, type Result } from '../../shared/domain/result.js';
import { reach, unchanged, type Step } from './context.js';
import { invalidInput, roleRefused } from '../../shared/domain/access.js';
import { saveToCustomerRefused } from '../../shared/domain/address-change.js';
import { parseAddress } from '../../shared/domain/address.js';
import { markDelivered } from './deliver.js';
import { placeHold, releaseHold } from './hold.js';
import { addNote } from './note.js';
import { markPacked } from './pack.js';
import { ship } from './ship.js';
import { updateShippingAddress } from './shipping-address.js';
import type { EventIds, MutationActor, MutationResult, NamedMutation } from './types.js';

/** A mutation's args as its desk call parsed them: the same schema, so both sides agree on what it may carry. */
function parseArgs<C extends CallName>(call: C, args: unknown): Result<ParsedInput<C>> {
  const parsed = calls[call].input.safeParse(args);
  return parsed.success ? ok(parsed.data as ParsedInput<C>) : invalidInput(parsed.error);
}

/** The desk's dispatch order: the role's permission first, then the args. */
function admit<N extends SyncedMutationName>(name: N, args: unknown, actor: MutationActor): Result<ParsedInput<(typeof SYNCED_MUTATIONS)[N]>> {
  const call = SYNCED_MUTATIONS[name];
  if (!roleHas(actor.role, calls[call].permission)) return roleRefused();
  return parseArgs(call, args);
}

function onOrder<A>(
  doc: OrderDoc,
  actor: MutationActor,
  now: number,
  ids: EventIds,
  args: Result<A>,
  apply: (step: Step, args: A) => MutationResult,
): MutationResult {
  if (!args.ok) return args;
  const step = reach(doc, actor, now, ids);
  return step.ok ? apply(step.value, args.value) : step;
}

/**
 * Applies one pushed mutation to an order document with the rules the desk used (shared/domain),
 * refusing what the desk would refuse with the same code and sentence. Pure: `now` is the
 * server's clock for this commit (desk clocks are informational) and event ids come from `ids`.
 *
 * The caller has found `doc` by mutationOrderId (a missing order is orderUnreachable's refusal)
 * and, for order.ship@1, checked that the shipmentId isn't another order's.
 *
 * Desk-only effects, ok and unchanged here: order.resendConfirmation@1 (an email the desk queued
 * and sends; its rate limit and timeline entry are the desk's), notification.retry@1 (the desk's
 * own notification rows) and customer.saveAddress@1 (the desk's address book). Their args are
 * still parsed and the role checked, so garbage is refused as at the desk.
 */
export function applyMutation(doc: OrderDoc, mutation: NamedMutation, actor: MutationActor, now: number, ids: EventIds): MutationResult {
  const { args } = mutation;
  switch (mutation.name) {
    case 'order.ship@1':
      return onOrder(doc, actor, now, ids, admit('order.ship@1', args, actor), ship);
    case 'order.markPacked@1':
      return onOrder(doc, actor, now, ids, admit('order.markPacked@1', args, actor), markPacked);
    case 'order.placeHold@1':
      return onOrder(doc, actor, now, ids, admit('order.placeHold@1', args, actor), placeHold);
    case 'order.releaseHold@1':
      return onOrder(doc, actor, now, ids, admit('order.releaseHold@1', args, actor), releaseHold);
    case 'order.addNote@1':
      return onOrder(doc, actor, now, ids, admit('order.addNote@1', args, actor), addNote);
    case 'order.markDelivered@1':
      return onOrder(doc, actor, now, ids, admit('order.markDelivered@1', args, actor), markDelivered);
    case 'order.updateShippingAddress@1': {
      const input = admit('order.updateShippingAddress@1', args, actor);
      if (!input.ok) return input;
      // As at the desk, before the order is looked at: who may save to the address book, then the address itself.
      if (input.value.saveToCustomer && !roleHas(actor.role, 'customers.manage')) return saveToCustomerRefused();
      const to = parseAddress(input.value.address);
      if (!to.ok) return to;
      return onOrder(doc, actor, now, ids, input, (step, parsed) => updateShippingAddress(step, parsed, to.value));
    }
    case 'order.resendConfirmation@1':
      return onOrder(doc, actor, now, ids, admit('order.resendConfirmation@1', args, actor), (step) => unchanged(step.doc));
    case 'notification.retry@1': {
      const input = admit('notification.retry@1', args, actor);
      return input.ok ? unchanged(doc) : input;
    }
    case 'customer.saveAddress@1': {
      const input = admit('customer.saveAddress@1', args, actor);
      return input.ok ? unchanged(doc) : input;
    }
  }
}

/**
 * The order a mutation is about, from its parsed args, so the caller can load that document:
 * null for the desk-only mutations about no order (notification.retry@1, customer.saveAddress@1),
 * which the caller answers `applied` without a document. The role and args are checked as in
 * applyMutation (FORBIDDEN, INVALID_INPUT with field errors).
 */
export function mutationOrderId(mutation: NamedMutation, actor: MutationActor): Result<number | null> {
  switch (mutation.name) {
    case 'notification.retry@1':
    case 'customer.saveAddress@1': {
      const input = admit(mutation.name, mutation.args, actor);
      return input.ok ? ok(null) : input;
    }
    default: {
      const input = admit(mutation.name, mutation.args, actor);
      return input.ok ? ok(input.value.orderId) : input;
    }
  }
}

/** The refusal for a mutation naming an order the server doesn't have (or the actor can't reach). */
export { orderUnreachable } from '../../shared/domain/access.js';
