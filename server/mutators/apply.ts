import type { OrderDoc } from '../../shared/contract/sync-protocol.js';
import { fail, type Result } from '../../shared/domain/result.js';
import type { EventIds, MutationActor, MutationResult, NamedMutation } from './types.js';

/**
 * Applies one pushed mutation to an order document with the rules the desk used (shared/domain),
 * refusing what the desk would refuse, with the same code and sentence. Pure: `now` is the
 * server's clock for this commit and event ids come from `ids`.
 */
export function applyMutation(
  _doc: OrderDoc,
  _mutation: NamedMutation,
  _actor: MutationActor,
  _now: number,
  _ids: EventIds,
): MutationResult {
  return fail('INTERNAL', 'Not built yet.');
}

/**
 * The order a mutation is about, from its parsed args: null for the desk-only mutations
 * (customer.saveAddress@1, notification.retry@1) that touch no order document. INVALID_INPUT
 * (with field errors) for args the desk call's schema refuses.
 */
export function mutationOrderId(_mutation: NamedMutation): Result<number | null> {
  return fail('INTERNAL', 'Not built yet.');
}
