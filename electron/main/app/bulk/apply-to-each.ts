import type { BulkReport } from '../../../../shared/contract/index.js';
import { fail, type Result } from '../../../../shared/domain/result.js';
import { loadOrderFor } from '../access.js';
import type { CallActor, AppContext } from '../context.js';

/**
 * Applies a one-order mutation to many orders, each in its own transaction: an order is changed
 * whole or refused whole, and one refusal doesn't undo the others. An unexpected fault in one
 * order (its transaction rolled back) is reported as that order's INTERNAL refusal rather than
 * failing the call, which would hide the orders already applied. A refused order's number is
 * reported only when the caller may see the order, so a bulk call can't probe other stores.
 */
export function applyToEach(
  ctx: AppContext,
  actor: CallActor,
  orderIds: readonly number[],
  apply: (orderId: number) => Result<{ orderId: number }>,
): BulkReport {
  const report: BulkReport = { applied: [], refused: [] };
  for (const orderId of new Set(orderIds)) {
    let result: Result<{ orderId: number }>;
    try {
      result = apply(orderId);
    } catch (error) {
      ctx.logError(`bulk action on order ${orderId} failed`, error);
      result = fail('INTERNAL', 'Something went wrong with this order on this desk. It was not changed; try it again.');
    }
    const visible = loadOrderFor(ctx.store, actor, orderId);
    const number = visible.ok ? visible.value.number : null;
    if (result.ok) report.applied.push({ orderId, number: number ?? '' });
    else report.refused.push({ orderId, number, code: result.code, message: result.message });
  }
  return report;
}
