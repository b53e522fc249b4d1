import { sql } from 'kysely';
import type { QueueRow, QueueView } from '../../shared/contract/schemas.js';
import { moneyFor, orderFigures, type StoreItems, type ViewerMoney } from '../../shared/domain/money-share.js';
import type { Queue } from '../../shared/domain/queue.js';
import type { OrderStore } from '../store.js';
import { shownClaims } from './claims.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { Scope } from './scope.js';
import { toFtsQuery } from './search.js';
import { unsyncedOrderIds } from './sync-outbox.js';

const DAY_MS = 86_400_000;

export interface QueueQuery {
  view: QueueView;
  /** Stores to list: the caller's scope, or that narrowed to one store. */
  stores: Scope;
  /** Limits per-row details (item counts, store names) to what the caller may see. */
  scope: Scope;
  minAgeDays?: number | undefined;
  search?: string | undefined;
  sort: 'oldest' | 'newest';
  cursor?: string | undefined;
  limit: number;
  now: number;
  /** The caller's station, to tell its own claims from other stations'. */
  stationId: string;
}

export class InvalidCursorError extends Error {}

const VIEW_QUEUE: Record<Exclude<QueueView, 'all'>, Queue> = {
  to_pack: 'to_pack',
  shipped: 'shipped',
  on_hold: 'on_hold',
  awaiting_payment: 'awaiting_payment',
  closed: 'closed',
};

interface RawRow {
  id: number;
  number: string;
  customer_name: string;
  customer_email: string;
  status: QueueRow['status'];
  fulfillment_status: QueueRow['fulfillmentStatus'];
  payment_status: QueueRow['paymentStatus'];
  queue: QueueRow['queue'];
  on_hold: number;
  hold_reason: string | null;
  placed_at: number;
  total_cents: number;
  ship_to_state: string | null;
}

const ORDER_COLUMNS = `o.id, o.number, o.customer_name, o.customer_email, o.status, o.fulfillment_status, o.payment_status,
  o.queue, o.on_hold, o.hold_reason, o.placed_at, o.total_cents, json_extract(o.shipping_address, '$.state') AS ship_to_state`;

const shipToState = sql<string | null>`json_extract(o.shipping_address, '$.state')`.as('ship_to_state');
const SEARCH_COLUMNS = [
  'o.id',
  'o.number',
  'o.customer_name',
  'o.customer_email',
  'o.status',
  'o.fulfillment_status',
  'o.payment_status',
  'o.queue',
  'o.on_hold',
  'o.hold_reason',
  'o.placed_at',
  'o.total_cents',
] as const;

/**
 * One keyset page from a single index range: order_stores(store_id, queue, placed_at, order_id)
 * for one store, orders(queue, placed_at, id) for all stores. Written by hand: this is the
 * hottest query in the app and Kysely's build-and-compile would cost as much as running it.
 */
function keysetPage(store: OrderStore, storeId: number | null, q: QueueQuery, after: [number, number] | null): RawRow[] {
  const asc = q.sort === 'oldest';
  const queue = q.view === 'all' ? null : VIEW_QUEUE[q.view];
  const [table, placedAt, id] = storeId === null ? ['orders o', 'o.placed_at', 'o.id'] : ['order_stores s JOIN orders o ON o.id = s.order_id', 's.placed_at', 's.order_id'];
  const where: string[] = [];
  const params: unknown[] = [];
  if (storeId !== null) {
    where.push('s.store_id = ?');
    params.push(storeId);
  }
  if (queue) {
    where.push(`${storeId === null ? 'o' : 's'}.queue = ?`);
    params.push(queue);
  }
  if (q.minAgeDays !== undefined) {
    where.push(`${placedAt} <= ?`);
    params.push(q.now - q.minAgeDays * DAY_MS);
  }
  if (after) {
    // The first term bounds the index range; the second skips ties on placed_at already shown.
    where.push(asc ? `${placedAt} >= ? AND (${placedAt} > ? OR ${id} > ?)` : `${placedAt} <= ? AND (${placedAt} < ? OR ${id} < ?)`);
    params.push(after[0], after[0], after[1]);
  }
  const direction = asc ? 'ASC' : 'DESC';
  params.push(q.limit);
  // Hand-written: the page itself (queue_first_page and queue_deep_page figures).
  return store.select<RawRow>(
    `SELECT ${ORDER_COLUMNS} FROM ${table} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY ${placedAt} ${direction}, ${id} ${direction} LIMIT ?`,
    params,
  );
}

