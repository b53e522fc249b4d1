/**
 * The notifications table as the sender sees it: which rows are due, taking them, and recording
 * what happened. Every state change is its own short transaction, committed before the sender
 * moves on, so a crash leaves each row in a state the next start understands.
 */
import type { OrderStore } from '../../../../db/store.js';
import type { NotificationChannel } from '../../../../shared/domain/notifications.js';
import type { RenderedEmail } from './ports.js';

export interface DueRow {
  id: number;
  dedupe_key: string;
  channel: NotificationChannel;
  recipient: string;
  attempts: number;
  payload: string;
}

export interface Taken {
  id: number;
  rendered: RenderedEmail;
  messageId: string;
}

export type Outcome =
  | { id: number; kind: 'sent'; providerId: string }
  | { id: number; kind: 'retry'; attempts: number; nextAttemptAt: number; error: string }
  /** Unreachable server: back in line with its attempts untouched. */
  | { id: number; kind: 'wait'; nextAttemptAt: number; error: string }
  | { id: number; kind: 'failed'; attempts: number; error: string };

export const INTERRUPTED_MESSAGE =
  'Order Desk stopped while this message was being handed to the server, so it may or may not have arrived. ' +
  'It was not sent again automatically; retry it if the customer did not get it.';

/** The reason a row gets when the connection broke after its whole message was handed over. */
export function mayHaveArrivedMessage(detail: string): string {
  return (
    'The connection to the mail server broke after the whole message was handed to it, before the server confirmed it, ' +
    `so it may or may not have arrived (${detail}). It was not sent again automatically; retry it if the customer did not get it.`
  );
}

export function dueRows(store: OrderStore, channels: readonly NotificationChannel[], now: number, limit: number): DueRow[] {
  if (channels.length === 0 || limit <= 0) return [];
  // Hand-written, as are nextDueAt, markSending and recordOutcomes: the sender's loop (emails_10000 figure).
  return store.select<DueRow>(
    `SELECT id, dedupe_key, channel, recipient, attempts, payload FROM notifications
     WHERE status = 'queued' AND next_attempt_at <= ? AND channel IN (${channels.map(() => '?').join(', ')})
     ORDER BY next_attempt_at, id LIMIT ?`,
    [now, ...channels, limit],
  );
}

/** The earliest time a queued row of these channels becomes due, or null when none waits. */
export function nextDueAt(store: OrderStore, channels: readonly NotificationChannel[]): number | null {
  if (channels.length === 0) return null;
  const row = store.selectOne<{ at: number | null }>(
    `SELECT min(next_attempt_at) AS at FROM notifications WHERE status = 'queued' AND channel IN (${channels.map(() => '?').join(', ')})`,
    [...channels],
  );
  return row?.at ?? null;
}

/**
 * Marks rows 'sending' with the exact message about to go, in one commit, before any byte goes
 * to the server. Returns the ids actually taken: a row retried or changed meanwhile is skipped.
 */
export function markSending(store: OrderStore, taken: readonly Taken[], now: number): Set<number> {
  const update = store.prepare(
    `UPDATE notifications SET status = 'sending', sending_at = ?, updated_at = ?, subject = ?, body_html = ?, body_text = ?, message_id = ?
     WHERE id = ? AND status = 'queued'`,
  );
  const ids = new Set<number>();
  store.transaction(() => {
    for (const row of taken) {
      if (update.run(now, now, row.rendered.subject, row.rendered.html, row.rendered.text, row.messageId, row.id).changes > 0) ids.add(row.id);
    }
  });
  return ids;
}

/**
 * Commits fn without waiting for the disk, when the store is in WAL mode. For outcomes only: a
 * commit survives a crash of the process at once (it is in the WAL, which the OS keeps), and only
 * a power cut before the next synced commit could lose it. A lost outcome leaves its row
 * 'sending', which the next start fails as "may have arrived": never a resend. Rows are still
 * marked 'sending' with a synced commit before a byte leaves (markSending). So each reply is
 * recorded the moment it comes, narrowing the "may have arrived" window, at no fsync per email.
 */
