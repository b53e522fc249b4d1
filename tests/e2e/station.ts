import type { CDPSession, Page } from '@playwright/test';
import type { OrderStore } from '../../db/store.js';

const sessions = new WeakMap<Page, Promise<CDPSession>>();

/**
 * A keyboard-wedge scanner: the code's keys back to back, then Enter. The key events are queued
 * on the DevTools connection without waiting for each to be acknowledged, as a scanner sends them:
 * page.keyboard.type waits for a round trip per key, which on a loaded 2-core machine spaces keys
 * 30-60 ms apart, as slow as a fast typist, and would test the timing of the test harness instead.
 */
export async function scan(page: Page, code: string, options: { settleBeforeEnter?: boolean } = {}): Promise<void> {
  if (!sessions.has(page)) sessions.set(page, page.context().newCDPSession(page));
  const cdp = await sessions.get(page)!;
  const sent: Promise<unknown>[] = [];
  for (const char of code) {
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: char, text: char, unmodifiedText: char }));
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: char }));
  }
  // Benchmarks time from the Enter: its event must not be stamped while the characters before it
  // still wait in the input queue, which a real scanner's few-ms spacing never causes.
  if (options.settleBeforeEnter) await Promise.all(sent.splice(0));
  const enter = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13 };
  sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...enter, text: '\r', unmodifiedText: '\r' }));
  sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...enter }));
  await Promise.all(sent);
}

/** A person typing the code at ~120 ms a key, then Enter. */
export async function typeCode(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code, { delay: 120 });
  await page.keyboard.press('Enter');
}

export interface PackableItem {
  id: number;
  barcode: string;
  quantity: number;
}

export interface PackableOrder {
  id: number;
  number: string;
  items: PackableItem[];
}

/**
 * "To pack" orders that a scan can verify end to end: one store, nothing packed or shipped yet,
 * every physical line with a barcode; by default at least two lines and at most five units (a
 * wrong and an extra item can both be shown); oldest first.
 */
export function packableOrders(
  store: OrderStore,
  storeIds?: readonly number[],
  shape: { minLines: number; maxUnits: number } = { minLines: 2, maxUnits: 5 },
): PackableOrder[] {
  const rows = store.sqlite
    .prepare(
      `SELECT o.id, o.number FROM orders o
       WHERE o.queue = 'to_pack'
         AND (SELECT count(*) FROM order_stores s WHERE s.order_id = o.id) = 1
         ${storeIds ? `AND EXISTS (SELECT 1 FROM order_stores s WHERE s.order_id = o.id AND s.store_id IN (${storeIds.join(',')}))` : ''}
         AND (SELECT count(*) FROM order_items i WHERE i.order_id = o.id AND i.is_digital = 0) >= ${shape.minLines}
         AND (SELECT sum(i.quantity) FROM order_items i WHERE i.order_id = o.id AND i.is_digital = 0) <= ${shape.maxUnits}
         AND NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id AND i.is_digital = 0
                          AND (i.barcode IS NULL OR i.packed_quantity > 0 OR i.fulfilled_quantity > 0))
       ORDER BY o.placed_at, o.id`,
    )
    .all() as { id: number; number: string }[];
  const itemsOf = store.sqlite.prepare('SELECT id, barcode, quantity FROM order_items WHERE order_id = ? AND is_digital = 0 ORDER BY id');
  return rows.map((row) => ({ ...row, items: itemsOf.all(row.id) as PackableItem[] }));
}

/** A product barcode that is on none of this order's lines: the "wrong item" of a test. */
export function foreignBarcode(store: OrderStore, orderId: number): string {
  return store.sqlite
    .prepare(
      `SELECT barcode FROM products WHERE barcode IS NOT NULL
         AND barcode NOT IN (SELECT barcode FROM order_items WHERE order_id = ? AND barcode IS NOT NULL)
       ORDER BY id LIMIT 1`,
    )
    .pluck()
    .get(orderId) as string;
}

export const UPS_TRACKING = '1Z999AA10123456784';
