import { orderStoreIds } from '../../../../db/queries/order-detail.js';
import type { NotificationRetryReport } from '../../../../shared/contract/index.js';
import type { NotificationStatus } from '../../../../shared/domain/notifications.js';
import { ok, type Result } from '../../../../shared/domain/result.js';
import type { CallActor, AppContext } from '../context.js';
import { afterCommit, runMutation, unchanged } from '../write-path/pipeline.js';
import { loadNotificationFor } from './access.js';

/** Why a row in this status can't go back in the queue, or null when it can (only failed rows). */
export function retryRefusal(status: NotificationStatus, kind: string): string | null {
  switch (status) {
    case 'failed':
      return null;
    case 'queued':
      return 'It is already waiting to be sent.';
    case 'sending':
      return 'It is being sent right now.';
    case 'sent':
      return kind === 'order_confirmation'
        ? 'It was already sent. Use "Resend confirmation" to send the confirmation again.'
        : 'It was already sent.';
    case 'suppressed':
      return 'It was never meant to go out: someone chose not to email the customer for this change.';
  }
}

/** Kept on the timeline so the reason a message failed isn't lost when it is cleared from the row. */
const REASON_MAX = 500;

/**
 * notification.retry@1: failed notifications go back in the queue with their attempts reset,
 * to be tried at once. All in one transaction, with a timeline entry on each row's order; each
 * row is retried or refused with its reason, and a refused row changes nothing. The sender is
 * woken after the commit.
 */
export function retryNotifications(ctx: AppContext, actor: CallActor, ids: readonly number[]): Result<NotificationRetryReport> {
  const { store } = ctx;
  const unique = [...new Set(ids)];
  const result = runMutation(ctx, actor, { name: 'notification.retry@1', args: { ids: unique } }, (tx) => {
    const report: NotificationRetryReport = { retried: [], refused: [] };
    for (const id of unique) {
      const row = loadNotificationFor(store, actor, id);
      if (!row.ok) {
        report.refused.push({ id, message: row.message });
        continue;
      }
      const refusal = retryRefusal(row.value.status, row.value.kind);
      if (refusal !== null) {
        report.refused.push({ id, message: refusal });
        continue;
      }
      store.run(
        store.q
          .updateTable('notifications')
          .set({ status: 'queued', attempts: 0, next_attempt_at: tx.now, last_error: null, sending_at: null, updated_at: tx.now })
          .where('id', '=', id)
          .where('status', '=', 'failed'),
      );
      const orderId = row.value.order_id;
      if (orderId !== null) {
        // Tagged with the message's store: a parcel's email and why it failed are that store's
        // business, shown to its sellers (and admins) like the message itself. A message about the
        // whole order stays order-wide, but its error text only goes where every reader of the
        // entry may also see the message (see sellerMaySee): not to the co-sellers of a shared order.
        const storeId = row.value.store_id;
        const errorVisible = storeId !== null || orderStoreIds(store, orderId).length <= 1;
        tx.event(
          orderId,
          'notification_retried',
          {
            notificationId: id,
            kind: row.value.kind,
            channel: row.value.channel,
            recipient: row.value.recipient,
            lastError: !errorVisible || row.value.last_error === null ? null : row.value.last_error.slice(0, REASON_MAX),
          },
          storeId,
        );
      }
      report.retried.push(id);
    }
    if (report.retried.length === 0) return unchanged(report);
    // These rows change without tx.notify, so the write path doesn't announce them itself.
    afterCommit(ctx, 'notifications.changed', () => ctx.emit('notifications.changed', { ids: report.retried }));
    afterCommit(ctx, 'waking the sender', () => ctx.notifications?.wake());
    return ok(report);
  });
  return result;
}
