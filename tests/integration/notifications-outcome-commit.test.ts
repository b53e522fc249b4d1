/**
 * Each server reply is committed the moment it comes, not grouped with others a few
 * milliseconds later: that commit ends the window in which a crash makes a delivered email look
 * "may have arrived". The commit skips the fsync (WAL, synchronous=NORMAL for that commit only)
 * and leaves the store's own setting as it was.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryNotificationSettings } from '../../electron/main/services/notifications/memory-settings.js';
import type { DeliveryOutcome } from '../../electron/main/services/notifications/ports.js';
import { createNotificationService, type RunningNotificationService } from '../../electron/main/services/notifications/service.js';
import { renderEmail } from '../../electron/main/services/email/render.js';
import { Fixture } from './fixtures.js';
import { queueDelivered, rowsOf } from './notification-rows.js';

let f: Fixture;
let service: RunningNotificationService;
/** Sends waiting for their server reply, in the order they were handed over. */
let replies: Array<(outcome: DeliveryOutcome) => void>;

beforeEach(() => {
  f = new Fixture();
  f.clock = Date.now();
  replies = [];
  service = createNotificationService({
    store: f.store,
    settings: memoryNotificationSettings({
      mail: { host: 'smtp.example.com', port: 587, security: 'starttls', user: null, fromName: 'Shomp', fromAddress: 'orders@shomp.example.com', replyTo: null },
    }),
    renderEmail,
    logError: () => {},
    createMailer: () => ({
      send: () => new Promise<DeliveryOutcome>((resolve) => replies.push(resolve)),
      close() {},
    }),
  });
});

afterEach(async () => {
  for (const reply of replies) reply({ ok: true, providerId: '<x@y>', response: '250 OK' });
  await service.stop();
  f.close();
});

const turn = () => new Promise((resolve) => setImmediate(resolve));

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('recording a server reply', () => {
  it('commits each outcome as soon as its reply comes, one reply at a time', async () => {
    const ids = [1, 2, 3].map((n) => queueDelivered(f, `casey${n}@example.com`, Date.now()));
    service.start();
    await until(() => replies.length === 3);
    expect(rowsOf(f, ids).map((row) => row.status)).toEqual(['sending', 'sending', 'sending']);

    replies[0]!({ ok: true, providerId: '<1@shomp>', response: '250 OK' });
    await turn();
    expect(rowsOf(f, ids).map((row) => row.status)).toEqual(['sent', 'sending', 'sending']);

    replies[1]!({ ok: false, failure: 'permanent', message: '550 No such user' });
    await turn();
    expect(rowsOf(f, ids).map((row) => row.status)).toEqual(['sent', 'failed', 'sending']);
  });

  it("leaves the store's synchronous=FULL as it was after each cheap commit", async () => {
    expect(f.store.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    const id = queueDelivered(f, 'casey@example.com', Date.now());
    service.start();
    await until(() => replies.length === 1);
    replies[0]!({ ok: true, providerId: '<1@shomp>', response: '250 OK' });
    await turn();
    expect(rowsOf(f, [id])[0]!.status).toBe('sent');
    expect(f.store.sqlite.pragma('synchronous', { simple: true })).toBe(2);
  });
});
