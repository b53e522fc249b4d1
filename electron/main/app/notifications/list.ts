import type { OrderStore } from '../../../../db/store.js';
import type {
  NotificationCounts,
  NotificationListOutput,
  NotificationRow,
  ParsedInput,
} from '../../../../shared/contract/index.js';
import { NOTIFICATION_STATUSES, type NotificationKind, type NotificationStatus } from '../../../../shared/domain/notifications.js';
import { DEFAULT_FAILURE_ALERT_THRESHOLD, shouldAlert } from '../../services/notifications/alert-threshold.js';
import type { NotificationSummary } from '../../../../shared/contract/index.js';
import type { CallActor, AppContext } from '../context.js';
import { scopeCondition } from './access.js';

interface ListRow {
  id: number;
  order_id: number | null;
  order_number: string | null;
  kind: string;
  channel: 'email' | 'sms';
  recipient: string;
  status: NotificationStatus;
  attempts: number;
  next_attempt_at: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number | null;
  sent_at: number | null;
  subject: string | null;
}

const toRow = (r: ListRow): NotificationRow => ({
  id: r.id,
  orderId: r.order_id,
  orderNumber: r.order_number,
  // Rows are only written by tx.notify, from a parsed content kind.
  kind: r.kind as NotificationKind,
  channel: r.channel,
  recipient: r.recipient,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  sentAt: r.sent_at,
  subject: r.subject,
});

/**
 * Counts per status in the actor's scope (and of one order, when given). Across orders each
 * status is counted on its own range of the (status, id) index; one order's few rows are
 * grouped straight from the (order_id, id) index.
 */
export function countNotifications(store: OrderStore, actor: CallActor, orderId?: number): NotificationCounts {
  const scope = scopeCondition(actor);
  const counts = { queued: 0, sending: 0, sent: 0, failed: 0, suppressed: 0 };
  if (orderId !== undefined) {
    const rows = store.select<{ status: NotificationStatus; n: number }>(
      `SELECT n.status, count(*) AS n FROM notifications n INDEXED BY notifications_order WHERE n.order_id = ? AND ${scope.sql} GROUP BY n.status`,
      [orderId, ...scope.params],
    );
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  }
  const sql = `SELECT count(*) AS n FROM notifications n WHERE n.status = ? AND ${scope.sql}`;
  for (const status of NOTIFICATION_STATUSES) {
    counts[status] = store.selectOne<{ n: number }>(sql, [status, ...scope.params])?.n ?? 0;
  }
  return counts;
}

/**
 * One keyset page of notifications, newest first, with the tabs' counts. One order's rows are
 * read from its own index: with a status filter too, the planner could otherwise walk every
 * row of that status.
 */
export function listNotifications(store: OrderStore, actor: CallActor, input: ParsedInput<'notifications.list'>): NotificationListOutput {
  const scope = scopeCondition(actor);
  const where: string[] = [scope.sql];
  const params: (number | string)[] = [...scope.params];
  if (input.status !== undefined) {
    where.push('n.status = ?');
    params.push(input.status);
  }
  if (input.orderId !== undefined) {
    where.push('n.order_id = ?');
    params.push(input.orderId);
  }
  if (input.before !== undefined) {
    where.push('n.id < ?');
    params.push(input.before);
  }
  const rows = store.select<ListRow>(
    `SELECT n.id, n.order_id, o.number AS order_number, n.kind, n.channel, n.recipient, n.status, n.attempts,
       n.next_attempt_at, n.last_error, n.created_at, n.updated_at, n.sent_at, n.subject
     FROM notifications n ${input.orderId === undefined ? '' : 'INDEXED BY notifications_order'} LEFT JOIN orders o ON o.id = n.order_id
     WHERE ${where.join(' AND ')}
     ORDER BY n.id DESC LIMIT ?`,
    [...params, input.limit + 1],
  );
  const page = rows.slice(0, input.limit);
  return {
    rows: page.map(toRow),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
    counts: countNotifications(store, actor, input.orderId),
  };
}

/** What the app shell needs for its alert banner and the screen for its sender line. */
export function summarize(ctx: AppContext, actor: CallActor): NotificationSummary {
  const counts = countNotifications(ctx.store, actor);
  const saved = ctx.notifications?.settings.get().alertThreshold;
  const threshold = saved !== undefined && Number.isInteger(saved) && saved >= 1 ? saved : DEFAULT_FAILURE_ALERT_THRESHOLD;
  return {
    counts,
    failed: counts.failed,
    threshold,
    alert: shouldAlert(counts.failed, threshold),
    sender: ctx.notifications?.state() ?? null,
  };
}
