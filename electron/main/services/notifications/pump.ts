/**
 * The pump: takes due rows in batches, marks them 'sending' (one commit per batch), hands them
 * to the connections and commits each reply as it comes. It keeps the pool busy (up to 4
 * messages per connection in flight, topped up once half have answered), sleeps until the next
 * row is due or a server is probed, and looks anyway every poll for rows queued by someone else.
 */
import type { OrderStore } from '../../../../db/store.js';
import type { ChannelBackoff } from './channel-backoff.js';
import type { ConnectionPool } from './connection-pool.js';
import type { OutcomeCommits } from './outcome-commits.js';
import { dueRows, markSending, nextDueAt, type DueRow, type Outcome } from './outbox-rows.js';
import type { DeliveryOutcome, MailSettings, NotificationSettingsStore } from './ports.js';
import type { PreparedBatch, PreparedMessage } from './prepare-messages.js';

export interface PumpOptions {
  store: OrderStore;
  settings: Pick<NotificationSettingsStore, 'get' | 'hasSecret'>;
  backoff: Pick<ChannelBackoff, 'ready' | 'probeTimes'>;
  pool: Pick<ConnectionPool, 'close'>;
  commits: OutcomeCommits;
  prepare: (rows: readonly DueRow[], mail: MailSettings | null) => Promise<PreparedBatch>;
  send: (item: PreparedMessage, mail: MailSettings | null) => Promise<DeliveryOutcome>;
  outcomeOf: (row: DueRow, delivery: DeliveryOutcome, at: number) => Outcome;
  onChanged?: ((ids: number[]) => void) | undefined;
  logError: (message: string, error: unknown) => void;
  now: () => number;
  /** Messages in flight at once per 4; also the SMTP pool's connection count. */
  concurrency: number;
  pollMs: number;
}

export interface Pump {
  /** Fails rows a previous run left mid-send, then starts delivering. */
  start(): void;
  /** Stops taking rows, lets the ones in flight finish and be recorded, closes connections. */
  stop(): Promise<void>;
  /** Resolves once nothing is due now and nothing is in flight. */
  settled(): Promise<void>;
  /** Look now instead of at the next timer. */
  wake(): void;
}

/** Texts queued while SMS is off (or has no token) can't go: say so instead of waiting forever. */
function failTextsWhileOff(options: PumpOptions, at: number): void {
  const current = options.settings.get();
  if (current.sms?.enabled && options.settings.hasSecret('twilioAuthToken')) return;
  const rows = dueRows(options.store, ['sms'], at, 500);
  if (rows.length === 0) return;
  const reason = current.sms?.enabled ? 'Texts are on, but no Twilio auth token is saved in settings.' : 'Texts are turned off in settings.';
  options.commits.record(rows.map((row) => ({ id: row.id, kind: 'failed', attempts: row.attempts, error: reason })));
}

export function createPump(options: PumpOptions): Pump {
  const { store, settings, backoff, commits, now, concurrency, logError } = options;
  let running = false;
  let stopping = false;
  let inFlight = 0;
  let pumping = false;
  let pumpAgain = false;
  let timer: NodeJS.Timeout | null = null;
  let idleWaiters: Array<() => void> = [];

  function clearTimer(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  function releaseWaiters(): void {
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  function scheduleTimer(): void {
    clearTimer();
    if (!running || stopping) return;
    const at = now();
    const due = nextDueAt(store, backoff.ready(at));
    const next = Math.min(due ?? Infinity, ...backoff.probeTimes(at), at + options.pollMs);
    timer = setTimeout(() => void pump(), Math.max(0, next - at));
    timer.unref?.();
  }

  function notifyIdle(): void {
    if (inFlight > 0 || pumping) return;
    const due = nextDueAt(store, backoff.ready(now()));
    if (due !== null && due <= now() && !stopping) return;
    releaseWaiters();
  }

  async function deliver(item: PreparedMessage, mail: MailSettings | null): Promise<void> {
    const delivery = await options.send(item, mail);
    // Recorded the moment the reply comes: that commit closes the "may have arrived" window.
    commits.record([options.outcomeOf(item.row, delivery, now())]);
    inFlight -= 1;
    // Refill once half the pipeline has answered (pump's own rule), not after every reply: each
    // look for due rows is a query, and replies come hundreds a second.
    if (inFlight <= concurrency * 2) void pump();
  }

  async function pump(): Promise<void> {
    if (!running || stopping) return notifyIdle();
    if (pumping) {
      pumpAgain = true;
      return;
    }
    pumping = true;
    try {
      do {
        pumpAgain = false;
        const at = now();
        failTextsWhileOff(options, at);
        // Refill in batches (one commit marks a batch 'sending'), keeping the pool busy meanwhile.
        const free = concurrency * 4 - inFlight;
        if (free <= 0 || (inFlight > 0 && free < concurrency * 2)) break;
        const rows = dueRows(store, backoff.ready(at), at, free);
        if (rows.length === 0) break;
        const mail = settings.get().mail;
        const { prepared, refused } = await options.prepare(rows, mail);
        // Recorded before the sender looks for due rows again, or it would take these once more.
        commits.record(refused);
        if (stopping) break;
        const taken = markSending(store, prepared, now());
        if (taken.size > 0) options.onChanged?.([...taken]);
        for (const item of prepared) {
          if (!taken.has(item.id)) continue;
          inFlight += 1;
          void deliver(item, mail);
        }
        pumpAgain = true;
      } while (pumpAgain && !stopping);
    } catch (error) {
      logError('the notification sender stumbled; it will try again', error);
    } finally {
      pumping = false;
    }
    scheduleTimer();
    notifyIdle();
  }

  return {
    start() {
      if (running) return;
      running = true;
      stopping = false;
      commits.failInterrupted();
      void pump();
    },
    async stop() {
      stopping = true;
      clearTimer();
      while (inFlight > 0 || pumping) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      running = false;
      await options.pool.close();
      releaseWaiters();
    },
    settled() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        notifyIdle();
      });
    },
    wake() {
      clearTimer();
      void pump();
    },
  };
}
