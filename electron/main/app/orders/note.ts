import { orderStoreIds } from '../../../../db/queries/order-detail.js';
import type { ParsedInput } from '../../../../shared/contract/index.js';
import { ok, type Result } from '../../../../shared/domain/result.js';
import { loadOrderFor } from '../access.js';
import type { CallActor, AppContext } from '../context.js';
import { runMutation } from '../write-path/pipeline.js';

/**
 * order.addNote@1: an internal note on the timeline, for staff only. Allowed in any status.
 *
 * Who reads it: an admin's note is for everyone working on the order. A seller's note is about
 * their part of it, so it is shown to the people of their own stores on the order (and admins),
 * never to another seller sharing the order: sellers are separate businesses and talk to each
 * other through the marketplace, not through each other's notes. A seller who works for every
 * store of the order writes for everyone on it, so one entry does.
 */
export function addNote(ctx: AppContext, actor: CallActor, input: ParsedInput<'orders.addNote'>): Result<{ orderId: number }> {
  const { store } = ctx;
  return runMutation(ctx, actor, { name: 'order.addNote@1', args: input, orderId: input.orderId }, (tx) => {
    const loaded = loadOrderFor(store, actor, input.orderId);
    if (!loaded.ok) return loaded;
    const orderId = loaded.value.id;
    const orderStores = orderStoreIds(store, orderId);
    const own = actor.scope.visible(orderStores);
    if (own.length === orderStores.length) {
      tx.event(orderId, 'note', { body: input.body });
    } else {
      for (const storeId of own.sort((a, b) => a - b)) tx.event(orderId, 'note', { body: input.body }, storeId);
    }
    return ok({ orderId });
  });
}
