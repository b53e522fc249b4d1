import type { NotificationCounts, SenderStateView } from '../../../shared/contract/index.js';
import type { NotificationKind, NotificationStatus } from '../../../shared/domain/notifications.js';
import { formatDateTime, formatRelative, humanize } from '../../lib/format.js';

export const KIND_LABELS: Record<NotificationKind, string> = {
  order_confirmation: 'Order confirmation',
  fulfillment_update: 'Fulfillment update',
  shipped: 'Shipped',
  delivered: 'Delivered',
  cancellation_approved: 'Cancellation approved',
  cancellation_rejected: 'Cancellation rejected',
  return_approved: 'Return approved',
  return_rejected: 'Return rejected',
  refund_issued: 'Refund issued',
};

export const kindLabel = (kind: string): string => KIND_LABELS[kind as NotificationKind] ?? humanize(kind);

export const STATUS_LABELS: Record<NotificationStatus, string> = {
  failed: 'Failed',
  queued: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  suppressed: 'Not sent',
};

export const STATUS_COLORS: Record<NotificationStatus, string> = {
  failed: 'red',
  queued: 'blue',
  sending: 'indigo',
  sent: 'teal',
  suppressed: 'gray',
};

/** A tab: one status, or every notification. */
export type NotificationTab = NotificationStatus | 'all';

/**
 * The tabs in the order people need them: Failed first while anything has failed (that is the
 * work), then what is still to go, what went, and what was held back on purpose.
 */
export function tabOrder(counts: NotificationCounts | null): NotificationTab[] {
  const rest: NotificationTab[] = ['queued', 'sending', 'sent', 'suppressed', 'all'];
  return counts !== null && counts.failed > 0 ? ['failed', ...rest] : [...rest.slice(0, 4), 'failed', 'all'];
}

export const tabCount = (tab: NotificationTab, counts: NotificationCounts | null): number | null => {
  if (counts === null) return null;
  return tab === 'all' ? Object.values(counts).reduce((sum, n) => sum + n, 0) : counts[tab];
};

export const tabLabel = (tab: NotificationTab): string =>
  tab === 'all' ? 'All' : tab === 'suppressed' ? 'Not sent (by choice)' : STATUS_LABELS[tab];

/** One line about the sender: whether mail can leave this desk now, and if not, why and until when. */
export function senderLine(sender: SenderStateView | null, now: number = Date.now()): { tone: 'ok' | 'warn' | 'off'; text: string } {
  if (sender === null) return { tone: 'off', text: 'This desk does not send notifications: they stay queued here.' };
  if (sender.mail === 'not_configured') return { tone: 'off', text: 'Email is not set up yet: notifications stay queued until a mail server is configured.' };
  if (sender.mail === 'offline') {
    const retry = sender.nextProbeAt === null ? '' : ` Trying again ${formatRelative(sender.nextProbeAt, now)} (${formatDateTime(sender.nextProbeAt)}).`;
    const why = sender.lastError ? ` Last error: ${sender.lastError}` : '';
    return { tone: 'warn', text: `The mail server can't be reached; emails wait in the queue.${retry}${why}` };
  }
  return { tone: 'ok', text: 'The mail server is reachable; queued emails go out as they come due.' };
}
