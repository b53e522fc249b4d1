import { saveOrder } from '../../../../db/queries/derive.js';
import type { ParsedInput } from '../../../../shared/contract/index.js';
import { checkPlaceHold, checkReleaseHold } from '../../../../shared/domain/hold.js';
import { ok, type Result } from '../../../../shared/domain/result.js';
import type { CallActor, AppContext } from '../context.js';
import { runOrderMutation } from '../write-path/pipeline.js';

/** order.placeHold@1: takes an order out of "to pack" until someone releases it. */
export function placeHold(ctx: AppContext, actor: CallActor, input: ParsedInput<'orders.placeHold'>): Result<{ orderId: number }> {
  const { store } = ctx;
  return runOrderMutation(ctx, actor, { name: 'order.placeHold@1', args: input }, input.orderId, (tx, order) => {
    const reason = checkPlaceHold({ status: order.status, onHold: order.on_hold === 1 }, input.reason);
    if (!reason.ok) return reason;
    saveOrder(store, order, { on_hold: 1, hold_reason: reason.value, held_at: tx.now, held_by: actor.userId }, tx.now);
    // The whole order is held, every store's part with it: all its sellers see who held it and why.
    tx.event(order.id, 'hold_placed', { reason: reason.value });
    return ok({ orderId: order.id });
  });
}

/** order.releaseHold@1: puts a held order back in its queue. */
export function releaseHold(ctx: AppContext, actor: CallActor, input: ParsedInput<'orders.releaseHold'>): Result<{ orderId: number }> {
  const { store } = ctx;
  return runOrderMutation(ctx, actor, { name: 'order.releaseHold@1', args: input }, input.orderId, (tx, order) => {
    const check = checkReleaseHold({ onHold: order.on_hold === 1, status: order.status });
    if (!check.ok) return check;
    saveOrder(store, order, { on_hold: 0, hold_reason: null, held_at: null, held_by: null }, tx.now);
    // Order-wide, like the hold it ends.
    tx.event(order.id, 'hold_released', { reason: order.hold_reason });
    return ok({ orderId: order.id });
  });
}
