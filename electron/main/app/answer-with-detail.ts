import { loadOrderDetail } from '../../../db/queries/order-detail.js';
import type { CallName, OrderDetail, ParsedInput } from '../../../shared/contract/index.js';
import { ok, type Result } from '../../../shared/domain/result.js';
import { loadOrderFor, viewerOf } from './access.js';
import type { CallActor, AppContext } from './context.js';

export type OrderMutation<N extends CallName> = (ctx: AppContext, actor: CallActor, input: ParsedInput<N>) => Result<{ orderId: number }>;

/**
 * Mutations on one order answer with the fresh order page, so the screen updates without a
 * second call. Read after commit, as the caller would see it.
 */
export const answerWithDetail =
  (ctx: AppContext) =>
  <N extends CallName>(mutate: OrderMutation<N>) =>
  (input: ParsedInput<N>, actor: CallActor): Result<OrderDetail> => {
    const result = mutate(ctx, actor, input);
    if (!result.ok) return result;
    const order = loadOrderFor(ctx.store, actor, result.value.orderId);
    return order.ok ? ok(loadOrderDetail(ctx.store, order.value, viewerOf(actor, ctx.now()))) : order;
  };
