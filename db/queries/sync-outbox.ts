import { SYNCED_MUTATIONS, type MutationOutcome } from '../../shared/contract/sync-protocol.js';
import type { OrderStore } from '../store.js';

/**
 * The outbox as sync sees it. A row is `pending` until the server answers it; then `pushed` (with
 * the version the server applied it at), `conflict` (applied, with a conflict the server
 * recorded) or `rejected` (refused: undone locally, listed in sync_rejections). Only mutations the
 * server knows (SYNCED_MUTATIONS) leave the desk; the rest (a station's claims) are this desk's
 * own and never count as unsynced.
 */

const SYNCED_NAMES = Object.keys(SYNCED_MUTATIONS);
const SYNCED_IN = `name IN (${SYNCED_NAMES.map((name) => `'${name}'`).join(', ')})`;

export interface OutboxRow {
  id: number;
  mutation_id: string;
  name: string;
  args: string;
  actor_id: number;
  actor_name: string | null;
  station_id: string;
  station_name: string | null;
  status: 'pending' | 'pushed' | 'rejected' | 'conflict';
  created_at: number;
  order_id: number | null;
  server_version: number | null;
}

const OUTBOX_COLUMNS =
  'id, mutation_id, name, args, actor_id, actor_name, station_id, station_name, status, created_at, order_id, server_version';

/** The oldest pending synced mutations, in the order they were made: the next push batch. */
export function pendingForPush(store: OrderStore, limit: number): OutboxRow[] {
  return store.select<OutboxRow>(`SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE status = 'pending' AND ${SYNCED_IN} ORDER BY id LIMIT ?`, [limit]);
}

/** The header's figures: changes the server hasn't answered yet, and when the oldest was made. */
export function pendingSummary(store: OrderStore): { pending: number; oldestPendingAt: number | null } {
  const row = store.selectOne<{ pending: number; oldest: number | null }>(
    `SELECT count(*) AS pending, min(created_at) AS oldest FROM outbox WHERE status = 'pending' AND ${SYNCED_IN}`,
  );
  return { pending: row?.pending ?? 0, oldestPendingAt: row?.oldest ?? null };
}

/** Which of these orders carry changes the server hasn't answered yet (the queue's badge). */
export function unsyncedOrderIds(store: OrderStore, orderIds: readonly number[]): Set<number> {
  const unsynced = new Set<number>();
  if (orderIds.length === 0) return unsynced;
  // One probe per order on outbox_order: a queue page asks for at most a few hundred.
  const probe = store.prepare(`SELECT 1 FROM outbox WHERE order_id = ? AND status = 'pending' AND ${SYNCED_IN} LIMIT 1`);
  for (const orderId of new Set(orderIds)) if (probe.get(orderId) !== undefined) unsynced.add(orderId);
  return unsynced;
}

/**
 * The server says it has applied every mutation of this client up to `lastMutationId` (in push
 * order): pending rows up to it are pushed, whatever happened to their answers (a desk killed
 * after the push, before the reply). Their version is unknown (null): the server's rows pulled
 * from now on include them. Answers how many rows it settled; an id this outbox doesn't know
 * (another store file's) settles nothing.
 */
export function settle(store: OrderStore, lastMutationId: string | null, now: number): number {
  if (lastMutationId === null) return 0;
  const last = store.selectOne<{ id: number }>('SELECT id FROM outbox WHERE mutation_id = ?', [lastMutationId]);
  if (!last) return 0;
  return store.execute(`UPDATE outbox SET status = 'pushed', pushed_at = ? WHERE status = 'pending' AND id <= ? AND ${SYNCED_IN}`, [
    now,
    last.id,
  ]).changes;
}

/** What the person did, in words, for the rejections list ("Ship order #1042"). */
const VERBS: Record<string, string> = {
  'order.ship@1': 'Ship',
  'order.markPacked@1': 'Mark items packed on',
  'order.placeHold@1': 'Put on hold',
  'order.releaseHold@1': 'Release the hold on',
  'order.addNote@1': 'Add a note to',
  'order.markDelivered@1': 'Mark delivered',
  'order.updateShippingAddress@1': 'Change the shipping address of',
  'order.resendConfirmation@1': 'Resend the confirmation of',
};

export function summarize(name: string, orderNumber: string | null): string {
  if (name === 'notification.retry@1') return orderNumber ? `Retry a message about order #${orderNumber}` : 'Retry customer messages';
  if (name === 'customer.saveAddress@1') return "Save a customer's address";
  const verb = VERBS[name];
  if (verb === undefined) return `${name}${orderNumber ? ` on order #${orderNumber}` : ''}`;
  return orderNumber ? `${verb} order #${orderNumber}` : `${verb} an order`;
}

export interface PushRecord {
  /** Orders with a change the server refused: their local effect has to be undone. */
  rejectedOrderIds: number[];
  /** Outcomes for mutation ids this outbox doesn't hold (ignored). */
  unknown: number;
}

/**
 * Records the server's answers to a push. applied → pushed at its version; rejected → rejected,
 * with a sync_rejections row carrying the server's code and reason; conflict → conflict at its
 * version, kept as a conflicts row. A repeated answer changes nothing more. Runs inside the
 * caller's transaction (markPushed also undoes the refused changes there).
 */
