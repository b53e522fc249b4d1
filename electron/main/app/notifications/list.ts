import type { ExpressionBuilder, InferResult } from 'kysely';
import type { OrderStore } from '../../../../db/store.js';
import type {
  NotificationCounts,
  NotificationListOutput,
  NotificationRow,
  ParsedInput,
} from '../../../../shared/contract/index.js';
import { NOTIFICATION_STATUSES, type NotificationKind } from '../../../../shared/domain/notifications.js';
import { DEFAULT_FAILURE_ALERT_THRESHOLD, shouldAlert } from '../../services/notifications/alert-threshold.js';
import type { NotificationSummary } from '../../../../shared/contract/index.js';
import type { CallActor, AppContext } from '../context.js';
import { notificationsAs, visibleTo, type FromNotifications } from './access.js';

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
  const visible = visibleTo(actor);
  const counts = { queued: 0, sending: 0, sent: 0, failed: 0, suppressed: 0 };
  const count = (eb: ExpressionBuilder<FromNotifications, 'n'>) => eb.fn.countAll<number>().as('n');
  if (orderId !== undefined) {
    const rows = store.all(
      store.q.selectFrom(notificationsAs('byOrder')).select(['n.status', count]).where('n.order_id', '=', orderId).where(visible).groupBy('n.status'),
    );
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  }
  for (const status of NOTIFICATION_STATUSES) {
    counts[status] = store.first(store.q.selectFrom(notificationsAs(null)).select(count).where('n.status', '=', status).where(visible))?.n ?? 0;
  }
  return counts;
}

function listQuery(store: OrderStore, actor: CallActor, input: ParsedInput<'notifications.list'>) {
  return store.q
    .selectFrom(notificationsAs(input.orderId === undefined ? null : 'byOrder'))
    .leftJoin('orders as o', 'o.id', 'n.order_id')
    .select([
      'n.id',
      'n.order_id',
      'o.number as order_number',
      'n.kind',
      'n.channel',
      'n.recipient',
      'n.status',
      'n.attempts',
      'n.next_attempt_at',
      'n.last_error',
      'n.created_at',
      'n.updated_at',
      'n.sent_at',
      'n.subject',
    ])
    .where(visibleTo(actor))
    .$if(input.status !== undefined, (query) => query.where('n.status', '=', input.status!))
    .$if(input.orderId !== undefined, (query) => query.where('n.order_id', '=', input.orderId!))
    .$if(input.before !== undefined, (query) => query.where('n.id', '<', input.before!))
    .orderBy('n.id', 'desc')
    .limit(input.limit + 1);
}

type ListRow = InferResult<ReturnType<typeof listQuery>>[number];

/**
 * One keyset page of notifications, newest first, with the tabs' counts. One order's rows are
 * read from its own index (see notificationsAs).
 */
export function listNotifications(store: OrderStore, actor: CallActor, input: ParsedInput<'notifications.list'>): NotificationListOutput {
  const rows = store.all(listQuery(store, actor, input));
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