function commitWithoutSync(store: OrderStore, fn: () => void): void {
  const db = store.sqlite;
  const synchronous = Number(db.pragma('synchronous', { simple: true }));
  if (synchronous <= 1 || String(db.pragma('journal_mode', { simple: true })) !== 'wal') return store.transaction(fn);
  db.pragma('synchronous = NORMAL');
  try {
    store.transaction(fn);
  } finally {
    db.pragma(`synchronous = ${synchronous}`);
  }
}

/** Records outcomes in one commit, made as soon as they are known (see commitWithoutSync). */
export function recordOutcomes(store: OrderStore, outcomes: readonly Outcome[], now: number): void {
  // Hand-written: one commit per reply (email_outcome_window, emails_10000 figures).
  const sent = store.prepare(
    `UPDATE notifications SET status = 'sent', attempts = attempts + 1, sent_at = ?, updated_at = ?, provider_id = ?, last_error = NULL, next_attempt_at = NULL
     WHERE id = ? AND status = 'sending'`,
  );
  const requeue = store.prepare(
    `UPDATE notifications SET status = 'queued', attempts = ?, next_attempt_at = ?, last_error = ?, updated_at = ?, sending_at = NULL
     WHERE id = ? AND status IN ('queued', 'sending')`,
  );
  const failed = store.prepare(
    `UPDATE notifications SET status = 'failed', attempts = ?, next_attempt_at = NULL, last_error = ?, updated_at = ?, sending_at = NULL
     WHERE id = ? AND status IN ('queued', 'sending')`,
  );
  const attemptsOf = store.prepare('SELECT attempts FROM notifications WHERE id = ?');
  commitWithoutSync(store, () => {
    for (const outcome of outcomes) {
      switch (outcome.kind) {
        case 'sent':
          sent.run(now, now, outcome.providerId, outcome.id);
          break;
        case 'retry':
          requeue.run(outcome.attempts, outcome.nextAttemptAt, outcome.error, now, outcome.id);
          break;
        case 'wait': {
          const row = attemptsOf.get(outcome.id) as { attempts: number } | undefined;
          requeue.run(row?.attempts ?? 0, outcome.nextAttemptAt, outcome.error, now, outcome.id);
          break;
        }
        case 'failed':
          failed.run(outcome.attempts, outcome.error, now, outcome.id);
          break;
      }
    }
  });
}

/**
 * Queued rows of `channel` waiting until `until` at the latest (for a server that was away)
 * become due now: the server is back, or its settings changed. Returns the rows moved.
 */
export function pullForwardWaiting(store: OrderStore, channel: NotificationChannel, until: number, now: number): number[] {
  return store
    .all(
      store.q
        .updateTable('notifications')
        .set({ next_attempt_at: now, updated_at: now })
        .where('status', '=', 'queued')
        .where('channel', '=', channel)
        .where('next_attempt_at', '>', now)
        .where('next_attempt_at', '<=', until)
        .returning('id'),
    )
    .map((row) => row.id);
}

/**
 * Rows left 'sending' by a process that stopped mid-send. The server may have accepted them, so
 * they are not sent again on their own: they fail with a reason a person can act on.
 */
export function failInterrupted(store: OrderStore, now: number): number[] {
  const rows = store.all(store.q.selectFrom('notifications').select('id').where('status', '=', 'sending'));
  if (rows.length === 0) return [];
  store.run(
    store.q
      .updateTable('notifications')
      .set((eb) => ({
        status: 'failed',
        attempts: eb('attempts', '+', 1),
        last_error: INTERRUPTED_MESSAGE,
        updated_at: now,
        next_attempt_at: null,
        sending_at: null,
      }))
      .where('status', '=', 'sending'),
  );
  return rows.map((row) => row.id);
}

export function failedCount(store: OrderStore): number {
  return store.first(store.q.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'failed'))?.n ?? 0;
}
