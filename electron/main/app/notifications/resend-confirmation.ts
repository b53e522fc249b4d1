import type { OrderItem } from '../../../../db/schema.js';
import type { CallOutput, ParsedInput } from '../../../../shared/contract/index.js';
import { dedupeKeys } from '../../../../shared/domain/notifications.js';
import { ok, type Result } from '../../../../shared/domain/result.js';
import type { Actor, AppContext } from '../context.js';
import { orderConfirmationContent } from '../mutations/notification-content.js';
import { runOrderMutation, unchanged } from '../mutations/pipeline.js';

type Output = CallOutput<'orders.resendConfirmation'>;

/**
 * order.resendConfirmation@1: queues the order confirmation again, as of the order now. The
 * dedupe key carries the client's requestId, so a double click or a retried request finds the
 * row it already queued and changes nothing (no second email, timeline entry or outbox row).
 */
export function resendConfirmation(ctx: AppContext, actor: Actor, input: ParsedInput<'orders.resendConfirmation'>): Result<Output> {
  const { store } = ctx;
  const dedupeKey = dedupeKeys.orderConfirmation(input.orderId, input.requestId);
  const findQueued = () => store.selectOne<{ id: number }>('SELECT id FROM notifications WHERE dedupe_key = ?', [dedupeKey])?.id;
  return runOrderMutation<Output>(ctx, actor, { name: 'order.resendConfirmation@1', args: input }, input.orderId, (tx, order) => {
    const existing = findQueued();
    if (existing !== undefined) return unchanged({ orderId: order.id, notificationId: existing, queued: false });
    const items = store.select<OrderItem>('SELECT * FROM order_items WHERE order_id = ? ORDER BY id', [order.id]);
    tx.notify({
      dedupeKey,
      orderId: order.id,
      recipient: order.customer_email,
      content: orderConfirmationContent(store, order, items),
      suppressed: false,
    });
    const notificationId = findQueued();
    if (notificationId === undefined) throw new Error('the confirmation was not queued');
    // Order-wide: the confirmation is about the whole order, to its one customer.
    tx.event(order.id, 'confirmation_resent', { notificationId, recipient: order.customer_email });
    return ok({ orderId: order.id, notificationId, queued: true });
  });
}
