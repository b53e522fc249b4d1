/**
 * Queued mail leaves as soon as there is reason to think the server takes it: when the settings
 * are saved, and when a message or a test email goes through. Never at the next poll (set to a
 * minute here) or at the time a previous run set for its next probe.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryNotificationSettings } from '../../electron/main/services/notifications/memory-settings.js';
import type { MailSettings, NotificationSettingsStore } from '../../electron/main/services/notifications/ports.js';
import { createNotificationService, type RunningNotificationService } from '../../electron/main/services/notifications/service.js';
import { renderEmail } from '../../electron/main/services/email/render.js';
import { startFakeSmtp, type FakeSmtp } from '../fakes/smtp-server.js';
import { Fixture } from './fixtures.js';
import { queueDelivered, rowsOf } from './notification-rows.js';

const PROMPTLY_MS = 5_000;
/** What a previous run leaves on rows while the server was away: their next probe, up to a minute on. */
const WAITING_FOR_SERVER = 'connect ECONNREFUSED 127.0.0.1:25';

let f: Fixture;
let smtp: FakeSmtp;
let settings: NotificationSettingsStore;
let service: RunningNotificationService;
let mail: MailSettings;

function startSender(): void {
  service = createNotificationService({ store: f.store, settings, renderEmail, logError: () => {}, pollMs: 60_000 });
  service.start();
}

beforeEach(async () => {
  f = new Fixture();
  f.clock = Date.now();
  smtp = await startFakeSmtp({ parse: false });
  mail = { host: '127.0.0.1', port: smtp.port, security: 'none', user: null, fromName: 'Shomp', fromAddress: 'orders@shomp.example.com', replyTo: null };
});

afterEach(async () => {
  await service.stop();
  await smtp.close();
  f.close();
});

describe('the sender wakes', () => {
  it('when the settings are saved: mail queued while SMTP was not set up leaves at once', async () => {
    settings = memoryNotificationSettings();
    const id = queueDelivered(f, 'casey@example.com', Date.now());
    startSender();
    await service.settled();
    expect(rowsOf(f, [id])[0]!.status).toBe('queued');

    service.settings.save({ ...service.settings.get(), mail });
    await smtp.waitFor(1, PROMPTLY_MS);
  });

  it('when the settings are saved: mail a previous run left waiting for the server leaves at once', async () => {
    settings = memoryNotificationSettings({ mail: { ...mail, port: 1 } });
    const ids = [1, 2].map((n) => queueDelivered(f, `casey${n}@example.com`, Date.now() + 55_000, WAITING_FOR_SERVER));
    startSender();
    await service.settled();

    service.settings.save({ ...service.settings.get(), mail });
    await smtp.waitFor(2, PROMPTLY_MS);
    await service.settled();
    expect(rowsOf(f, ids).map((row) => row.status)).toEqual(['sent', 'sent']);
  });

  it('when a message goes through: the rest that waited for the server go with it', async () => {
    settings = memoryNotificationSettings({ mail });
    const waiting = [1, 2].map((n) => queueDelivered(f, `waiting${n}@example.com`, Date.now() + 55_000, WAITING_FOR_SERVER));
    queueDelivered(f, 'new@example.com', Date.now());
    startSender();
    await smtp.waitFor(3, PROMPTLY_MS);
    await service.settled();
    expect(rowsOf(f, waiting).map((row) => row.status)).toEqual(['sent', 'sent']);
  });

  it('when a test email through the saved server goes through', async () => {
    settings = memoryNotificationSettings({ mail });
    const waiting = queueDelivered(f, 'waiting@example.com', Date.now() + 55_000, WAITING_FOR_SERVER);
    startSender();
    await service.settled();
    expect(await service.testSend('me@example.com')).toMatchObject({ ok: true });
    await smtp.waitFor(2, PROMPTLY_MS);
    await service.settled();
    expect(rowsOf(f, [waiting])[0]!.status).toBe('sent');
  });

  it('but not for a test email through a server that is not the saved one', async () => {
    settings = memoryNotificationSettings({ mail: { ...mail, port: 1 } });
    const waiting = queueDelivered(f, 'waiting@example.com', Date.now() + 55_000, WAITING_FOR_SERVER);
    startSender();
    await service.settled();
    expect(await service.testSend('me@example.com', { mail, password: null })).toMatchObject({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(rowsOf(f, [waiting])[0]!.status).toBe('queued');
  });
});
