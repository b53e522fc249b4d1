import { orderStoreIds } from '../../../../db/queries/order-detail.js';
import type { OrderStore } from '../../../../db/store.js';
import type { CallOutput, ParsedInput } from '../../../../shared/contract/index.js';
import { dedupeKeys } from '../../../../shared/domain/notifications.js';
import { fail, ok, type Result } from '../../../../shared/domain/result.js';
import type { CallActor, AppContext } from '../context.js';
import { orderConfirmationContent } from '../write-path/notification-content.js';
import { runOrderMutation, unchanged } from '../write-path/pipeline.js';

type Output = CallOutput<'orders.resendConfirmation'>;

/** One confirmation per order per minute, for everyone: a customer never gets a burst of them. */
export const RESEND_INTERVAL_MS = 60_000;

/** How long until this order's confirmation may be queued again; 0 when it may now. */
function resendWaitMs(store: OrderStore, orderId: number, now: number): number {
  // Walks notifications_order (order_id, id) newest first; an order has a handful of rows.
  const last = store.first(
    store.q
      .selectFrom('notifications')
      .select('created_at')
      .where('order_id', '=', orderId)
      .where('kind', '=', 'order_confirmation')
      .orderBy('id', 'desc')
      .limit(1),
  );
  return last === undefined ? 0 : Math.max(last.created_at + RESEND_INTERVAL_MS - now, 0);
}

/**
 * order.resendConfirmation@1: queues the order confirmation again, as of the order now. The
 * dedupe key carries the client's requestId, so a double click or a retried request finds the
 * row it already queued and changes nothing (no second email, timeline entry or outbox row).
 * Refused (FORBIDDEN) for a seller who shares the order with other stores, and (RATE_LIMITED)
 * within RESEND_INTERVAL_MS of the order's last confirmation.
 */
export function resendConfirmation(ctx: AppContext, actor: CallActor, input: ParsedInput<'orders.resendConfirmation'>): Result<Output> {
  const { store } = ctx;
  const dedupeKey = dedupeKeys.orderConfirmation(input.orderId, input.requestId);
  const findQueued = () => store.first(store.q.selectFrom('notifications').select('id').where('dedupe_key', '=', dedupeKey))?.id;
  return runOrderMutation<Output>(ctx, actor, { name: 'order.resendConfirmation@1', args: input }, input.orderId, (tx, order) => {
    // The confirmation lists every store's items and the whole order's money: a seller who
    // shares the order with other stores may not send it (nor see it, see notifications/access.ts).
    if (!actor.scope.canSeeAll(() => orderStoreIds(store, order.id))) {
      return fail(
        'FORBIDDEN',
        'This order is shared with other stores, so its confirmation lists their items too. Ask a marketplace admin to resend it.',
      );
    }
    // A repeat of a request that went through is answered as before, even within the minute.
    const existing = findQueued();
    if (existing !== undefined) return unchanged({ orderId: order.id, notificationId: existing, queued: false });
    const wait = resendWaitMs(store, order.id, tx.now);
    if (wait > 0) {
      return fail(
        'RATE_LIMITED',
        `The confirmation of this order was queued less than a minute ago. To spare the customer a flood, try again in ${Math.ceil(wait / 1000)} s.`,
      );
    }
    const items = store.all(store.q.selectFrom('order_items').selectAll().where('order_id', '=', order.id).orderBy('id'));
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
