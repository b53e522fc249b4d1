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
 */
import { createHash } from 'node:crypto';
import type { OrderStore } from '../../../../db/store.js';
import {
  DEFAULT_RETRY_POLICY,
  nextAttemptDelay,
  notificationContentSchema,
  recipientProblem,
  shouldAlert,
  type NotificationChannel,
  type RetryPolicy,
} from '../../../../shared/domain/notifications.js';
import {
  dueRows,
  failedCount,
  failInterrupted,
  markSending,
  mayHaveArrivedMessage,
  nextDueAt,
  recordOutcomes,
  type DueRow,
  type Outcome,
  type Taken,
} from './outbox-rows.js';
import type {
  DeliveryOutcome,
  EmailBrand,
  MailSettings,
  NotificationPreview,
  NotificationService,
  NotificationSettingsStore,
  RenderEmail,
  SenderState,
  SmsProvider,
  SmsSettings,
} from './ports.js';
import { createMailer, type Mailer } from './smtp.js';
import { smsText } from './sms-text.js';
import { TEST_EMAIL } from './test-email.js';
import { createTwilioProvider } from './twilio.js';
import { freshChannels, markUnreachable, reopenChannel, sameMailSettings } from './channel-state.js';
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
  createMailer?: (settings: MailSettings, password: string | null, concurrency: number) => Mailer;
  createSms?: (settings: SmsSettings, authToken: string) => SmsProvider;
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

const DEFAULT_BRAND_NAME = 'Shomp';

export function brandOf(mail: MailSettings | null): EmailBrand {
  return {
    senderName: mail?.fromName.trim() || DEFAULT_BRAND_NAME,
    replyAddress: mail?.replyTo ?? mail?.fromAddress ?? '',
  };
}

/** Stable per dedupe key: the same change always carries the same Message-ID. */
export function messageIdFor(dedupeKey: string, fromAddress: string): string {
  const domain = fromAddress.slice(fromAddress.lastIndexOf('@') + 1) || 'order-desk.invalid';
  return `<${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 32)}@${domain}>`;
}