/** Search results come newest first by order id, which FTS5 can walk without sorting. */
function searchPage(store: OrderStore, match: string, q: QueueQuery, afterId: number | null): RawRow[] {
  const maxPlacedAt = q.minAgeDays === undefined ? null : q.now - q.minAgeDays * DAY_MS;
  const queue = q.view === 'all' ? null : VIEW_QUEUE[q.view];
  let query = store.q
    .selectFrom(sql<{ rowid: number }>`order_search`.as('f'))
    .innerJoin('orders as o', (join) => join.on(sql<boolean>`o.id = f.rowid`))
    .select([...SEARCH_COLUMNS, shipToState])
    .where(sql<boolean>`order_search MATCH ${match}`);
  if (afterId !== null) query = query.where(sql.ref('f.rowid'), '<', afterId);
  if (queue) query = query.where('o.queue', '=', queue);
  if (maxPlacedAt !== null) query = query.where('o.placed_at', '<=', maxPlacedAt);
  query = q.stores.match({
    everyStore: () => query,
    stores: (storeIds) =>
      query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('order_stores as s')
            .select(sql.lit(1).as('one'))
            .whereRef('s.order_id', '=', 'o.id')
            .where('s.store_id', 'in', storeIds.length > 0 ? [...storeIds] : [-1]),
        ),
      ),
  });
  return store.all(query.orderBy(sql.ref('f.rowid'), 'desc').limit(q.limit)) as RawRow[];
}

interface OrderMoneyRow {
  id: number;
  subtotal_cents: number;
  shipping_cents: number;
  tax_cents: number;
  discount_cents: number;
  total_cents: number;
}

interface RowExtras {
  itemCount: number;
  /** A seller's share of an order shared with other stores; null for the whole order's money. */
  share: ViewerMoney | null;
  storeNames: string[];
  claimedBy: QueueRow['claimedBy'];
  unsynced: boolean;
}

// Hand-written SQL, one query per page for each detail: part of every queue page (queue_first_page figure).
function loadExtras(store: OrderStore, orderIds: number[], q: QueueQuery): Map<number, RowExtras> {
  const extras = new Map<number, RowExtras>(orderIds.map((id) => [id, { itemCount: 0, share: null, storeNames: [], claimedBy: null, unsynced: false }]));
  if (orderIds.length === 0) return extras;
  const ids = orderIds.map(() => '?').join(',');
  const inScope = q.scope.sqlIn('s.store_id');
  const seller = q.scope.match({ everyStore: () => null, stores: (storeIds) => storeIds });
  if (seller === null) {
    const counts = store.select<{ order_id: number; n: number }>(
      `SELECT order_id, sum(quantity) AS n FROM order_items WHERE order_id IN (${ids}) GROUP BY order_id`,
      orderIds,
    );
    for (const row of counts) extras.get(row.order_id)!.itemCount = row.n;
  } else {
    // Every store's lines, not only the seller's: a share is split by all of them. The same rows
    // the item count reads anyway (by order id), one query per page; summed here rather than
    // with GROUP BY, which would sort them in a temporary b-tree.
    const lines = store.select<{ order_id: number; store_id: number; quantity: number; unit_price_cents: number }>(
      `SELECT order_id, store_id, quantity, unit_price_cents FROM order_items WHERE order_id IN (${ids})`,
      orderIds,
    );
    const perStore = new Map<number, StoreItems[]>();
    const shared = new Set<number>();
    for (const line of lines) {
      if (seller.includes(line.store_id)) extras.get(line.order_id)!.itemCount += line.quantity;
      else shared.add(line.order_id);
      let stores = perStore.get(line.order_id);
      if (!stores) perStore.set(line.order_id, (stores = []));
      const entry = stores.find((s) => s.storeId === line.store_id);
      if (entry) entry.itemsCents += line.quantity * line.unit_price_cents;
      else stores.push({ storeId: line.store_id, itemsCents: line.quantity * line.unit_price_cents });
    }
    // Only orders shared with another store need their figures split: most pages have few.
    if (shared.size > 0) {
      const sharedIds = [...shared];
      const figures = store.select<OrderMoneyRow>(
        `SELECT id, subtotal_cents, shipping_cents, tax_cents, discount_cents, total_cents FROM orders WHERE id IN (${sharedIds.map(() => '?').join(',')})`,
        sharedIds,
      );
      for (const order of figures) extras.get(order.id)!.share = moneyFor(orderFigures(order), perStore.get(order.id)!, seller);
    }
  }
  const names = store.select<{ order_id: number; name: string }>(
    `SELECT s.order_id, st.name FROM order_stores s JOIN stores st ON st.id = s.store_id
     WHERE s.order_id IN (${ids}) ${inScope.sql} ORDER BY st.name`,
    [...orderIds, ...inScope.params],
  );
  for (const row of names) extras.get(row.order_id)!.storeNames.push(row.name);
  // Only claims on the caller's stores: a seller never sees who packs another seller's part.
  for (const [orderId, claim] of shownClaims(store, orderIds, q.scope, q.stationId, q.now)) {
    extras.get(orderId)!.claimedBy = {
      stationName: claim.station_name,
      userName: claim.user_name,
      mine: claim.station_id === q.stationId,
      expiresAt: claim.expires_at,
    };
  }
  for (const orderId of unsyncedOrderIds(store, orderIds)) extras.get(orderId)!.unsynced = true;
  return extras;
}

