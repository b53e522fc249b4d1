import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../db/open.js';
import { Fixture, NOW } from './fixtures.js';

let f: Fixture;
let shared: number;
let single: number;

beforeEach(() => {
  f = new Fixture();
  shared = f.addSharedOrder('SH-0000501');
  single = f.addOrder({ number: 'SH-0000502', status: 'processing', paid: true, ageDays: 1, items: [{ storeId: f.storeA, sku: 'ALD-MUG', quantity: 1 }] });
});

afterEach(() => f.close());

describe('migrating notification_retried entries to their message store', () => {
  it("tags an entry with its message's store, and keeps a whole-order message's error text off a shared order", () => {
    const file = f.file;
    f.store.close();
    // Entries as the old write path left them: order-wide, with the error text.
    const old = new Sqlite(file);
    old.prepare("DELETE FROM schema_migrations WHERE name = '2026-12-07-retry-entry-stores'").run();
    const notification = old.prepare(
      `INSERT INTO notifications (dedupe_key, order_id, store_id, kind, channel, recipient, status, payload, created_at, updated_at)
       VALUES (?, ?, ?, 'delivered', 'email', 'casey@example.com', 'queued', '{}', ?, ?)`,
    );
    const alderEmail = Number(notification.run('a', shared, f.storeA, NOW, NOW).lastInsertRowid);
    const wholeOrderEmail = Number(notification.run('b', shared, null, NOW, NOW).lastInsertRowid);
    const singleStoreEmail = Number(notification.run('c', single, null, NOW, NOW).lastInsertRowid);
    const event = old.prepare(
      `INSERT INTO order_events (order_id, at, actor_id, actor_name, station_id, station_name, kind, data)
       VALUES (?, ?, NULL, 'Ada Admin', 'hq', 'HQ', 'notification_retried', ?)`,
    );
    const entry = (orderId: number, notificationId: number) =>
      event.run(orderId, NOW, JSON.stringify({ notificationId, kind: 'delivered', channel: 'email', recipient: 'casey@example.com', lastError: `550 for ${notificationId}` }));
    entry(shared, alderEmail);
    entry(shared, wholeOrderEmail);
    entry(single, singleStoreEmail);
    entry(shared, 999_999); // a message no longer on file
    old.close();

    const reopened = openStore(file);
    try {
      const rows = (
        reopened.sqlite.prepare("SELECT order_id AS orderId, store_id AS storeId, data FROM order_events WHERE kind = 'notification_retried' ORDER BY id").all() as Array<{
          orderId: number;
          storeId: number | null;
          data: string;
        }>
      ).map((row) => ({ ...row, lastError: (JSON.parse(row.data) as { lastError: string | null }).lastError, data: undefined }));
      expect(rows).toEqual([
        { orderId: shared, storeId: f.storeA, lastError: `550 for ${alderEmail}`, data: undefined },
        { orderId: shared, storeId: null, lastError: null, data: undefined },
        { orderId: single, storeId: null, lastError: `550 for ${singleStoreEmail}`, data: undefined },
        { orderId: shared, storeId: null, lastError: null, data: undefined },
      ]);
    } finally {
      reopened.close();
    }
  });
});