export function createNotificationService(options: NotificationServiceOptions): RunningNotificationService {
  const { store, renderEmail, logError } = options;
  // Settings change only through this wrapper (the handlers use service.settings): a connection
  // is rebuilt when a secret changes, and a save sends what waits at once.
  let secretsRevision = 0;
  const settings: NotificationSettingsStore = watchSettings(options.settings, {
    secretChanged: () => {
      secretsRevision += 1;
    },
    saved: () => resume(['email', 'sms']),
  });
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const concurrency = options.concurrency ?? 5;
  const pollMs = options.pollMs ?? 30_000;
  const makeMailer = options.createMailer ?? ((mail, password, connections) => createMailer(mail, password, { maxConnections: connections }));
  const makeSms = options.createSms ?? ((sms, token) => createTwilioProvider(sms, token));

  const channels = freshChannels();
  let running = false;
  let stopping = false;
  let inFlight = 0;
  let pumping = false;
  let pumpAgain = false;
  let timer: NodeJS.Timeout | null = null;
  let idleWaiters: Array<() => void> = [];
  let mailer: { key: string; mailer: Promise<Mailer> } | null = null;
  let sms: { key: string; provider: Promise<SmsProvider | null> } | null = null;

  // Promises, so messages leaving together share one read of the secret and one connection pool.
  function currentMailer(mail: MailSettings): Promise<Mailer> {
    const key = JSON.stringify([mail, secretsRevision]);
    if (mailer?.key !== key) {
      const previous = mailer?.mailer;
      mailer = {
        key,
        mailer: (async () => {
          (await previous?.catch(() => null))?.close();
          const password = mail.user === null ? null : await settings.getSecret('smtpPassword');
          return makeMailer(mail, password, concurrency);
        })().catch((error: unknown) => {
          // A keystore that failed once is asked again next time, not remembered as broken.
          if (mailer?.key === key) mailer = null;
          throw error;
        }),
      };
    }
    return mailer.mailer;
  }

  function currentSms(config: SmsSettings): Promise<SmsProvider | null> {
    const key = JSON.stringify([config, secretsRevision]);
    if (sms?.key !== key) {
      sms = {
        key,
        provider: settings
          .getSecret('twilioAuthToken')
          .then((token) => (token === null ? null : makeSms(config, token)))
          .catch((error: unknown) => {
            if (sms?.key === key) sms = null;
            throw error;
          }),
      };
    }
    return sms.provider;
  }

  function readyChannels(at: number): NotificationChannel[] {
    const current = settings.get();
    const ready: NotificationChannel[] = [];
    const open = (channel: NotificationChannel) => channels[channel].offlineUntil === null || channels[channel].offlineUntil! <= at;
    if (current.mail !== null && open('email')) ready.push('email');
    if (current.sms?.enabled && settings.hasSecret('twilioAuthToken') && open('sms')) ready.push('sms');
    return ready;
  }

  /** Texts queued while SMS is off (or has no token) can't go: say so instead of waiting forever. */
  function failTextsWhileOff(at: number): void {
    const current = settings.get();
    if (current.sms?.enabled && settings.hasSecret('twilioAuthToken')) return;
    const rows = dueRows(store, ['sms'], at, 500);
    if (rows.length === 0) return;
    const reason = current.sms?.enabled ? 'Texts are on, but no Twilio auth token is saved in settings.' : 'Texts are turned off in settings.';
    recordNow(rows.map((row) => ({ id: row.id, kind: 'failed', attempts: row.attempts, error: reason })));
  }

  /** Renders what each row will say; a row that can't be addressed or rendered fails here. */
  async function prepare(rows: readonly DueRow[], mail: MailSettings | null): Promise<Array<Taken & { row: DueRow; smsBody: string | null }>> {
    const brand = brandOf(mail);
    const prepared: Array<Taken & { row: DueRow; smsBody: string | null }> = [];
    const refused: Outcome[] = [];
    const prepareOne = async (row: DueRow): Promise<void> => {
      const fail = (error: string): void => void refused.push({ id: row.id, kind: 'failed', attempts: row.attempts + 1, error });
      const problem = row.channel === 'email' ? recipientProblem(row.recipient) : /^\+[1-9]\d{7,14}$/.test(row.recipient) ? null : `"${row.recipient}" is not a phone number that can get texts.`;
      if (problem !== null) return fail(problem);
      const content = notificationContentSchema.safeParse(JSON.parse(row.payload));
      if (!content.success) return fail('This notification has no content that can be sent (it was queued by an older version).');
      try {
        if (row.channel === 'sms') {
          const body = smsText(content.data, brand.senderName);
          if (body === null) return fail(`A ${content.data.kind} notification is never sent as a text.`);
          prepared.push({ id: row.id, row, rendered: { subject: '', html: '', text: body }, messageId: '', smsBody: body });
        } else {
          const rendered = await renderEmail(content.data, brand);
          prepared.push({ id: row.id, row, rendered, messageId: messageIdFor(row.dedupe_key, mail!.fromAddress), smsBody: null });
        }
      } catch (error) {
        logError(`could not render notification ${row.id}`, error);
        fail('The message could not be put together from its content.');
      }
    };
    for (const row of rows) {
      // Rendering is CPU work: replies that arrived meanwhile are recorded between messages, or a
      // batch would hold every outcome (the "may have arrived" window) until it is all rendered.
      await new Promise(setImmediate);
      await prepareOne(row);
    }
    // Recorded before the sender looks for due rows again, or it would take these once more.
    recordNow(refused);
    return prepared;
  }

  /** What waited for these channels' servers goes now, not at the next poll or probe. */
  function resume(resumed: readonly NotificationChannel[]): void {
    for (const channel of resumed) {
      const moved = reopenChannel(store, channel, channels[channel], now());
      if (moved.length > 0) options.onChanged?.(moved);
    }
    service.wake();
  }

  function outcomeOf(row: DueRow, delivery: DeliveryOutcome, at: number): Outcome {
    const state = channels[row.channel];
    if (delivery.ok) {
      if (state.unproven) resume([row.channel]);
      state.unproven = false;
      state.consecutiveUnreachable = 0;
      state.lastError = null;
      return { id: row.id, kind: 'sent', providerId: delivery.providerId };
    }
    switch (delivery.failure) {
      // The message may have reached the customer: failed with the reason, never sent again on its own.
      case 'unknown':
        return { id: row.id, kind: 'failed', attempts: row.attempts + 1, error: mayHaveArrivedMessage(delivery.message) };
      case 'permanent':
        return { id: row.id, kind: 'failed', attempts: row.attempts + 1, error: delivery.message };
      case 'transient': {
        const attempts = row.attempts + 1;
        const delay = nextAttemptDelay(attempts, policy, random());
        if (delay === null) return { id: row.id, kind: 'failed', attempts, error: `Gave up after ${attempts} attempts. Last reply: ${delivery.message}` };
        return { id: row.id, kind: 'retry', attempts, nextAttemptAt: at + delay, error: delivery.message };
      }
      case 'unreachable':
        return { id: row.id, kind: 'wait', nextAttemptAt: markUnreachable(state, delivery.message, at), error: delivery.message };
    }
  }

  async function deliver(item: Taken & { row: DueRow; smsBody: string | null }, mail: MailSettings | null): Promise<void> {
    let delivery: DeliveryOutcome;
    try {
      if (item.row.channel === 'sms') {
        const provider = await currentSms(settings.get().sms!);
        delivery = provider
          ? await provider.send({ to: item.row.recipient, body: item.smsBody! })
          : { ok: false, failure: 'unreachable', message: 'No Twilio auth token is saved.' };
      } else {
        const transport = await currentMailer(mail!);
        delivery = await transport.send({ to: item.row.recipient, messageId: item.messageId, rendered: item.rendered });
      }
    } catch (error) {
      logError(`sending notification ${item.id} failed unexpectedly`, error);
      delivery = { ok: false, failure: 'transient', message: error instanceof Error ? error.message : String(error) };
    }
    // Recorded the moment the reply comes: that commit closes the "may have arrived" window.
    recordNow([outcomeOf(item.row, delivery, now())]);
    inFlight -= 1;
    // Refill once half the pipeline has answered (pump's own rule), not after every reply: each
    // look for due rows is a query, and replies come hundreds a second.
    if (inFlight <= concurrency * 2) void pump();
  }

  function recordNow(batch: readonly Outcome[]): void {
    if (batch.length > 0) {
      try {
        recordOutcomes(store, batch, now());
      } catch (error) {
        // The rows stay as they were ('sending' ones fail as interrupted at the next start).
        logError('could not record notification outcomes', error);
      }
      options.onChanged?.(batch.map((outcome) => outcome.id));
      if (batch.some((outcome) => outcome.kind === 'failed')) checkAlert();
    }
  }

  function checkAlert(): void {
    const threshold = settings.get().alertThreshold;
    const failed = failedCount(store);
    if (shouldAlert(failed, threshold)) options.onAlert?.(failed, threshold);
  }

  function scheduleTimer(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!running || stopping) return;
    const at = now();
    const ready = readyChannels(at);
    const due = nextDueAt(store, ready);
    const probes = (['email', 'sms'] as const).map((c) => channels[c].offlineUntil).filter((t): t is number => t !== null && t > at);
    const next = Math.min(due ?? Infinity, ...probes, at + pollMs);
    timer = setTimeout(() => void pump(), Math.max(0, next - at));
    timer.unref?.();
  }

  function notifyIdle(): void {
    if (inFlight > 0 || pumping) return;
    const due = nextDueAt(store, readyChannels(now()));
    if (due !== null && due <= now() && !stopping) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
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
        failTextsWhileOff(at);
        // Refill in batches (one commit marks a batch 'sending'), keeping the pool busy meanwhile:
        // up to 4 messages per connection in flight, topped up once half of them have answered.
        const free = concurrency * 4 - inFlight;
        if (free <= 0 || (inFlight > 0 && free < concurrency * 2)) break;
        const rows = dueRows(store, readyChannels(at), at, free);
        if (rows.length === 0) break;
        const mail = settings.get().mail;
        const prepared = await prepare(rows, mail);
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

  const service: RunningNotificationService = {
    settings,
    start() {
      if (running) return;
      running = true;
      stopping = false;
      const interrupted = failInterrupted(store, now());
      if (interrupted.length > 0) {
        options.onChanged?.(interrupted);
        checkAlert();
      }
      void pump();
    },
    async stop() {
      stopping = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      while (inFlight > 0 || pumping) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      running = false;
      const closing = mailer?.mailer;
      mailer = null;
      (await closing?.catch(() => null))?.close();
      sms = null;
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    },
    settled() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        notifyIdle();
      });
    },
    wake() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      void pump();
    },
    async testSend(to, draft) {
      const problem = recipientProblem(to);
      if (problem !== null) return { ok: false, failure: 'permanent', message: problem };
      const mail = draft?.mail ?? settings.get().mail;
      if (mail === null) return { ok: false, failure: 'unreachable', message: 'No mail server is set up yet.' };
      const password = draft?.password ?? (mail.user === null ? null : await settings.getSecret('smtpPassword'));
      const oneOff = makeMailer(mail, password, 1);
      try {
        const outcome = await oneOff.send({ to, messageId: messageIdFor(`test:${now()}:${random()}`, mail.fromAddress), rendered: TEST_EMAIL });
        // A test email through the saved server is a probe that succeeded: what waits for it goes now.
        const savedServer = settings.get().mail;
        const probe = savedServer !== null && sameMailSettings(mail, savedServer) && (draft?.password ?? null) === null;
        if (outcome.ok && probe) resume(['email']);
        return outcome;
      } finally {
        oneOff.close();
      }
    },
    async preview(notificationId): Promise<NotificationPreview | null> {
      const row = store.selectOne<{
        channel: NotificationChannel;
        recipient: string;
        payload: string;
        subject: string | null;
        body_html: string | null;
        body_text: string | null;
        message_id: string | null;
      }>('SELECT channel, recipient, payload, subject, body_html, body_text, message_id FROM notifications WHERE id = ?', [notificationId]);
      if (!row) return null;
      const current = settings.get();
      const brand = brandOf(current.mail);
      if (row.channel === 'sms') {
        const content = notificationContentSchema.safeParse(JSON.parse(row.payload));
        const body = row.body_text ?? (content.success ? smsText(content.data, brand.senderName) : null) ?? '';
        return { channel: 'sms', from: current.sms?.fromNumber ?? '', to: row.recipient, body };
      }
      const from = current.mail ? `${current.mail.fromName} <${current.mail.fromAddress}>` : '';
      if (row.subject !== null && row.body_html !== null && row.body_text !== null) {
        return { channel: 'email', from, to: row.recipient, messageId: row.message_id, rendered: { subject: row.subject, html: row.body_html, text: row.body_text } };
      }
      const content = notificationContentSchema.safeParse(JSON.parse(row.payload));
      if (!content.success) return null;
      return { channel: 'email', from, to: row.recipient, messageId: null, rendered: await renderEmail(content.data, brand) };
    },
    state(): SenderState {
      const current = settings.get();
      if (current.mail === null) return { mail: 'not_configured', lastError: null, nextProbeAt: null };
      const email = channels.email;
      const offline = email.offlineUntil !== null;
      return { mail: offline ? 'offline' : 'ready', lastError: email.lastError, nextProbeAt: offline ? email.offlineUntil : null };
    },
  };
  return service;
}
