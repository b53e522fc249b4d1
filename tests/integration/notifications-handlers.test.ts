import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../shared/contract/index.js';
import { dedupeKeys, type NotificationContent, type NotificationStatus } from '../../shared/domain/notifications.js';
import type { Result } from '../../shared/domain/result.js';
import type { Actor } from '../../electron/main/app/context.js';
import { memoryNotificationSettings } from '../../electron/main/services/notifications/memory-settings.js';
import type { DeliveryOutcome, NotificationSettingsStore } from '../../electron/main/services/notifications/ports.js';
import { createNotificationService, type RunningNotificationService } from '../../electron/main/services/notifications/service.js';
import { renderEmail } from '../../electron/main/services/email/render.js';
import { Fixture, NOW } from './fixtures.js';

const UPS = '1Z999AA10123456784';
const PASSWORD = 'hunter2-very-secret';
const TOKEN = 'twilio-token-0123456789abcdef';
const SID = `AC${'0123456789abcdef'.repeat(2)}`;
const REQUEST = '5b4c1b7e-9a1f-4c55-8f3e-0c8a5a3f2e11';

let f: Fixture;
let orderA: number;
let orderShared: number;
let orderB: number;
let settings: NotificationSettingsStore;
let service: RunningNotificationService;
let wakes: number;
/** What the fake mail server answers to a test send. */
let testOutcome: DeliveryOutcome;
let testSends: Array<{ to: string; host: string; password: string | null }>;

const content = (number: string): NotificationContent => ({
  kind: 'delivered',
  orderNumber: number,
  customerName: 'Casey Customer',
  storeNames: ['Alder Goods'],
  orderDelivered: true,
  parcels: 1,
});

