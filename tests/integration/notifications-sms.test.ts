import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderEmail } from '../../electron/main/services/email/render.js';
import { memoryNotificationSettings } from '../../electron/main/services/notifications/memory-settings.js';
import type { NotificationSettingsStore } from '../../electron/main/services/notifications/ports.js';
import { createNotificationService, type RunningNotificationService } from '../../electron/main/services/notifications/service.js';
import { createTwilioProvider } from '../../electron/main/services/notifications/twilio.js';
import { startFakeTwilio, type FakeTwilio } from '../fakes/twilio.js';
import { Fixture } from './fixtures.js';

const ACCOUNT = { sid: `AC${'1'.repeat(32)}`, token: 'fake-auth-token' };
const UPS = '1Z999AA10123456784';
const SHIPMENT = '00000000-0000-4000-9000-000000000001';

let f: Fixture;
let twilio: FakeTwilio;
let settings: NotificationSettingsStore;
let service: RunningNotificationService | null = null;

function startSender(): RunningNotificationService {
  service!.start();
  return service!;
}

function createSender(store: Fixture['store']): RunningNotificationService {
  service = createNotificationService({
    store,
    settings,
    renderEmail,
    logError: () => {},
    pollMs: 50,
    policy: { maxAttempts: 3, baseDelayMs: 40, maxDelayMs: 200 },
    createSms: (sms, token) => createTwilioProvider(sms, token, { apiBase: twilio.baseUrl }),
  });
  return service;
}

/** An order whose customer gave `phone` (and consent, unless told otherwise), shipped once. */
function shipTo(phone: string | null, consent: boolean, notifyCustomer = true): number {
  f.store.sqlite.prepare('UPDATE users SET phone = ?, sms_consent = ? WHERE id = ?').run(phone, consent ? 1 : 0, f.customerId);
  const orderId = f.addOrder({ number: 'SH-3000000', status: 'processing', paid: true, ageDays: 1, items: [{ storeId: f.storeA, sku: 'MUG', quantity: 1 }] });
  const item = f.ok(f.admin, 'orders.get', { orderId }).items[0]!;
  f.ok(f.admin, 'orders.markPacked', { orderId, items: [{ itemId: item.id, quantity: 1 }], source: 'scan' });
  f.ok(f.admin, 'orders.ship', { orderId, shipmentId: SHIPMENT, carrier: 'ups', trackingNumber: UPS, notifyCustomer });
  return orderId;
}

const smsRows = () =>
  f.store.sqlite.prepare("SELECT recipient, status, attempts, last_error, provider_id FROM notifications WHERE channel = 'sms'").all() as Array<{
    recipient: string;
    status: string;
    attempts: number;
    last_error: string | null;
    provider_id: string | null;
  }>;

beforeEach(async () => {
  twilio = await startFakeTwilio(ACCOUNT);
  settings = memoryNotificationSettings(
    { sms: { enabled: true, accountSid: ACCOUNT.sid, fromNumber: '+15005550006' } },
    { twilioAuthToken: ACCOUNT.token },
  );
  // The app's own sender: shipping asks it whether texts are on, and it sends them.
  f = new Fixture({ notifications: ({ store }) => createSender(store) });
  f.clock = Date.now();
});

afterEach(async () => {
  await service?.stop();
  service = null;
  await twilio.close();
  f.close();
});

async function waitUntil(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('shipped texts through Twilio', () => {
  it('texts a consenting customer the carrier and tracking link, once', async () => {
    shipTo('(503) 555-0142', true);
    startSender();
    await waitUntil(() => smsRows()[0]?.status === 'sent');
    expect(twilio.messages).toHaveLength(1);
    const [text] = twilio.messages;
    expect(text).toMatchObject({ to: '+15035550142', from: '+15005550006' });
    expect(text!.body).toContain('SH-3000000');
    expect(text!.body).toContain(`https://www.ups.com/track?tracknum=${UPS}`);
    expect(smsRows()[0]!.provider_id).toBe(text!.sid);
  });

  it('texts nobody without consent, without a phone, or when told not to notify', async () => {
    shipTo('(503) 555-0142', false);
    expect(smsRows()).toHaveLength(0);
    f.store.sqlite.exec('DELETE FROM notifications; DELETE FROM shipment_items; DELETE FROM shipments; DELETE FROM order_events; DELETE FROM outbox; DELETE FROM order_stores; DELETE FROM order_items; DELETE FROM orders;');
    shipTo(null, true);
    expect(smsRows()).toHaveLength(0);
    f.store.sqlite.exec('DELETE FROM notifications; DELETE FROM shipment_items; DELETE FROM shipments; DELETE FROM order_events; DELETE FROM outbox; DELETE FROM order_stores; DELETE FROM order_items; DELETE FROM orders;');
    shipTo('(503) 555-0142', true, false);
    expect(smsRows()).toMatchObject([{ status: 'suppressed' }]);
    startSender();
    await service!.settled();
    expect(twilio.messages).toHaveLength(0);
  });

  it('queues no text while texts are turned off (opt-in)', () => {
    settings.save({ ...settings.get(), sms: { enabled: false, accountSid: ACCOUNT.sid, fromNumber: '+15005550006' } });
    shipTo('(503) 555-0142', true);
    expect(smsRows()).toHaveLength(0);
  });

  it('retries a 429 and fails wrong credentials without spending attempts', async () => {
    twilio.tooManyRequests = 1;
    shipTo('(503) 555-0142', true);
    startSender();
    await waitUntil(() => smsRows()[0]?.status === 'sent');
    expect(smsRows()[0]!.attempts).toBe(2);
  });

  it('keeps texts queued when Twilio refuses the credentials', async () => {
    await settings.setSecret('twilioAuthToken', 'wrong-token');
    shipTo('(503) 555-0142', true);
    startSender();
    await waitUntil(() => smsRows()[0]?.last_error !== null);
    expect(smsRows()[0]).toMatchObject({ status: 'queued', attempts: 0 });
    expect(smsRows()[0]!.last_error).toContain('Authenticate');
  });
});