function toQueueRow(row: RawRow, extras: RowExtras): QueueRow {
  const money = extras.share;
  return {
    id: row.id,
    number: row.number,
    customerName: row.customer_name,
    customerEmail: row.customer_email,
    status: row.status,
    fulfillmentStatus: row.fulfillment_status,
    paymentStatus: row.payment_status,
    queue: row.queue,
    onHold: row.on_hold === 1,
    holdReason: row.hold_reason,
    placedAt: row.placed_at,
    totalCents: money?.totalCents ?? row.total_cents,
    moneyScope: money?.scope ?? 'order',
    itemCount: extras.itemCount,
    storeNames: extras.storeNames,
    shipToState: row.ship_to_state,
    claimedBy: extras.claimedBy,
    unsynced: extras.unsynced,
  };
}

/**
 * One page of the fulfillment queue (or of search results) in keyset order, so a deep page costs
 * the same as the first. Several stores are read as one index range each and merged.
 */
export function listQueue(store: OrderStore, q: QueueQuery): { rows: QueueRow[]; nextCursor: string | null } {
  const after = q.cursor === undefined ? null : decodeCursor(q.cursor);
  if (q.cursor !== undefined && after === null) throw new InvalidCursorError('That page cursor is not valid.');
  let raw: RawRow[];
  let isSearch = false;
  if (q.search !== undefined) {
    const match = toFtsQuery(q.search);
    if (match === null) return { rows: [], nextCursor: null };
    raw = searchPage(store, match, q, after ? after[1] : null);
    isSearch = true;
  } else {
    raw = q.stores.match({
      everyStore: () => keysetPage(store, null, q, after),
      stores: (storeIds) => {
        const asc = q.sort === 'oldest';
        const merged = storeIds
          .flatMap((storeId) => keysetPage(store, storeId, q, after))
          .sort((a, b) => (asc ? a.placed_at - b.placed_at || a.id - b.id : b.placed_at - a.placed_at || b.id - a.id));
        // An order in two of the seller's stores comes back from both ranges.
        return merged.filter((row, index) => index === 0 || merged[index - 1]!.id !== row.id).slice(0, q.limit);
      },
    });
  }
  const extras = loadExtras(store, raw.map((row) => row.id), q);
  const rows = raw.map((row) => toQueueRow(row, extras.get(row.id)!));
  const last = raw.at(-1);
  const nextCursor = last && raw.length === q.limit ? encodeCursor(isSearch ? 0 : last.placed_at, last.id) : null;
  return { rows, nextCursor };
}
