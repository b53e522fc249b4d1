/**
 * The desk's sync engine: pushes the outbox and pulls the server's rows, in the main process,
 * after commit. It never holds a transaction across a network call: each push answer is recorded
 * in one transaction (markPushed) and each pulled page applied in one (applyPulledPage, with the
 * cursor), so killing the desk at any point loses nothing, and the server skips mutation ids it
 * has already applied, so nothing is applied twice.
 *
 * Rounds are single-flight: a wake during a round runs one more round after it. An unreachable
 * server (or a 5xx) is retried with exponential backoff and full jitter; a 401 stops the engine
 * with needsSignIn and keeps the outbox; a reset re-pulls everything.
 */
import {
  MAX_PULL_PAGE,
  MAX_PUSH_MUTATIONS,
  type PushedMutation,
  type PulledRow,
} from '../../../../shared/contract/sync-protocol.js';
import type { SyncStatus } from '../../../../shared/contract/index.js';
import { nextAttemptDelay, type RetryPolicy } from '../../services/notifications/retry-policy.js';
import type { BackendFailure, ShopBackend } from '../../services/sync/client.js';
import type { AppContext } from '../context.js';
import {
  beginRepull,
  clientIdOf,
  endRepull,
  firstPullProgress,
  hasCursor,
  lastSyncedAt,
  recordFirstPull,
  recordSynced,
  repullInProgress,
  undeliveredOrderIds,
} from './engine-state.js';
import type { SyncPort } from './ports.js';
import { applyPulledPage, markPushed, pendingForPush, pendingSummary, readCursor, syncCounts } from './rebase.js';
import type { OutboxRow } from '../../../../db/queries/sync-outbox.js';

/** Waits between attempts while the server can't be reached: 1 s doubling to a minute, jittered. */
const UNREACHABLE_RETRY: RetryPolicy = { maxAttempts: Number.POSITIVE_INFINITY, baseDelayMs: 1_000, maxDelayMs: 60_000 };

/** A reset answered twice in one round is the server's fault, not a reason to loop. */
const MAX_RESETS_PER_ROUND = 2;

export interface SyncEngineOptions {
  ctx: AppContext;
  backend: ShopBackend;
  /** The signed-in person's token (decrypted); null when there is none. */
  token: () => Promise<string | null>;
  /** Told once when the server refuses the token (expired or revoked): the desk asks for a sign-in. */
  onSignedOut?: () => void;
  /** A round on a timer as well as on pokes and commits; 30 s by default. */
  intervalMs?: number;
  /** Rows per pulled page. */
  pullLimit?: number;
  /** Listen to the server's pokes (server-sent events); on by default. */
  listen?: boolean;
  random?: () => number;
  /** How long after a wake the push starts, so a burst of commits leaves as one batch. */
  wakeDelayMs?: number;
}

export interface SyncEngine extends SyncPort {
  start(): void;
  /** Interrupts the round in flight (its committed pages stay) and stops the timers and the stream. */
  stop(): Promise<void>;
}

type Connection = 'online' | 'offline' | 'syncing' | 'signed_out';

function toPushed(row: OutboxRow): PushedMutation {
  // args were JSON.stringify'd by the write path from parsed input: parsing them back is safe.
  return { id: row.mutation_id, name: row.name, args: JSON.parse(row.args) as unknown, at: row.created_at, authorId: row.actor_id };
}

