/**
 * A connection lost after the whole message reached the server, before its "250 OK": the message
 * may have arrived, so it is failed with that reason and never sent again on its own. A loss
 * before the data stays "unreachable" (queued, no attempt spent). Against a real loopback SMTP
 * server that keeps the message and drops the connection without replying.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryNotificationSettings } from '../../electron/main/services/notifications/memory-settings.js';
import { createNotificationService, type RunningNotificationService } from '../../electron/main/services/notifications/service.js';
import { renderEmail } from '../../electron/main/services/email/render.js';
import { startFakeSmtp, type FakeSmtp } from '../fakes/smtp-server.js';
import { Fixture } from './fixtures.js';
import { queueDelivered, rowsOf } from './notification-rows.js';

let f: Fixture;
let smtp: FakeSmtp;
let service: RunningNotificationService;

beforeEach(async () => {
  f = new Fixture();
  f.clock = Date.now();
  smtp = await startFakeSmtp();
  service = createNotificationService({
    store: f.store,
    settings: memoryNotificationSettings({
      mail: { host: '127.0.0.1', port: smtp.port, security: 'none', user: null, fromName: 'Shomp', fromAddress: 'orders@shomp.example.com', replyTo: null },
    }),
    renderEmail,
    logError: () => {},
    policy: { maxAttempts: 3, baseDelayMs: 40, maxDelayMs: 200 },
    pollMs: 50,
  });
});

afterEach(async () => {
  await service.stop();
  await smtp.close();
  f.close();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a connection lost after the message data', () => {
  it('fails each message as "may have arrived", and the customer gets exactly one copy', async () => {
    const ids = [1, 2, 3].map((n) => queueDelivered(f, `casey${n}@example.com`, Date.now()));
    smtp.dropConnection = (stage) => stage === 'after-data';
    service.start();
    await smtp.waitFor(3);
    await service.settled();
    // Time for any resend (a requeue, a retry with backoff, the next poll) to have happened.
    await pause(1_000);
    await service.settled();

    const copies = smtp.received.map((mail) => mail.envelope.to.join());
    expect(copies.sort()).toEqual(['casey1@example.com', 'casey2@example.com', 'casey3@example.com']);
    expect(rowsOf(f, ids)).toEqual(
      ids.map(() => ({
        status: 'failed',
        attempts: 1,
        last_error: expect.stringMatching(/^The connection to the mail server broke after the whole message was handed to it.*may or may not have arrived/),
      })),
    );
  });

  it('still treats a connection lost before the data as an unreachable server: queued, no attempt spent, sent once it answers', async () => {
    const [id] = [queueDelivered(f, 'casey@example.com', Date.now())];
    smtp.dropConnection = (stage) => stage === 'recipient';
    service.start();
    await waitUntil(() => service.state().mail === 'offline');
    expect(rowsOf(f, [id!])).toEqual([{ status: 'queued', attempts: 0, last_error: expect.any(String) }]);
    expect(smtp.received).toHaveLength(0);

    smtp.dropConnection = () => false;
    await smtp.waitFor(1, 15_000);
    await service.settled();
    expect(rowsOf(f, [id!])).toEqual([{ status: 'sent', attempts: 1, last_error: null }]);
    expect(smtp.received).toHaveLength(1);
  });

  it('says so for a test email too', async () => {
    smtp.dropConnection = (stage) => stage === 'after-data';
    const outcome = await service.testSend('me@example.com');
    expect(outcome).toMatchObject({ ok: false, failure: 'unknown' });
    expect(smtp.received).toHaveLength(1);
  });
});

async function waitUntil(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await pause(10);
  }
}
