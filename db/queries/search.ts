import type { OrderStore } from '../store.js';

/**
 * Search has to answer in milliseconds over a million orders. FTS5 prefix queries on short,
 * common tokens ("sh", "com") merge doclists of every order, so identifiers are also indexed in
 * a compact form — letters and digits only, lowercased: SH-1035600 → sh1035600 and 1035600,
 * JUN-MUG-012 → junmug012, casey@example.com → caseyexamplecom — and a query word is matched
 * in that same compact form. A pasted order number, SKU, email or tracking number is then one
 * rare token; names keep their separate words.
 */
export const compact = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

const words = (text: string): string[] => text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

export interface SearchSource {
  number: string;
  customerName: string;
  email: string;
  skus: readonly string[];
  trackingNumbers: readonly string[];
}

/** The five columns of an order's order_search row, in table order. */
export type SearchDocument = [number: string, customer: string, email: string, skus: string, tracking: string];

export function searchDocument(source: SearchSource): SearchDocument {
  const localPart = source.email.split('@')[0] ?? '';
  return [
    [compact(source.number), ...words(source.number).filter((w) => /^\d+$/.test(w))].join(' '),
    words(source.customerName).join(' '),
    [compact(source.email), ...words(localPart)].join(' '),
    source.skus.map(compact).join(' '),
    source.trackingNumbers.map(compact).join(' '),
  ];
}

/** Shortest last word that is searched as a prefix: shorter prefixes match half the table. */
const MIN_PREFIX = 3;

/**
 * Turns what a person typed into an FTS5 query: each whitespace-separated word, compacted, must
 * match a token; the last one may be a prefix (they are still typing). Nothing typed can be read
 * as FTS syntax (quotes, NEAR, column filters): tokens are quoted and only letters and digits pass.
 */
export function toFtsQuery(text: string): string | null {
  const terms = text
    .split(/\s+/)
    .map(compact)
    .filter((term) => term.length > 0)
    .slice(0, 8);
  if (terms.length === 0) return null;
  return terms
    .map((term, index) => (index === terms.length - 1 && term.length >= MIN_PREFIX ? `"${term}"*` : `"${term}"`))
    .join(' ');
}

/** Rewrites an order's search row from the real tables. Called by the write path. */
export function refreshOrderSearch(store: OrderStore, orderId: number): void {
  // Hand-written: every saveOrder rewrites the row (ship_mutation, csv_import_10000 figures); FTS5 isn't in db/schema.ts.
  const order = store.prepare('SELECT number, customer_name, customer_email FROM orders WHERE id = ?').get(orderId) as
    | { number: string; customer_name: string; customer_email: string }
    | undefined;
  store.prepare('DELETE FROM order_search WHERE rowid = ?').run(orderId);
  if (!order) return;
  const skus = store.prepare('SELECT sku FROM order_items WHERE order_id = ? ORDER BY id').pluck().all(orderId) as string[];
  const trackingNumbers = store.prepare('SELECT tracking_number FROM shipments WHERE order_id = ? ORDER BY shipped_at').pluck().all(orderId) as string[];
  store
    .prepare('INSERT INTO order_search (rowid, number, customer, email, skus, tracking) VALUES (?, ?, ?, ?, ?, ?)')
    .run(orderId, ...searchDocument({ number: order.number, customerName: order.customer_name, email: order.customer_email, skus, trackingNumbers }));
}