export function recordPushOutcomes(store: OrderStore, outcomes: readonly MutationOutcome[], now: number): PushRecord {
  const find = store.prepare(`SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE mutation_id = ?`);
  const rejectedOrderIds = new Set<number>();
  let unknown = 0;
  for (const outcome of outcomes) {
    const row = find.get(outcome.id) as OutboxRow | undefined;
    if (!row) {
      unknown += 1;
      continue;
    }
    if (row.status === outcome.status || (row.status === 'pushed' && outcome.status === 'applied')) continue;
    switch (outcome.status) {
      case 'applied':
        store.execute(`UPDATE outbox SET status = 'pushed', server_version = ?, result_code = NULL, pushed_at = ? WHERE id = ?`, [
          outcome.version,
          now,
          row.id,
        ]);
        break;
      case 'conflict':
        store.execute(`UPDATE outbox SET status = 'conflict', server_version = ?, result_code = ?, pushed_at = ? WHERE id = ?`, [
          outcome.version,
          outcome.code,
          now,
          row.id,
        ]);
        store.execute(
          `INSERT INTO conflicts (order_id, mutation_id, code, local_state, server_state, created_at)
           VALUES ((SELECT id FROM orders WHERE id = ?), ?, ?, ?, ?, ?)`,
          [
            row.order_id,
            row.mutation_id,
            outcome.code,
            JSON.stringify({ name: row.name, args: JSON.parse(row.args) as unknown, madeAt: row.created_at }),
            JSON.stringify({ message: outcome.message, version: outcome.version }),
            now,
          ],
        );
        break;
      case 'rejected': {
        store.execute(`UPDATE outbox SET status = 'rejected', result_code = ?, pushed_at = ? WHERE id = ?`, [outcome.code, now, row.id]);
        const number =
          row.order_id === null ? null : (store.selectOne<{ number: string }>('SELECT number FROM orders WHERE id = ?', [row.order_id])?.number ?? null);
        const madeBy =
          row.actor_name ?? store.selectOne<{ name: string }>('SELECT name FROM users WHERE id = ?', [row.actor_id])?.name ?? `Staff #${row.actor_id}`;
        store.execute(
          `INSERT INTO sync_rejections (mutation_id, name, args, order_id, summary, code, message, made_at, made_by_id, made_by_name, rejected_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (mutation_id) DO NOTHING`,
          [row.mutation_id, row.name, row.args, row.order_id, summarize(row.name, number), outcome.code, outcome.message, row.created_at, row.actor_id, madeBy, now],
        );
        if (row.order_id !== null) rejectedOrderIds.add(row.order_id);
        break;
      }
    }
  }
  return { rejectedOrderIds: [...rejectedOrderIds], unknown };
}

/**
 * An order's changes to re-apply on top of the server's doc at `version`, in the order they were
 * made: those the server hasn't answered (pending), and those it applied after that version
 * (pushed or conflict with a greater server_version). A refused one (rejected) never is; one
 * settled by lastMutationId (version unknown) is in every doc pulled after it.
 */
export function changesToReplay(store: OrderStore, orderId: number, version: number): OutboxRow[] {
  return store.select<OutboxRow>(
    `SELECT ${OUTBOX_COLUMNS} FROM outbox
     WHERE order_id = ? AND (status = 'pending' OR (status IN ('pushed', 'conflict') AND server_version > ?)) AND ${SYNCED_IN}
     ORDER BY id`,
    [orderId, version],
  );
}

export interface RejectionRow {
  mutation_id: string;
  summary: string;
  order_id: number | null;
  order_number: string | null;
  code: string;
  message: string;
  made_at: number;
  made_by_name: string;
  rejected_at: number;
}

/** Refused changes, newest first (sync.rejections); with an order id, only that order's. */
export function listRejections(store: OrderStore, options: { orderId?: number; limit?: number } = {}): RejectionRow[] {
  const limit = options.limit ?? 500;
  const select = `SELECT r.mutation_id, r.summary, r.order_id, o.number AS order_number, r.code, r.message, r.made_at, r.made_by_name, r.rejected_at
     FROM sync_rejections r LEFT JOIN orders o ON o.id = r.order_id`;
  return options.orderId === undefined
    ? store.select<RejectionRow>(`${select} ORDER BY r.rejected_at DESC, r.rowid DESC LIMIT ?`, [limit])
    : store.select<RejectionRow>(`${select} WHERE r.order_id = ? ORDER BY r.rejected_at DESC, r.rowid DESC LIMIT ?`, [options.orderId, limit]);
}

/** For the sync panel's figures. */
export function syncCounts(store: OrderStore): { rejections: number; quarantined: number } {
  const row = store.selectOne<{ rejections: number; quarantined: number }>(
    'SELECT (SELECT count(*) FROM sync_rejections) AS rejections, (SELECT count(*) FROM sync_quarantine) AS quarantined',
  );
  return { rejections: row?.rejections ?? 0, quarantined: row?.quarantined ?? 0 };
}
