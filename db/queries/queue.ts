import { sql } from 'kysely';
import type { QueueRow, QueueView } from '../../shared/contract/schemas.js';
import type { Queue } from '../../shared/domain/queue.js';
import type { OrderStore } from '../store.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { StoreScope } from './scope.js';
import { toFtsQuery } from './search.js';

const DAY_MS = 86_400_000;

export interface QueueQuery {
  view: QueueView;
  /** Stores to list; null = every store (admins only). */
  storeIds: readonly number[] | null;
  /** Limits per-row details (item counts, store names) to what the caller may see. */
  scope: StoreScope;
  minAgeDays?: number | undefined;
  search?: string | undefined;
  sort: 'oldest' | 'newest';
  cursor?: string | undefined;
  limit: number;
  now: number;
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

const ORDER_COLUMNS = [
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

const shipToState = sql<string | null>`json_extract(o.shipping_address, '$.state')`.as('ship_to_state');

function keysetPage(store: OrderStore, storeId: number | null, q: QueueQuery, after: [number, number] | null): RawRow[] {
  const asc = q.sort === 'oldest';
  const maxPlacedAt = q.minAgeDays === undefined ? null : q.now - q.minAgeDays * DAY_MS;
  const queue = q.view === 'all' ? null : VIEW_QUEUE[q.view];
  if (storeId === null) {
    let query = store.q.selectFrom('orders as o').select([...ORDER_COLUMNS, shipToState]);
    if (queue) query = query.where('o.queue', '=', queue);
    if (maxPlacedAt !== null) query = query.where('o.placed_at', '<=', maxPlacedAt);
    if (after) {
      const [placedAt, id] = after;
      query = asc
        ? query.where('o.placed_at', '>=', placedAt).where((eb) => eb.or([eb('o.placed_at', '>', placedAt), eb('o.id', '>', id)]))
        : query.where('o.placed_at', '<=', placedAt).where((eb) => eb.or([eb('o.placed_at', '<', placedAt), eb('o.id', '<', id)]));
    }
    const direction = asc ? 'asc' : 'desc';
    return store.all(query.orderBy('o.placed_at', direction).orderBy('o.id', direction).limit(q.limit)) as RawRow[];
  }
  let query = store.q
    .selectFrom('order_stores as s')
    .innerJoin('orders as o', 'o.id', 's.order_id')
    .select([...ORDER_COLUMNS, shipToState])
    .where('s.store_id', '=', storeId);
  if (queue) query = query.where('s.queue', '=', queue);
  if (maxPlacedAt !== null) query = query.where('s.placed_at', '<=', maxPlacedAt);
  if (after) {
    const [placedAt, id] = after;
    query = asc
      ? query.where('s.placed_at', '>=', placedAt).where((eb) => eb.or([eb('s.placed_at', '>', placedAt), eb('s.order_id', '>', id)]))
      : query.where('s.placed_at', '<=', placedAt).where((eb) => eb.or([eb('s.placed_at', '<', placedAt), eb('s.order_id', '<', id)]));
  }
  const direction = asc ? 'asc' : 'desc';
  return store.all(query.orderBy('s.placed_at', direction).orderBy('s.order_id', direction).limit(q.limit)) as RawRow[];
}

/** Search results come newest first by order id, which FTS5 can walk without sorting. */
function searchPage(store: OrderStore, match: string, q: QueueQuery, afterId: number | null): RawRow[] {
  const maxPlacedAt = q.minAgeDays === undefined ? null : q.now - q.minAgeDays * DAY_MS;
  const queue = q.view === 'all' ? null : VIEW_QUEUE[q.view];
  let query = store.q
    .selectFrom(sql<{ rowid: number }>`order_search`.as('f'))
    .innerJoin('orders as o', (join) => join.on(sql<boolean>`o.id = f.rowid`))
    .select([...ORDER_COLUMNS, shipToState])
    .where(sql<boolean>`order_search MATCH ${match}`);
  if (afterId !== null) query = query.where(sql.ref('f.rowid'), '<', afterId);
  if (queue) query = query.where('o.queue', '=', queue);
  if (maxPlacedAt !== null) query = query.where('o.placed_at', '<=', maxPlacedAt);
  if (q.storeIds) {
    const storeIds = [...q.storeIds];
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('order_stores as s')
          .select(sql.lit(1).as('one'))
          .whereRef('s.order_id', '=', 'o.id')
          .where('s.store_id', 'in', storeIds.length > 0 ? storeIds : [-1]),
      ),
    );
  }
  return store.all(query.orderBy(sql.ref('f.rowid'), 'desc').limit(q.limit)) as RawRow[];
}

interface RowExtras {
  itemCount: number;
  storeNames: string[];
}

function loadExtras(store: OrderStore, orderIds: number[], scope: StoreScope): Map<number, RowExtras> {
  const extras = new Map<number, RowExtras>(orderIds.map((id) => [id, { itemCount: 0, storeNames: [] }]));
  if (orderIds.length === 0) return extras;
  let items = store.q
    .selectFrom('order_items')
    .select(['order_id', sql<number>`sum(quantity)`.as('n')])
    .where('order_id', 'in', orderIds)
    .groupBy('order_id');
  if (scope) items = items.where('store_id', 'in', scope.length > 0 ? [...scope] : [-1]);
  for (const row of store.all(items)) extras.get(row.order_id)!.itemCount = row.n;
  let stores = store.q
    .selectFrom('order_stores as s')
    .innerJoin('stores as st', 'st.id', 's.store_id')
    .select(['s.order_id', 'st.name'])
    .where('s.order_id', 'in', orderIds)
    .orderBy('st.name');
  if (scope) stores = stores.where('s.store_id', 'in', scope.length > 0 ? [...scope] : [-1]);
  for (const row of store.all(stores)) extras.get(row.order_id)!.storeNames.push(row.name);
  return extras;
}

function toQueueRow(row: RawRow, extras: RowExtras): QueueRow {
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
    totalCents: row.total_cents,
    itemCount: extras.itemCount,
    storeNames: extras.storeNames,
    shipToState: row.ship_to_state,
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
  } else if (q.storeIds === null) {
    raw = keysetPage(store, null, q, after);
  } else {
    const asc = q.sort === 'oldest';
    raw = q.storeIds
      .flatMap((storeId) => keysetPage(store, storeId, q, after))
      .sort((a, b) => (asc ? a.placed_at - b.placed_at || a.id - b.id : b.placed_at - a.placed_at || b.id - a.id));
    // An order in two of the seller's stores comes back from both ranges.
    raw = raw.filter((row, index) => index === 0 || raw[index - 1]!.id !== row.id).slice(0, q.limit);
  }
  const extras = loadExtras(store, raw.map((row) => row.id), q.scope);
  const rows = raw.map((row) => toQueueRow(row, extras.get(row.id)!));
  const last = raw.at(-1);
  const nextCursor = last && raw.length === q.limit ? encodeCursor(isSearch ? 0 : last.placed_at, last.id) : null;
  return { rows, nextCursor };
}
