/**
 * The notification sender: takes due rows from the notifications table, renders and hands them
 * to the SMTP server (or Twilio) a few at a time over pooled connections, and records each
 * outcome. Transient failures come back later with backoff; permanent ones fail at once; an
 * unreachable server (offline) keeps every message queued and is probed until it answers.
 *
 * Exactly once: a row is marked 'sending' (with the exact message) in its own commit before a
 * byte leaves, and 'sent' in a commit made the moment the server's reply comes. The one gap SMTP
 * can't close is a crash between the server's "250 OK" and that commit, or a connection lost
 * after the message data but before the reply: such a row fails as "may have arrived" (at the
 * next start, or at once), never resent on its own.
 *
 * This file only wires the parts: connections (connection-pool), server backoff
 * (channel-backoff), the pump (pump, prepare-messages, send-prepared, reply-outcome,
 * outcome-commits), the screen's preview and test send, and the wake-ups between them.
 */
import type { OrderStore } from '../../../../db/store.js';
import type { NotificationChannel } from '../../../../shared/domain/notifications.js';
import { createChannelBackoff } from './channel-backoff.js';
import { createConnectionPool, type MakeMailer, type MakeSms } from './connection-pool.js';
import { createOutcomeCommits } from './outcome-commits.js';
import type { NotificationService, NotificationSettingsStore, RenderEmail } from './ports.js';
import { prepareMessages } from './prepare-messages.js';
import { previewNotification } from './preview.js';
import { createPump } from './pump.js';
import { outcomeOfReply } from './reply-outcome.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js';
import { sendPrepared } from './send-prepared.js';
import { createMailer } from './smtp.js';
import { sendTestEmail } from './test-send.js';
import { createTwilioProvider } from './twilio.js';
import { watchSettings } from './watched-settings.js';

export interface NotificationServiceOptions {
  store: OrderStore;
  settings: NotificationSettingsStore;
  renderEmail: RenderEmail;
  logError: (message: string, error: unknown) => void;
  now?: () => number;
  random?: () => number;
  policy?: RetryPolicy;
  /** Messages in flight at once; also the SMTP pool's connection count. */
  concurrency?: number;
  /** Rows changed status: the screen refreshes. */
  onChanged?: (ids: number[]) => void;
  /** Failed rows reached the alert threshold. */
  onAlert?: (failed: number, threshold: number) => void;
  createMailer?: MakeMailer;
  createSms?: MakeSms;
  /** Look for rows queued by someone else (sync, another window) at least this often. */
  pollMs?: number;
}

export interface RunningNotificationService extends NotificationService {
  /** Fails rows a previous run left mid-send, then starts delivering. */
  start(): void;
  /** Stops taking rows, lets the ones in flight finish and be recorded, closes connections. */
  stop(): Promise<void>;
  /** Resolves once nothing is due now and nothing is in flight (tests and the benchmark). */
  settled(): Promise<void>;
}

export function createNotificationService(options: NotificationServiceOptions): RunningNotificationService {
  const { store, renderEmail, logError, onChanged } = options;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const concurrency = options.concurrency ?? 5;
  const makeMailer = options.createMailer ?? ((mail, password, connections) => createMailer(mail, password, { maxConnections: connections }));

  // Settings change only through this wrapper (the handlers use service.settings): a connection
  // is rebuilt when a secret changes, and a save sends what waits at once.
  const settings = watchSettings(options.settings, {
    secretChanged: () => pool.secretChanged(),
    saved: () => resume(['email', 'sms']),
  });
  const pool = createConnectionPool({
    settings,
    connections: concurrency,
    makeMailer,
    makeSms: options.createSms ?? ((sms, token) => createTwilioProvider(sms, token)),
  });
  const backoff = createChannelBackoff(store, settings);
  const commits = createOutcomeCommits({ store, settings, now, logError, onChanged, onAlert: options.onAlert });
  const replyRules = { policy: options.policy ?? DEFAULT_RETRY_POLICY, random, backoff, reopened: (channel: NotificationChannel) => resume([channel]) };
  const pump = createPump({
    store,
    settings,
    backoff,
    pool,
    commits,
    prepare: (rows, mail) => prepareMessages(rows, mail, { renderEmail, logError }),
    send: (item, mail) => sendPrepared(item, mail, { pool, settings, logError }),
    outcomeOf: (row, delivery, at) => outcomeOfReply(row, delivery, at, replyRules),
    onChanged,
    logError,
    now,
    concurrency,
    pollMs: options.pollMs ?? 30_000,
  });

  /** What waited for these channels' servers goes now, not at the next poll or probe. */
  function resume(channels: readonly NotificationChannel[]): void {
    for (const channel of channels) {
      const moved = backoff.reopen(channel, now());
      if (moved.length > 0) onChanged?.(moved);
    }
    pump.wake();
  }

  return {
    settings,
    start: () => pump.start(),
    stop: () => pump.stop(),
    settled: () => pump.settled(),
    wake: () => pump.wake(),
    testSend: (to, draft) => sendTestEmail(to, draft, { settings, makeMailer, now, random, mailServerAnswered: () => resume(['email']) }),
    preview: (notificationId) => previewNotification(notificationId, { store, settings, renderEmail }),
    state: () => backoff.mailState(),
  };
}
