import type { ParsedInput } from '../../../../shared/contract/index.js';
import { ok, type Result } from '../../../../shared/domain/result.js';
import { loadOrderFor } from '../access.js';
import type { Actor, AppContext } from '../context.js';
import { runMutation } from './pipeline.js';

/** order.addNote@1: an internal note on the timeline, for staff only. Allowed in any status. */
export function addNote(ctx: AppContext, actor: Actor, input: ParsedInput<'orders.addNote'>): Result<{ orderId: number }> {
  const { store } = ctx;
  return runMutation(ctx, actor, { name: 'order.addNote@1', args: input }, (tx) => {
    const loaded = loadOrderFor(store, actor, input.orderId);
    if (!loaded.ok) return loaded;
    tx.event(loaded.value.id, 'note', { body: input.body });
    return ok({ orderId: loaded.value.id });
  });
}
