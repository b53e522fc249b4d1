import type { OrderStore } from '../store.js';

/**
 * Turns what a person typed into an FTS5 query: every word must match as a prefix, and nothing
 * they type can be read as FTS syntax (quotes, NEAR, column filters).
 */
export function toFtsQuery(text: string): string | null {
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu);
  if (!words || words.length === 0) return null;
  return words.slice(0, 12).map((word) => `"${word}"*`).join(' ');
}

/** Rewrites an order's search row from the real tables. Called by the write path and the seeder. */
export function refreshOrderSearch(store: OrderStore, orderId: number): void {
  store.prepare('DELETE FROM order_search WHERE rowid = ?').run(orderId);
  store
    .prepare(
      `INSERT INTO order_search (rowid, number, customer, email, skus, tracking)
       SELECT o.id, o.number, o.customer_name, o.customer_email,
         (SELECT group_concat(sku, ' ') FROM order_items WHERE order_id = o.id),
         (SELECT group_concat(tracking_number, ' ') FROM shipments WHERE order_id = o.id)
       FROM orders o WHERE o.id = ?`,
    )
    .run(orderId);
}
