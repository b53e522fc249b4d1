import {
  notificationContentSchema,
  type NotificationChannel,
  type NotificationContent,
} from '../../../../shared/domain/notifications.js';
import { ok, type Failure, type Result } from '../../../../shared/domain/result.js';
import type { Order } from '../../../../db/schema.js';
import { keepServerBase } from '../../../../db/queries/sync-base.js';
import { loadOrderFor } from '../access.js';
import { enterWritePath } from './call-kind.js';
import type { CallActor, AppContext } from '../context.js';

/** Thrown inside the transaction to roll it back; never escapes runMutation. */
class Rollback<T> extends Error {
  constructor(readonly answer: Failure | Unchanged<T>) {
    super(answer.ok ? 'unchanged' : answer.message);
  }
}

/**
 * "Done already, nothing written": the answer to an idempotent repeat (the same shipmentId, the
 * same requestId). runMutation answers ok(value) but rolls the transaction back, so the repeat
 * leaves no outbox row, no timeline entry and no notification, and emits nothing.
 */
export interface Unchanged<T> {
  ok: true;
  unchanged: true;
  value: T;
}

export const unchanged = <T>(value: T): Unchanged<T> => ({ ok: true, unchanged: true, value });

/** What a mutation body answers: a change to commit, an idempotent repeat, or a refusal. */
export type MutationOutcome<T> = Result<T> | Unchanged<T>;

const isUnchanged = <T>(outcome: MutationOutcome<T>): outcome is Unchanged<T> => 'unchanged' in outcome;

export interface NotificationRequest {
  /** Names the change (dedupeKeys in shared/domain/notifications.ts): a repeat is ignored. */
  dedupeKey: string;
  orderId: number;
  channel?: NotificationChannel;
  /** An email address, or an E.164 number for SMS. */
  recipient: string;
  /** What the message says, as of this commit; rendered by the sender. */
  content: NotificationContent;
  /** The person chose "don't email the customer": recorded as suppressed, never sent. */
  suppressed: boolean;
  /**
   * The store whose part the message is about (a parcel's store); omitted for the whole order.
   * Decides which sellers see the message on the notifications screen.
   */
  storeId?: number;
}

/** What a mutation body may do besides writing its own tables. */
export interface MutationTx {
  readonly now: number;
  readonly actor: CallActor;
  /**
   * Appends a timeline entry: who, which station, when, what. With a storeId the entry is about
   * that store's part of the order and only people who see that store (and admins) are shown it;
   * without, it is about the order as a whole and everyone who can see the order is. Work on
   * several stores' parts is one entry per store, each with only that store's data (see byStore),
   * so an entry never carries anything of a store its readers can't see.
   */
  event(orderId: number, kind: string, data: Record<string, unknown>, storeId?: number | null): void;
  /** Queues a customer notification for the sender; a repeated dedupe key is ignored. */
  notify(request: NotificationRequest): void;
}

/**
 * A mutation being replayed by the sync rebase (app/sync/rebase.ts): a change already in the
 * outbox, re-applied on top of the server's rows. It runs the same body at the time it was first
 * made, writes its rows, timeline entries and notifications as usual (a notification's dedupe key
 * makes sure nothing is sent twice) and no outbox row: the one it came from is still there.
 */
let replaying: { at: number } | null = null;

/** Runs `run` (which calls a mutation) as a replay of a change made at `at`; see `replaying`. */
export function asReplay<T>(at: number, run: () => T): T {
  if (replaying) throw new Error('A replay cannot start inside another');
  replaying = { at };
  try {
    return run();
  } finally {
    replaying = null;
  }
}

/** What the write path records about a mutation: its name and args, and the order it is about when there is one. */
export interface MutationRecord {
  name: string;
  args: unknown;
  /** Set by runOrderMutation (and mutations that load their order themselves): outbox.order_id. */
  orderId?: number;
}

/**
 * The write path: one synchronous transaction that checks the rule, writes the tables, appends
 * timeline events, queues side effects and records the mutation in the outbox for the shop
 * backend. A failure at any step leaves nothing behind, and so does an idempotent repeat (the
 * body answers unchanged(value)). After commit, orders.changed goes out for the orders the
 * timeline entries touched and notifications.changed for the rows tx.notify inserted; a listener
 * that throws is logged and never turns the committed change into an error (see afterCommit).
 */