class Interrupted extends Error {}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { ctx, backend } = options;
  const { store } = ctx;
  const random = options.random ?? Math.random;
  const intervalMs = options.intervalMs ?? 30_000;
  const pullLimit = Math.min(options.pullLimit ?? 1000, MAX_PULL_PAGE);
  const clientId = clientIdOf(store);

  let connection: Connection = 'offline';
  let needsSignIn = false;
  let lastError: string | null = null;
  let consecutiveFailures = 0;
  let started = false;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let wakeTimer: NodeJS.Timeout | null = null;
  let abort = new AbortController();
  let listening: Promise<void> | null = null;
  let lastEmitted = '';
  /** When the last round failed: how long until the next attempt (else the timer's interval). */
  let retryInMs: number | null = null;
  /** This run's download speed, for the estimate: rows and ms since the download (re)started. */
  let pullStartedAt: number | null = null;
  let pulledThisRun = 0;

  function status(): SyncStatus {
    const { pending, oldestPendingAt } = pendingSummary(store);
    const { rejections, quarantined } = syncCounts(store);
    const progress = firstPullProgress(store);
    let firstPull: SyncStatus['firstPull'] = null;
    if (progress) {
      const elapsed = pullStartedAt === null ? 0 : ctx.now() - pullStartedAt;
      const rate = elapsed > 0 && pulledThisRun > 0 ? pulledThisRun / elapsed : null;
      const left = progress.total === null ? null : Math.max(0, progress.total - progress.received);
      firstPull = { ...progress, etaMs: rate !== null && left !== null ? Math.round(left / rate) : null };
    }
    return {
      connection: needsSignIn ? 'signed_out' : connection,
      serverUrl: backend.url,
      pending,
      oldestPendingAt,
      lastSyncedAt: lastSyncedAt(store),
      firstPull,
      rejections,
      quarantined,
      needsSignIn,
      lastError,
    };
  }

  /** sync.changed when anything the header shows has changed. */
  function announce(): void {
    const now = status();
    const key = JSON.stringify({ ...now, firstPull: now.firstPull && { ...now.firstPull, etaMs: null } });
    if (key === lastEmitted) return;
    lastEmitted = key;
    ctx.emit('sync.changed', now);
  }

  function ordersChanged(orderIds: readonly number[]): void {
    if (orderIds.length > 0) ctx.emit('orders.changed', { orderIds: [...new Set(orderIds)] });
  }

  /** What a failed request means: a sign-in to ask for, or a wait before the next attempt. */
  function failed(failure: BackendFailure): void {
    if (failure.kind === 'unauthenticated') {
      needsSignIn = true;
      lastError = 'Your session with the shop backend has ended. Sign in again; changes waiting here are kept.';
      stopTimers();
      abort.abort();
      options.onSignedOut?.();
      return;
    }
    consecutiveFailures += 1;
    connection = 'offline';
    lastError = failure.message;
    retryInMs =
      failure.kind === 'refused' && failure.retryAfterMs !== null
        ? failure.retryAfterMs
        : (nextAttemptDelay(consecutiveFailures, UNREACHABLE_RETRY, random()) ?? UNREACHABLE_RETRY.maxDelayMs);
  }

  async function push(token: string): Promise<boolean> {
    for (;;) {
      const batch = pendingForPush(store, MAX_PUSH_MUTATIONS);
      if (batch.length === 0) return true;
      const answer = await backend.push(token, { protocol: 1, clientId, mutations: batch.map(toPushed) }, abort.signal);
      if (stopped) throw new Interrupted();
      if (!answer.ok) {
        failed(answer.failure);
        return false;
      }
      const { rejectedOrderIds } = markPushed(ctx, answer.value.outcomes);
      ordersChanged(rejectedOrderIds);
      announce();
      // A server that answered none of the batch would have us push it forever: pull, then retry later.
      const answered = new Set(answer.value.outcomes.map((outcome) => outcome.id));
      if (!batch.some((row) => answered.has(row.mutation_id))) {
        lastError = 'The shop backend did not answer the changes sent to it; they are kept and sent again later.';
        return true;
      }
    }
  }

  async function pull(token: string): Promise<boolean> {
    let resets = 0;
    for (;;) {
      const cursor = readCursor(store);
      if (cursor === null && firstPullProgress(store) === null) recordFirstPull(store, { received: 0, total: null });
      const answer = await backend.pull(token, { protocol: 1, clientId, cursor, limit: pullLimit }, abort.signal);
      if (stopped) throw new Interrupted();
      if (!answer.ok) {
        failed(answer.failure);
        return false;
      }
      const page = answer.value;
      if (page.status === 'reset') {
        resets += 1;
        if (resets > MAX_RESETS_PER_ROUND) {
          failed({ kind: 'unreachable', message: `The shop backend keeps asking for a fresh download (${page.reason}).` });
          return false;
        }
        beginRepull(store);
        pullStartedAt = ctx.now();
        pulledThisRun = 0;
        announce();
        continue;
      }
      const applied = applyPulledPage(ctx, page.rows, { cursor: page.cursor, lastMutationId: page.lastMutationId });
      ordersChanged(applied.orderIds);
      const progress = firstPullProgress(store);
      if (progress) {
        pulledThisRun += page.rows.length;
        const received = progress.received + page.rows.length;
        const total = page.remaining !== null ? received + page.remaining : progress.total;
        recordFirstPull(store, page.more ? { received, total: total === null ? null : Math.max(total, received) } : null);
      }
      if (!page.more) {
        if (repullInProgress(store)) finishRepull(page.cursor);
        pullStartedAt = null;
        pulledThisRun = 0;
        announce();
        return true;
      }
      announce();
    }
  }

  /** After a reset's re-pull: what the server no longer delivers is removed here too (the outbox stays). */
  function finishRepull(cursor: string): void {
    const gone = undeliveredOrderIds(store);
    if (gone.length > 0) {
      const tombstones: PulledRow[] = gone.map((id) => ({ op: 'del', type: 'order', id, version: 0 }));
      const applied = applyPulledPage(ctx, tombstones, { cursor });
      ordersChanged(applied.orderIds);
    }
    endRepull(store);
  }

  async function once(): Promise<void> {
    const token = await options.token();
    if (stopped) return;
    if (token === null) {
      failed({ kind: 'unauthenticated', message: 'Nobody is signed in.' });
      announce();
      return;
    }
    connection = 'syncing';
    retryInMs = null;
    if (pullStartedAt === null && (!hasCursor(store) || firstPullProgress(store) !== null)) pullStartedAt = ctx.now();
    announce();
    try {
      if (!(await push(token))) return;
      if (!(await pull(token))) return;
      // Changes made while the pull ran leave now rather than on the next wake.
      if (pendingSummary(store).pending > 0 && !(await push(token))) return;
      consecutiveFailures = 0;
      connection = 'online';
      lastError = null;
      recordSynced(store, ctx.now());
    } finally {
      if (connection === 'syncing') connection = 'offline';
      if (!stopped) announce();
    }
  }

  function round(): Promise<void> {
    if (stopped || needsSignIn) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await once();
        } while (again && !stopped && !needsSignIn && connection === 'online');
      } catch (error) {
        if (!(error instanceof Interrupted)) {
          ctx.logError('sync round failed', error);
          failed({ kind: 'unreachable', message: 'Syncing failed on this desk; it will try again.' });
        }
      } finally {
        running = null;
        schedule(retryInMs ?? intervalMs);
      }
    })();
    return running;
  }

  function stopTimers(): void {
    if (timer) clearTimeout(timer);
    if (wakeTimer) clearTimeout(wakeTimer);
    timer = wakeTimer = null;
  }

  /** The next round in `ms` (the timer, or sooner after a failure). */
  function schedule(ms: number): void {
    if (stopped || needsSignIn) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void round();
    }, ms);
    timer.unref?.();
  }

  async function listenLoop(): Promise<void> {
    let failures = 0;
    while (!stopped && !needsSignIn) {
      const token = await options.token();
      if (token === null || stopped) return;
      const ended = await backend.listen(
        token,
        {
          onOpen: () => {
            failures = 0;
            void round();
          },
          onPoke: () => void round(),
        },
        abort.signal,
      );
      if (stopped || needsSignIn) return;
      if (ended?.kind === 'unauthenticated') {
        failed(ended);
        announce();
        return;
      }
      failures += 1;
      const wait = nextAttemptDelay(failures, UNREACHABLE_RETRY, random()) ?? UNREACHABLE_RETRY.maxDelayMs;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, wait);
        t.unref?.();
        abort.signal.addEventListener('abort', () => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  return {
    status,
    async syncNow() {
      if (!started || needsSignIn) return status();
      consecutiveFailures = 0;
      await round();
      // A round already in flight when asked may have started before the latest commit.
      if (again) await round();
      return status();
    },
    wake() {
      if (!started || stopped || needsSignIn || wakeTimer) return;
      wakeTimer = setTimeout(() => {
        wakeTimer = null;
        void round();
      }, options.wakeDelayMs ?? 20);
      wakeTimer.unref?.();
    },
    start() {
      if (started) return;
      started = true;
      stopped = false;
      abort = new AbortController();
      announce();
      void round();
      if (options.listen !== false) listening = listenLoop().catch((error: unknown) => ctx.logError('sync event stream failed', error));
    },
    async stop() {
      stopped = true;
      stopTimers();
      abort.abort();
      await Promise.allSettled([running, listening]);
    },
  };
}
