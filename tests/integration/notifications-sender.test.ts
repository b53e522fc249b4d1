import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markSending, INTERRUPTED_MESSAGE } from '../../electron/main/services/notifications/outbox-rows.js';
import { memoryNotificationSettings } from '../../electron/main/services/notifications/memory-settings.js';
import type { MailSettings, NotificationSettingsStore } from '../../electron/main/services/notifications/ports.js';
import { createNotificationService, type RunningNotificationService } from '../../electron/main/services/notifications/service.js';
import { createMailer } from '../../electron/main/services/notifications/smtp.js';
import { withScope } from '../../electron/main/app/access.js';
import { runMutation } from '../../electron/main/app/write-path/pipeline.js';
import { renderEmail } from '../../electron/main/services/email/render.js';
import { allSamples } from '../../electron/main/services/email/samples.js';
import { formatMoney } from '../../shared/domain/money.js';
import { ok } from '../../shared/domain/result.js';
import type { NotificationContent } from '../../shared/domain/notifications.js';
import { startFakeSmtp, type FakeSmtp } from '../fakes/smtp-server.js';
import { Fixture } from './fixtures.js';

const UPS = '1Z999AA10123456784';
const parcel = (n: number) => `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;
const FAST_RETRY = { maxAttempts: 3, baseDelayMs: 40, maxDelayMs: 200 };

let f: Fixture;
let smtp: FakeSmtp;
let settings: NotificationSettingsStore;
const services: RunningNotificationService[] = [];

const mailSettings = (port: number): MailSettings => ({
  host: '127.0.0.1',
  port,
  security: 'none',
  user: null,
  fromName: 'Shomp Orders',
  fromAddress: 'orders@shomp.example.com',
  replyTo: 'help@shomp.example.com',
});

function sender(overrides: Partial<Parameters<typeof createNotificationService>[0]> = {}): RunningNotificationService {
  const service = createNotificationService({
    store: f.store,
    settings,
    renderEmail,
    logError: () => {},
    policy: FAST_RETRY,
    random: () => 0.5,
    pollMs: 50,
    ...overrides,
  });
  services.push(service);
  return service;
}

interface Row {
  id: number;
  status: string;
  attempts: number;
  last_error: string | null;
  recipient: string;
  subject: string | null;
  dedupe_key: string;
}
const rows = () => f.store.sqlite.prepare('SELECT id, status, attempts, last_error, recipient, subject, dedupe_key FROM notifications ORDER BY id').all() as Row[];

/** Orders ready to ship from store A, each with one packed mug. */
function packedOrders(count: number, customerName = 'Casey Customer'): number[] {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const orderId = f.addOrder({
      number: `SH-${2000000 + i}`,
      status: 'processing',
      paid: true,
      ageDays: 1,
      customerName,
      items: [{ storeId: f.storeA, sku: `MUG-${i}`, quantity: 1 }],
    });
    const item = f.ok(f.admin, 'orders.get', { orderId }).items[0]!;
    f.ok(f.admin, 'orders.markPacked', { orderId, items: [{ itemId: item.id, quantity: 1 }], source: 'scan' });
    ids.push(orderId);
  }
  return ids;
}

const ship = (orderId: number, n: number, notifyCustomer = true) =>
  f.ok(f.admin, 'orders.ship', { orderId, shipmentId: parcel(n), carrier: 'ups', trackingNumber: UPS, notifyCustomer });

beforeEach(async () => {
  f = new Fixture();
  // The sender runs on real time (backoff waits on real timers); rows must be due by that clock.
  f.clock = Date.now();
  smtp = await startFakeSmtp();
  settings = memoryNotificationSettings({ mail: mailSettings(smtp.port) });
});

afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.stop()));
  await smtp.close();
  f.close();
});

describe('shipping emails the customer once', () => {
  it('delivers a parsed "shipped" email with the tracking link, the right headers and both parts', async () => {
    const [orderId] = packedOrders(1);
    ship(orderId!, 1);
    const service = sender();
    service.start();
    const [mail] = await smtp.waitFor(1);
    await service.settled();

    const parsed = mail!.parsed;
    expect(mail!.envelope).toEqual({ from: 'orders@shomp.example.com', to: ['casey@example.com'] });
    expect(parsed.from?.value).toEqual([{ address: 'orders@shomp.example.com', name: 'Shomp Orders' }]);
    expect(parsed.replyTo?.value[0]?.address).toBe('help@shomp.example.com');
    expect(parsed.subject).toContain('SH-2000000');
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(parsed.messageId).toMatch(/^<[0-9a-f]{32}@shomp\.example\.com>$/);
    const link = `https://www.ups.com/track?tracknum=${UPS}`;
    expect(parsed.text).toContain(UPS);
    expect(parsed.text).toContain('UPS');
    expect(parsed.html).toBeTruthy();
    expect(String(parsed.html)).toContain(`href="${link.replace(/&/g, '&amp;')}"`);

    const [row] = rows();
    expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null, dedupe_key: `shipped:${orderId}:${parcel(1)}` });
    // What was stored is exactly what went out.
    const preview = await service.preview(row!.id);
    expect(preview).toMatchObject({ channel: 'email', to: 'casey@example.com', messageId: parsed.messageId });
    if (preview?.channel === 'email') {
      expect(preview.rendered.subject).toBe(parsed.subject);
      expect(preview.rendered.text.trim()).toBe(parsed.text?.trim());
    }
  });

  it('records "don\'t email the customer" as suppressed and never sends it', async () => {
    const [quiet, loud] = packedOrders(2);
    ship(quiet!, 1, false);
    ship(loud!, 2, true);
    const service = sender();
    service.start();
    await smtp.waitFor(1);
    await service.settled();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.parsed.subject).toContain('SH-2000001');
    expect(rows().map((r) => r.status)).toEqual(['suppressed', 'sent']);
  });

  it('sends nothing twice when the same shipment is recorded again', async () => {
    const [orderId] = packedOrders(1);
    ship(orderId!, 1);
    ship(orderId!, 1);
    const service = sender();
    service.start();
    await smtp.waitFor(1);
    await service.settled();
    expect(rows()).toHaveLength(1);
    expect(smtp.received).toHaveLength(1);
  });
});