export function runMutation<T>(
  ctx: AppContext,
  actor: CallActor,
  mutation: MutationRecord,
  body: (tx: MutationTx) => MutationOutcome<T>,
): Result<T> {
  enterWritePath(mutation.name);
  const replay = replaying;
  const { store } = ctx;
  const touched = new Set<number>();
  const notified: number[] = [];
  let queuedMail = false;
  try {
    return store.transaction(() => {
      const now = replay ? replay.at : ctx.now();
      // The server's copy of the order, kept before this desk's first unconfirmed change to it:
      // what the order returns to if the server refuses the change (a replay has one already).
      if (!replay && mutation.orderId !== undefined) keepServerBase(store, mutation.orderId);
      // Hand-written (with the outbox insert below): every mutation runs them (ship_mutation figure).
      const insertEvent = store.prepare(
        `INSERT INTO order_events (order_id, at, actor_id, actor_name, station_id, station_name, kind, data, store_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const insertNotification = store.prepare(
        `INSERT INTO notifications (dedupe_key, order_id, store_id, kind, channel, recipient, status, payload, created_at, updated_at, next_attempt_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING`,
      );
      const tx: MutationTx = {
        now,
        actor,
        event(orderId, kind, data, storeId = null) {
          touched.add(orderId);
          insertEvent.run(orderId, now, actor.userId, actor.name, actor.stationId, actor.stationName, kind, JSON.stringify(data), storeId);
        },
        notify(request) {
          // Parsed, not trusted: a content snapshot the templates can't render would only fail
          // later, in the sender, far from the code that built it.
          const content = notificationContentSchema.parse(request.content);
          const queued = insertNotification.run(
            request.dedupeKey,
            request.orderId,
            request.storeId ?? null,
            content.kind,
            request.channel ?? 'email',
            request.recipient,
            request.suppressed ? 'suppressed' : 'queued',
            JSON.stringify(content),
            now,
            now,
            request.suppressed ? null : now,
          );
          if (queued.changes === 0) return;
          notified.push(Number(queued.lastInsertRowid));
          if (!request.suppressed) queuedMail = true;
        },
      };
      const result = body(tx);
      if (!result.ok || isUnchanged(result)) throw new Rollback(result);
      if (!replay) {
        // A mutation that names no order but wrote the timeline of exactly one is about that one.
        const orderId = mutation.orderId ?? (touched.size === 1 ? [...touched][0]! : null);
        store
          .prepare(
            `INSERT INTO outbox (mutation_id, name, args, actor_id, actor_name, station_id, station_name, order_id, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(ctx.newId(), mutation.name, JSON.stringify(mutation.args), actor.userId, actor.name, actor.stationId, actor.stationName, orderId, now);
      }
      // Separate callbacks: one that throws (a closed window's listener) must not stop the others.
      if (touched.size > 0) afterCommit(ctx, 'orders.changed', () => ctx.emit('orders.changed', { orderIds: [...touched] }));
      if (notified.length > 0) afterCommit(ctx, 'notifications.changed', () => ctx.emit('notifications.changed', { ids: notified }));
      // Only after commit: the sender must never see a row that a rollback could still take back.
      if (queuedMail) afterCommit(ctx, 'waking the sender', () => ctx.notifications?.wake());
      return result;
    });
  } catch (error) {
    if (error instanceof Rollback) {
      const answer = (error as Rollback<T>).answer;
      return answer.ok ? ok(answer.value) : answer;
    }
    throw error;
  }
}

/**
 * Schedules a side effect for after the commit. By then the change is durable, so a failure here
 * is the listener's, not the mutation's: it is logged (with what was being done, never the
 * payload) and the caller still hears that the change was made, rather than "nothing was
 * changed, try again", which would invite a duplicate.
 */
export function afterCommit(ctx: AppContext, what: string, effect: () => void): void {
  ctx.store.onCommit(() => {
    try {
      effect();
    } catch (error) {
      ctx.logError(`after commit (${what}) failed`, error);
    }
  });
}

/**
 * The usual mutation: on one order the actor may act on (FORBIDDEN / NOT_FOUND otherwise, from
 * loadOrderFor), loaded inside the transaction so the rule checks what will be written.
 */
export function runOrderMutation<T>(
  ctx: AppContext,
  actor: CallActor,
  mutation: { name: string; args: unknown },
  orderId: number,
  body: (tx: MutationTx, order: Order) => MutationOutcome<T>,
): Result<T> {
  return runMutation(ctx, actor, { ...mutation, orderId }, (tx) => {
    const loaded = loadOrderFor(ctx.store, actor, orderId);
    return loaded.ok ? body(tx, loaded.value) : loaded;
  });
}