/** A notifications row as the pipeline and the sender leave it, at `status`. */
function addNotification(orderId: number | null, status: NotificationStatus, extra: { lastError?: string; attempts?: number; subject?: string; at?: number; storeId?: number } = {}): number {
  const number = orderId === null ? 'none' : (f.store.sqlite.prepare('SELECT number FROM orders WHERE id = ?').pluck().get(orderId) as string);
  const at = extra.at ?? NOW;
  const subject = extra.subject ?? (status === 'sent' || status === 'failed' ? `Your order ${number} was delivered` : null);
  return Number(
    f.store.sqlite
      .prepare(
        `INSERT INTO notifications (dedupe_key, order_id, store_id, kind, channel, recipient, status, attempts, next_attempt_at, last_error, payload, created_at, updated_at, sent_at, subject, body_html, body_text)
         VALUES (?, ?, ?, 'delivered', 'email', 'casey@example.com', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        `test:${Math.random()}`,
        orderId,
        extra.storeId ?? null,
        status,
        extra.attempts ?? (status === 'queued' ? 0 : 1),
        status === 'queued' ? at : null,
        extra.lastError ?? (status === 'failed' ? '550 5.1.1 Mailbox unavailable' : null),
        JSON.stringify(content(number)),
        at,
        at,
        status === 'sent' ? at : null,
        subject,
        subject === null ? null : `<p>${subject}</p>`,
        subject === null ? null : subject,
      ).lastInsertRowid,
  );
}

const row = (id: number) =>
  f.store.sqlite.prepare('SELECT status, attempts, next_attempt_at, last_error, updated_at FROM notifications WHERE id = ?').get(id) as {
    status: string;
    attempts: number;
    next_attempt_at: number | null;
    last_error: string | null;
    updated_at: number | null;
  };

const eventsOf = (orderId: number, kind: string) =>
  (f.store.sqlite.prepare('SELECT data FROM order_events WHERE order_id = ? AND kind = ? ORDER BY id').pluck().all(orderId, kind) as string[]).map(
    (data) => JSON.parse(data) as Record<string, unknown>,
  );

/** Async calls (preview, settings save, test send) answer with a promise. */
async function callAsync<N extends CallName>(actor: Actor, name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>> {
  return (await f.app.dispatch(actor, name, input)) as Result<CallOutput<N>>;
}

async function okAsync<N extends CallName>(actor: Actor, name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const result = await callAsync(actor, name, input);
  if (!result.ok) throw new Error(`${name} failed: ${result.code} ${result.message}`);
  return result.value;
}

const goodMail = {
  host: 'smtp.example.com',
  port: 587,
  security: 'starttls' as const,
  user: 'desk@example.com',
  fromName: 'Alder Goods',
  fromAddress: 'orders@example.com',
  replyTo: 'help@example.com',
};

function attachService(store: NotificationSettingsStore): void {
  settings = store;
  // The real sender, never started: nothing leaves, but preview, state and settings are its own.
  service = createNotificationService({
    store: f.store,
    settings,
    renderEmail,
    logError: () => {},
    now: () => f.clock,
    createMailer: (mail, password) => ({
      async send(email) {
        testSends.push({ to: email.to, host: mail.host, password });
        return testOutcome;
      },
      close() {},
    }),
  });
  const wake = service.wake;
  f.app.ctx.notifications = {
    ...service,
    wake() {
      wakes++;
      wake();
    },
  };
}

beforeEach(() => {
  f = new Fixture();
  orderA = f.addOrder({ number: 'SH-0000201', status: 'processing', paid: true, ageDays: 2, items: [{ storeId: f.storeA, sku: 'ALD-MUG', quantity: 1 }] });
  orderShared = f.addOrder({
    number: 'SH-0000202',
    status: 'processing',
    paid: true,
    ageDays: 1,
    items: [
      { storeId: f.storeA, sku: 'ALD-BOWL', quantity: 1 },
      { storeId: f.storeB, sku: 'BIR-SPOON', quantity: 1 },
    ],
  });
  orderB = f.addOrder({ number: 'SH-0000203', status: 'processing', paid: true, ageDays: 1, items: [{ storeId: f.storeB, sku: 'BIR-CUP', quantity: 1 }] });
  wakes = 0;
  testSends = [];
  testOutcome = { ok: true, providerId: '<x@example.com>', response: '250 2.0.0 Ok: queued as 4F2A' };
  attachService(memoryNotificationSettings({ mail: goodMail }, { smtpPassword: PASSWORD }));
});

afterEach(async () => {
  await service.stop();
  f.close();
});

describe('notifications.list', () => {
  it('filters by status and order, newest first, with counts per status whatever the filter', () => {
    const ids = {
      sentA: addNotification(orderA, 'sent'),
      failedA: addNotification(orderA, 'failed'),
      queuedB: addNotification(orderB, 'queued'),
      failedShared: addNotification(orderShared, 'failed', { lastError: '451 4.7.1 Greylisted, try again later' }),
      suppressedB: addNotification(orderB, 'suppressed'),
    };
    const all = f.ok(f.admin, 'notifications.list', {});
    expect(all.rows.map((r) => r.id)).toEqual([ids.suppressedB, ids.failedShared, ids.queuedB, ids.failedA, ids.sentA]);
    expect(all.counts).toEqual({ queued: 1, sending: 0, sent: 1, failed: 2, suppressed: 1 });
    expect(all.nextCursor).toBeNull();

    const failed = f.ok(f.admin, 'notifications.list', { status: 'failed' });
    expect(failed.rows.map((r) => r.id)).toEqual([ids.failedShared, ids.failedA]);
    expect(failed.counts).toEqual(all.counts);
    expect(failed.rows[0]).toMatchObject({
      orderId: orderShared,
      orderNumber: 'SH-0000202',
      kind: 'delivered',
      channel: 'email',
      recipient: 'casey@example.com',
      status: 'failed',
      lastError: '451 4.7.1 Greylisted, try again later',
      subject: 'Your order SH-0000202 was delivered',
    });

    const ofOrderA = f.ok(f.admin, 'notifications.list', { orderId: orderA });
    expect(ofOrderA.rows.map((r) => r.id)).toEqual([ids.failedA, ids.sentA]);
    expect(ofOrderA.counts).toEqual({ queued: 0, sending: 0, sent: 1, failed: 1, suppressed: 0 });
  });

  it('pages by keyset: every row once, in order, across pages, even as new rows arrive', () => {
    const ids = Array.from({ length: 7 }, (_, i) => addNotification(i % 2 ? orderA : orderB, i % 3 === 0 ? 'failed' : 'sent'));
    const first = f.ok(f.admin, 'notifications.list', { limit: 3 });
    expect(first.rows.map((r) => r.id)).toEqual(ids.slice(4).reverse());
    expect(first.nextCursor).toBe(ids[4]);
    addNotification(orderA, 'queued'); // newer than the cursor: not on the following pages
    const second = f.ok(f.admin, 'notifications.list', { limit: 3, before: first.nextCursor! });
    expect(second.rows.map((r) => r.id)).toEqual(ids.slice(1, 4).reverse());
    const third = f.ok(f.admin, 'notifications.list', { limit: 3, before: second.nextCursor! });
    expect(third.rows.map((r) => r.id)).toEqual([ids[0]]);
    expect(third.nextCursor).toBeNull();

    const failedPage = f.ok(f.admin, 'notifications.list', { status: 'failed', limit: 2 });
    expect(failedPage.rows.map((r) => r.id)).toEqual([ids[6], ids[3]]);
    expect(f.ok(f.admin, 'notifications.list', { status: 'failed', limit: 2, before: failedPage.nextCursor! }).rows.map((r) => r.id)).toEqual([ids[0]]);
    expect(f.call(f.admin, 'notifications.list', { limit: 201 })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('a seller sees their stores\' messages, and whole-order ones only when the whole order is theirs', () => {
    const a = addNotification(orderA, 'failed');
    const sharedA = addNotification(orderShared, 'sent', { storeId: f.storeA });
    const sharedB = addNotification(orderShared, 'sent', { storeId: f.storeB });
    // About the whole shared order (a confirmation lists both stores' items): admins only.
    const sharedWhole = addNotification(orderShared, 'sent');
    const b = addNotification(orderB, 'failed');
    addNotification(null, 'failed'); // not about an order: admins only
    expect(f.ok(f.sellerA, 'notifications.list', {}).rows.map((r) => r.id)).toEqual([sharedA, a]);
    expect(f.ok(f.sellerA, 'notifications.list', {}).counts).toMatchObject({ failed: 1, sent: 1 });
    expect(f.ok(f.sellerB, 'notifications.list', {}).rows.map((r) => r.id)).toEqual([b, sharedB]);
    expect(f.ok(f.sellerB, 'notifications.list', { orderId: orderA }).rows).toEqual([]);
    expect(f.ok(f.admin, 'notifications.list', {}).rows.map((r) => r.id)).toContain(sharedWhole);
    expect(f.ok(f.admin, 'notifications.list', {}).counts.failed).toBe(3);
    expect(f.ok(f.sellerA, 'notifications.summary', {})).toMatchObject({ failed: 1, alert: false });
  });

  it('shows what orders.ship queued, with the order number', () => {
    f.ok(f.admin, 'orders.ship', { orderId: orderA, shipmentId: '8a6e0804-2bd0-4672-b79a-d80c6b5a2f1a', carrier: 'ups', trackingNumber: UPS, verificationOverride: 'packed by hand' });
    const list = f.ok(f.sellerA, 'notifications.list', { status: 'queued' });
    expect(list.rows).toHaveLength(1);
    expect(list.rows[0]).toMatchObject({ kind: 'shipped', orderNumber: 'SH-0000201', status: 'queued', subject: null, attempts: 0 });
    expect(wakes).toBe(1);
  });
});

describe('notifications.preview', () => {
  it('shows the stored message of a sent row and renders a queued one from its content', async () => {
    const sent = addNotification(orderA, 'sent', { subject: 'Stored subject <b>as sent</b>' });
    const preview = await okAsync(f.sellerA, 'notifications.preview', { id: sent });
    expect(preview).toMatchObject({ channel: 'email', to: 'casey@example.com', from: 'Alder Goods <orders@example.com>' });
    expect(preview.channel === 'email' && preview.rendered.subject).toBe('Stored subject <b>as sent</b>');

    const queued = addNotification(orderA, 'queued');
    const fresh = await okAsync(f.admin, 'notifications.preview', { id: queued });
    expect(fresh.channel === 'email' && fresh.rendered.html).toContain('SH-0000201');
    expect(fresh.channel === 'email' && fresh.rendered.text).toContain('SH-0000201');
  });

  it("refuses another store's row exactly as a missing one", async () => {
    const b = addNotification(orderB, 'sent');
    const other = await callAsync(f.sellerA, 'notifications.preview', { id: b });
    const missing = await callAsync(f.sellerA, 'notifications.preview', { id: 999_999 });
    expect(other).toEqual(missing);
    expect(other).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await callAsync(f.admin, 'notifications.preview', { id: 999_999 })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('notifications.retry', () => {
  it('puts only failed rows back in the queue, with a timeline entry, and wakes the sender once', () => {
    f.clock = NOW + 60_000;
    const failed = addNotification(orderA, 'failed', { attempts: 6, lastError: '451 4.3.0 Try later' });
    const failedShared = addNotification(orderShared, 'failed', { storeId: f.storeA });
    const sent = addNotification(orderA, 'sent');
    const queued = addNotification(orderA, 'queued');
    const sending = addNotification(orderA, 'sending');
    const suppressed = addNotification(orderA, 'suppressed');
    const outboxBefore = f.count('outbox');
    const before = { sent: row(sent), queued: row(queued), sending: row(sending), suppressed: row(suppressed) };

    const report = f.ok(f.sellerA, 'notifications.retry', { ids: [failed, sent, queued, sending, suppressed, failedShared, failed] });
    expect(report.retried).toEqual([failed, failedShared]);
    expect(report.refused.map((r) => r.id)).toEqual([sent, queued, sending, suppressed]);
    expect(report.refused.find((r) => r.id === sending)!.message).toMatch(/being sent right now/);
    expect(report.refused.find((r) => r.id === sent)!.message).toMatch(/already sent/);

    expect(row(failed)).toEqual({ status: 'queued', attempts: 0, next_attempt_at: NOW + 60_000, last_error: null, updated_at: NOW + 60_000 });
    expect(row(failedShared).status).toBe('queued');
    expect({ sent: row(sent), queued: row(queued), sending: row(sending), suppressed: row(suppressed) }).toEqual(before);

    expect(eventsOf(orderA, 'notification_retried')).toEqual([
      { notificationId: failed, kind: 'delivered', channel: 'email', recipient: 'casey@example.com', lastError: '451 4.3.0 Try later' },
    ]);
    expect(eventsOf(orderShared, 'notification_retried')).toHaveLength(1);
    expect(f.count('outbox')).toBe(outboxBefore + 1);
    expect(wakes).toBe(1);
    expect(f.events).toContainEqual({ event: 'notifications.changed', payload: { ids: [failed, failedShared] } });
    expect(f.events).toContainEqual({ event: 'orders.changed', payload: { orderIds: [orderA, orderShared] } });
  });

  it("refuses another store's row as if it didn't exist, and changes nothing when nothing can be retried", () => {
    const b = addNotification(orderB, 'failed');
    const sent = addNotification(orderA, 'sent');
    const snapshot = f.snapshot();
    const report = f.ok(f.sellerA, 'notifications.retry', { ids: [b, 999_999, sent] });
    expect(report.retried).toEqual([]);
    expect(report.refused[0]!.message).toBe(report.refused[1]!.message);
    expect(row(b).status).toBe('failed');
    expect(f.snapshot()).toEqual(snapshot);
    expect(wakes).toBe(0);
    expect(f.events.filter((e) => e.event === 'notifications.changed')).toEqual([]);
  });
});

describe('without a sender on this desk', () => {
  it('lists, counts and retries from the database; preview, settings and test send say why not', async () => {
    delete f.app.ctx.notifications;
    const failed = addNotification(orderA, 'failed');
    expect(f.ok(f.admin, 'notifications.list', {}).rows.map((r) => r.id)).toEqual([failed]);
    expect(f.ok(f.admin, 'notifications.summary', {})).toMatchObject({ failed: 1, threshold: 3, alert: false, sender: null });
    expect(f.ok(f.admin, 'notifications.retry', { ids: [failed] }).retried).toEqual([failed]);
    const preview = await callAsync(f.admin, 'notifications.preview', { id: failed });
    expect(preview).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(!preview.ok && preview.message).toMatch(/does not run on this desk/);
    expect(await callAsync(f.admin, 'settings.notifications.testSend', { to: 'me@example.com' })).toMatchObject({ ok: false, message: expect.stringMatching(/does not send/) });
    expect(f.call(f.admin, 'settings.notifications.get', {})).toMatchObject({ ok: false, message: expect.stringMatching(/does not send/) });
  });
});

describe('notifications.summary', () => {
  it('raises the alert when failures reach the threshold in settings, and reports the sender', () => {
    addNotification(orderA, 'failed');
    addNotification(orderB, 'failed');
    expect(f.ok(f.admin, 'notifications.summary', {})).toMatchObject({ failed: 2, threshold: 3, alert: false, sender: { mail: 'ready' } });
    settings.save({ ...settings.get(), alertThreshold: 2 });
    expect(f.ok(f.admin, 'notifications.summary', {})).toMatchObject({ failed: 2, threshold: 2, alert: true });
    expect(f.ok(f.sellerA, 'notifications.summary', {})).toMatchObject({ failed: 1, alert: false });
    settings.save({ ...settings.get(), mail: null });
    expect(f.ok(f.admin, 'notifications.summary', {}).sender).toEqual({ mail: 'not_configured', lastError: null, nextProbeAt: null });
  });
});

describe('settings.notifications', () => {
  const saveInput = (over: Record<string, unknown> = {}) => ({ mail: goodMail, sms: null, alertThreshold: 5, ...over });

  it('answers the settings without ever returning a secret', async () => {
    await settings.setSecret('twilioAuthToken', TOKEN);
    const view = f.ok(f.admin, 'settings.notifications.get', {});
    expect(view).toEqual({ mail: goodMail, sms: null, alertThreshold: 3, hasSmtpPassword: true, hasTwilioToken: true });
    expect(JSON.stringify(view)).not.toContain(PASSWORD);
    expect(JSON.stringify(view)).not.toContain(TOKEN);
    const saved = await okAsync(f.admin, 'settings.notifications.save', saveInput({ smtpPassword: 'n3w-pa55word' }));
    expect(JSON.stringify(saved)).not.toContain('n3w-pa55word');
    expect(f.call(f.sellerA, 'settings.notifications.get', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await callAsync(f.sellerA, 'settings.notifications.save', saveInput())).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('refuses every mistake at once, on its field, and saves nothing', async () => {
    const result = await callAsync(
      f.admin,
      'settings.notifications.save',
      saveInput({
        mail: { ...goodMail, host: 'smtp://mail.example.com', port: 0, fromName: 'Alder\r\nBcc: all@example.com', fromAddress: 'orders@', replyTo: 'not an address' },
        sms: { enabled: true, accountSid: 'AC123', fromNumber: '503-555-0123' },
        alertThreshold: 0,
        smtpPassword: 'changed',
      }),
    );
    expect(result.ok).toBe(false);
    const fields = !result.ok ? result.fields! : {};
    expect(Object.keys(fields).sort()).toEqual(
      ['alertThreshold', 'mail.fromAddress', 'mail.fromName', 'mail.host', 'mail.port', 'mail.replyTo', 'sms.accountSid', 'sms.fromNumber', 'twilioAuthToken'].sort(),
    );
    expect(fields['mail.fromName']).toBe('The sender name cannot contain line breaks.');
    expect(fields['mail.host']).toMatch(/without smtp:\/\//);
    expect(!result.ok && result.code).toBe('INVALID_INPUT');
    expect(!result.ok && result.message).toBe('9 fields need fixing before the settings can be saved.');
    expect(settings.get().mail).toEqual(goodMail);
    expect(settings.get().alertThreshold).toBe(3);
    expect(await settings.getSecret('smtpPassword')).toBe(PASSWORD);

    const one = await callAsync(f.admin, 'settings.notifications.save', saveInput({ mail: { ...goodMail, host: 'mail example.com' } }));
    expect(one).toMatchObject({ ok: false, message: 'The server name cannot contain spaces.', fields: { 'mail.host': 'The server name cannot contain spaces.' } });
  });

  it('saves valid settings; a password omitted is kept, null deletes it, a string replaces it', async () => {
    const sms = { enabled: true, accountSid: SID, fromNumber: '+15035550123' };
    const saved = await okAsync(f.admin, 'settings.notifications.save', saveInput({ mail: { ...goodMail, host: ' 127.0.0.1 ', user: '', replyTo: '' }, sms, twilioAuthToken: TOKEN }));
    expect(saved).toEqual({ mail: { ...goodMail, host: '127.0.0.1', user: null, replyTo: null }, sms, alertThreshold: 5, hasSmtpPassword: true, hasTwilioToken: true });
    expect(await settings.getSecret('smtpPassword')).toBe(PASSWORD);
    expect(await settings.getSecret('twilioAuthToken')).toBe(TOKEN);

    const moved = await callAsync(f.admin, 'settings.notifications.save', saveInput({ mail: { ...goodMail, host: 'collector.example.net' } }));
    expect(moved).toMatchObject({ ok: false, fields: { smtpPassword: expect.stringMatching(/only sent to the server/) } });
    expect(settings.get().mail?.host).toBe('127.0.0.1');
    await okAsync(f.admin, 'settings.notifications.save', saveInput({ smtpPassword: 'replaced' }));
    expect(await settings.getSecret('smtpPassword')).toBe('replaced');
    const cleared = await okAsync(f.admin, 'settings.notifications.save', saveInput({ smtpPassword: null, twilioAuthToken: null }));
    expect(cleared).toMatchObject({ hasSmtpPassword: false, hasTwilioToken: false, sms: null });
    // Texts can't be on without a token.
    expect(await callAsync(f.admin, 'settings.notifications.save', saveInput({ sms }))).toMatchObject({ ok: false, fields: { twilioAuthToken: expect.any(String) } });
    // IPv6 and a name with a trailing dot are server names too.
    await okAsync(f.admin, 'settings.notifications.save', saveInput({ mail: { ...goodMail, host: '::1' } }));
    await okAsync(f.admin, 'settings.notifications.save', saveInput({ mail: { ...goodMail, host: 'mail.example.com.' } }));
  });

  it('saves nothing when a secret cannot be stored encrypted, and puts back what it had changed', async () => {
    const memory = memoryNotificationSettings({ mail: goodMail }, { smtpPassword: PASSWORD });
    attachService({
      ...memory,
      async setSecret(name, value) {
        if (name === 'twilioAuthToken') throw new Error('Encryption is not available on this system');
        return memory.setSecret(name, value);
      },
    });
    const result = await callAsync(f.admin, 'settings.notifications.save', saveInput({ alertThreshold: 9, smtpPassword: 'new-one', twilioAuthToken: TOKEN }));
    expect(result).toMatchObject({ ok: false, code: 'INTERNAL', fields: { twilioAuthToken: expect.stringMatching(/can't store the Twilio auth token encrypted/) } });
    expect(await memory.getSecret('smtpPassword')).toBe(PASSWORD);
    expect(memory.get().alertThreshold).toBe(3);
  });

  it('test send says what the server answered, with saved settings or a draft', async () => {
    expect(await okAsync(f.admin, 'settings.notifications.testSend', { to: 'me@example.com' })).toEqual({
      ok: true,
      message: 'The server accepted the test email (250 2.0.0 Ok: queued as 4F2A).',
    });
    expect(testSends).toEqual([{ to: 'me@example.com', host: 'smtp.example.com', password: PASSWORD }]);

    testOutcome = { ok: false, failure: 'permanent', message: '550 5.7.1 Relaying denied' };
    const draft = { mail: { ...goodMail, host: 'relay.example.net' }, password: 'draft-pass' };
    expect(await okAsync(f.admin, 'settings.notifications.testSend', { to: 'me@example.com', draft })).toEqual({ ok: false, message: 'The server refused it: 550 5.7.1 Relaying denied' });
    expect(testSends[1]).toEqual({ to: 'me@example.com', host: 'relay.example.net', password: 'draft-pass' });
    expect(settings.get().mail?.host).toBe('smtp.example.com');

    testOutcome = { ok: false, failure: 'unreachable', message: 'connect ECONNREFUSED 127.0.0.1:2525' };
    expect(await okAsync(f.admin, 'settings.notifications.testSend', { to: 'me@example.com' })).toEqual({ ok: false, message: 'The server could not be reached: connect ECONNREFUSED 127.0.0.1:2525' });

    // The saved password never follows the form to another server.
    const elsewhere = await callAsync(f.admin, 'settings.notifications.testSend', { to: 'me@example.com', draft: { mail: { ...goodMail, host: 'collector.example.net' } } });
    expect(elsewhere).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { smtpPassword: expect.stringMatching(/Type it again/) } });
    expect(testSends).toHaveLength(3);

    const bad = await callAsync(f.admin, 'settings.notifications.testSend', { to: 'me@', draft: { mail: { ...goodMail, port: 70_000 } } });
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { to: expect.any(String), 'mail.port': expect.any(String) } });
    expect(testSends).toHaveLength(3);
  });
});

describe('orders.resendConfirmation', () => {
  it('queues one confirmation per requestId, however often the request is repeated', () => {
    const outbox = f.count('outbox');
    // An admin: a seller may not resend the confirmation of an order shared with another store.
    const first = f.ok(f.admin, 'orders.resendConfirmation', { orderId: orderShared, requestId: REQUEST });
    const again = f.ok(f.admin, 'orders.resendConfirmation', { orderId: orderShared, requestId: REQUEST });
    expect(first).toMatchObject({ orderId: orderShared, queued: true });
    expect(again).toEqual({ ...first, queued: false });
    const rows = f.store.sqlite.prepare('SELECT dedupe_key, kind, status, recipient, payload FROM notifications WHERE order_id = ?').all(orderShared) as Array<{
      dedupe_key: string;
      kind: string;
      status: string;
      recipient: string;
      payload: string;
    }>;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ dedupe_key: dedupeKeys.orderConfirmation(orderShared, REQUEST), kind: 'order_confirmation', status: 'queued', recipient: 'casey@example.com' });
    // The customer's whole order, both stores' items included.
    expect((JSON.parse(rows[0]!.payload) as { items: unknown[] }).items).toHaveLength(2);
    expect(eventsOf(orderShared, 'confirmation_resent')).toEqual([{ notificationId: first.notificationId, recipient: 'casey@example.com' }]);
    expect(f.count('outbox')).toBe(outbox + 1);
    expect(wakes).toBe(1);

    f.clock += 60_000; // one resend a minute per order
    const other = f.ok(f.admin, 'orders.resendConfirmation', { orderId: orderShared, requestId: 'c1d2e3f4-0a1b-4c2d-8e3f-405162738495' });
    expect(other.notificationId).not.toBe(first.notificationId);
    expect(f.ok(f.admin, 'notifications.list', { orderId: orderShared }).rows).toHaveLength(2);
  });

  it("refuses another store's order as if it didn't exist, queuing nothing", () => {
    const snapshot = f.snapshot();
    const other = f.call(f.sellerA, 'orders.resendConfirmation', { orderId: orderB, requestId: REQUEST });
    const missing = f.call(f.sellerA, 'orders.resendConfirmation', { orderId: 999_999, requestId: REQUEST });
    expect(other).toEqual(missing);
    expect(other).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(f.snapshot()).toEqual(snapshot);
  });
});