/** The facts a customer must find in each kind of email, in both parts. */
function factsOf(content: NotificationContent): string[] {
  switch (content.kind) {
    case 'order_confirmation':
      return [content.items[0]!.title, formatMoney(content.totalCents)];
    case 'fulfillment_update':
      return [content.headline, content.shippingAddress!.street];
    case 'shipped':
      return [content.carrierName, content.trackingNumber];
    case 'delivered':
      return [content.orderNumber];
    case 'cancellation_approved':
      return [content.reason, formatMoney(content.refundCents!)];
    case 'cancellation_rejected':
      return [content.reason];
    case 'return_approved':
      return [content.items[0]!.title, formatMoney(content.refundCents!)];
    case 'return_rejected':
      return [content.items[0]!.title, content.reason];
    case 'refund_issued':
      return [formatMoney(content.amountCents)];
  }
}

describe('every kind of email', () => {
  it('arrives with its facts in both parts and the same headers, queued through the write path', async () => {
    const [orderId] = packedOrders(1);
    const samples = allSamples();
    const result = runMutation(f.app.ctx, withScope(f.admin), { name: 'test.notify', args: {} }, (tx) => {
      samples.forEach((content, i) => tx.notify({ dedupeKey: `${content.kind}:${orderId}:${i}`, orderId: orderId!, recipient: 'casey@example.com', content, suppressed: false }));
      return ok(null);
    });
    expect(result.ok).toBe(true);
    const service = sender();
    service.start();
    const received = await smtp.waitFor(samples.length);
    await service.settled();
    expect(received).toHaveLength(samples.length);
    for (const content of samples) {
      // Matched by Message-ID: the sender stores the one it sent on the row.
      const messageId = f.store.sqlite.prepare('SELECT message_id FROM notifications WHERE dedupe_key LIKE ?').pluck().get(`${content.kind}:%`) as string;
      const mail = received.find((m) => m.parsed.messageId === messageId);
      expect(mail, content.kind).toBeDefined();
      const { parsed } = mail!;
      expect(parsed.from?.value[0]?.address, content.kind).toBe('orders@shomp.example.com');
      expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value[0]?.address : null, content.kind).toBe('casey@example.com');
      expect(parsed.headers.get('auto-submitted'), content.kind).toBe('auto-generated');
      expect(parsed.headers.get('content-type'), content.kind).toMatchObject({ value: 'multipart/alternative' });
      for (const fact of factsOf(content)) {
        expect(parsed.text, `${content.kind} text: ${fact}`).toContain(fact);
        expect(String(parsed.html), `${content.kind} html: ${fact}`).toContain(fact.replace(/&/g, '&amp;'));
      }
    }
    expect(rows().every((r) => r.status === 'sent')).toBe(true);
  });
});

describe('server replies', () => {
  it('retries after a 451 and delivers once the server takes it', async () => {
    const [orderId] = packedOrders(1);
    ship(orderId!, 1);
    let refusals = 0;
    smtp.onMessage = () => (refusals++ < 1 ? { code: 451, message: '4.7.1 Greylisted, try again later' } : null);
    const service = sender();
    service.start();
    await smtp.waitFor(1);
    await service.settled();
    expect(refusals).toBe(2);
    expect(rows()[0]).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
  });

  it('gives up after the retry limit with the last reply as the reason', async () => {
    const [orderId] = packedOrders(1);
    ship(orderId!, 1);
    smtp.onMessage = () => ({ code: 452, message: '4.2.2 Mailbox full' });
    const service = sender();
    service.start();
    await waitUntil(() => rows()[0]!.status === 'failed');
    const [row] = rows();
    expect(row!.attempts).toBe(FAST_RETRY.maxAttempts);
    expect(row!.last_error).toMatch(/Gave up after 3 attempts.*Mailbox full/);
  });

  it('fails a 550 at once, with the reason, and the rest of the queue still leaves', async () => {
    const ids = packedOrders(3);
    f.store.sqlite.prepare("UPDATE orders SET customer_email = 'gone@example.com' WHERE id = ?").run(ids[1]);
    ids.forEach((id, i) => ship(id, i + 1));
    smtp.onRecipient = (address) => (address === 'gone@example.com' ? { code: 550, message: '5.1.1 No such user' } : null);
    const alerts: number[] = [];
    settings.save({ ...settings.get(), alertThreshold: 1 });
    const service = sender({ onAlert: (failed) => alerts.push(failed) });
    service.start();
    await smtp.waitFor(2);
    await service.settled();
    const [first, second, third] = rows();
    expect(first!.status).toBe('sent');
    expect(second).toMatchObject({ status: 'failed', attempts: 1 });
    expect(second!.last_error).toContain('No such user');
    expect(third!.status).toBe('sent');
    expect(alerts).toEqual([1]);
  });

  it('fails an invalid recipient address without sending, and does not hold up the queue', async () => {
    const ids = packedOrders(2);
    f.store.sqlite.prepare("UPDATE orders SET customer_email = 'casey at example dot com' WHERE id = ?").run(ids[0]);
    ids.forEach((id, i) => ship(id, i + 1));
    const service = sender();
    service.start();
    await smtp.waitFor(1);
    await service.settled();
    const [bad, good] = rows();
    expect(bad).toMatchObject({ status: 'failed', recipient: 'casey at example dot com' });
    expect(bad!.last_error).toMatch(/not a valid email address/);
    expect(good!.status).toBe('sent');
    expect(smtp.received.map((m) => m.envelope.to)).toEqual([['casey@example.com']]);
  });
});

describe('offline and restarts', () => {
  it('keeps mail queued while the server is unreachable, without spending attempts, and sends it when it returns', async () => {
    const port = smtp.port;
    await smtp.close();
    const ids = packedOrders(3);
    ids.forEach((id, i) => ship(id, i + 1));
    const service = sender();
    service.start();
    await waitUntil(() => service.state().mail === 'offline');
    expect(service.state().lastError).toBeTruthy();
    expect(rows().every((r) => r.status === 'queued' && r.attempts === 0)).toBe(true);

    smtp = await startFakeSmtp({ port });
    await smtp.waitFor(3, 15_000);
    await service.settled();
    expect(rows().map((r) => [r.status, r.attempts])).toEqual([
      ['sent', 1],
      ['sent', 1],
      ['sent', 1],
    ]);
    expect(service.state().mail).toBe('ready');
  });

  it('sends each message exactly once when the sender is stopped mid-queue and started again', async () => {
    const ids = packedOrders(30);
    ids.forEach((id, i) => ship(id, i + 1));
    // A slow server, so the stop lands while messages are in flight.
    smtp.onMessage = () => null;
    const first = sender({ concurrency: 2 });
    first.start();
    await smtp.waitFor(5);
    await first.stop();
    const afterStop = rows();
    expect(afterStop.some((r) => r.status === 'queued')).toBe(true);
    expect(afterStop.some((r) => r.status === 'sending')).toBe(false);

    const second = sender({ concurrency: 2 });
    second.start();
    await smtp.waitFor(30);
    await second.settled();
    const subjects = smtp.received.map((m) => m.parsed.subject);
    expect(new Set(subjects).size).toBe(30);
    expect(subjects).toHaveLength(30);
    expect(rows().every((r) => r.status === 'sent')).toBe(true);
  });

  it('does not resend a message that was being handed over when the process died; it fails with the reason', async () => {
    const [orderId] = packedOrders(1);
    ship(orderId!, 1);
    const [row] = rows();
    // What a killed process leaves: the row taken ('sending'), the outcome never recorded.
    markSending(f.store, [{ id: row!.id, messageId: '<x@y>', rendered: { subject: 's', html: '<p>h</p>', text: 't' } }], Date.now());
    const service = sender();
    service.start();
    await service.settled();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(smtp.received).toHaveLength(0);
    expect(rows()[0]).toMatchObject({ status: 'failed', last_error: INTERRUPTED_MESSAGE });
  });

  it('leaves mail queued until SMTP is set up, then sends it', async () => {
    settings = memoryNotificationSettings();
    const [orderId] = packedOrders(1);
    ship(orderId!, 1);
    const service = sender();
    service.start();
    await service.settled();
    expect(service.state().mail).toBe('not_configured');
    expect(rows()[0]!.status).toBe('queued');
    settings.save({ ...settings.get(), mail: mailSettings(smtp.port) });
    service.wake();
    await smtp.waitFor(1);
  });
});

describe('hostile text', () => {
  it('keeps CR/LF in a customer name out of the headers, and markup in it inert', async () => {
    const [orderId] = packedOrders(1, 'Mallory<script>alert(1)</script>"><img src=x onerror=alert(1)>\r\nBcc: victim@example.com\r\nSubject: pwned');
    ship(orderId!, 1);
    const service = sender();
    service.start();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.envelope.to).toEqual(['casey@example.com']);
    expect(mail!.parsed.bcc).toBeUndefined();
    expect(mail!.parsed.headers.get('subject')).not.toBe('pwned');
    const headerBlock = mail!.raw.slice(0, mail!.raw.indexOf('\r\n\r\n'));
    expect(headerBlock).not.toMatch(/^Bcc:/im);
    expect(headerBlock.match(/^Subject:/gim)).toHaveLength(1);
    const html = String(mail!.parsed.html);
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('Mallory&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('credentials', () => {
  it('reads the password once per change, not once per email, and uses a new one at once', async () => {
    const ids = packedOrders(4);
    ids.slice(0, 2).forEach((id, i) => ship(id, i + 1));
    settings.save({ ...settings.get(), mail: { ...mailSettings(smtp.port), user: 'desk' } });
    await settings.setSecret('smtpPassword', 'first');
    let reads = 0;
    const getSecret = settings.getSecret;
    settings = { ...settings, getSecret: (name) => ((reads += 1), getSecret(name)) };
    const passwords: Array<string | null> = [];
    const service = sender({
      createMailer: (mail, password, connections) => {
        passwords.push(password);
        return createMailer({ ...mail, user: null }, null, { maxConnections: connections });
      },
    });
    service.start();
    await smtp.waitFor(2);
    await service.settled();
    expect(reads).toBe(1);

    await service.settings.setSecret('smtpPassword', 'second');
    ids.slice(2).forEach((id, i) => ship(id, i + 3));
    service.wake();
    await smtp.waitFor(4);
    await service.settled();
    expect(reads).toBe(2);
    expect(passwords).toEqual(['first', 'second']);
  });
});

describe('test send', () => {
  it('sends a test email with unsaved settings and reports the server reply', async () => {
    settings = memoryNotificationSettings();
    const service = sender();
    const outcome = await service.testSend('owner@example.com', { mail: mailSettings(smtp.port), password: null });
    expect(outcome.ok).toBe(true);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.parsed.subject).toBe('Order Desk test email');
  });

  it('reports a refusal and an unreachable server as failures', async () => {
    const service = sender();
    smtp.onRecipient = () => ({ code: 550, message: '5.7.1 Relaying denied' });
    const refused = await service.testSend('owner@example.com');
    expect(refused).toMatchObject({ ok: false, failure: 'permanent' });
    await smtp.close();
    const unreachable = await service.testSend('owner@example.com');
    expect(unreachable).toMatchObject({ ok: false, failure: 'unreachable' });
    smtp = await startFakeSmtp();
  });
});

async function waitUntil(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
