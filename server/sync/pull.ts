import type { Transaction } from 'kysely';
import type { OrderDoc, PulledRow, PullRequest, PullResponse } from '../../shared/contract/sync-protocol.js';
import type { Actor } from '../auth/actor.js';
import { membershipsOf, staffDoc } from '../auth/staff.js';
import type { ServerDb } from '../db/connect.js';
import type { ServerDatabase } from '../db/schema.js';
import { scopeOrderDoc } from '../orders/rules.js';
import { decodeCursor, encodeCursor, scopeHash } from './cursor.js';
import { RawJson } from './pull-json.js';

type Trx = Transaction<ServerDatabase>;
type Reader = Pick<Actor, 'userId' | 'role' | 'storeIds'>;

/**
 * One source of rows in version order, read up to `limit`. When it returned a full page, rows
 * past its last version were not looked at: `horizon` says so, and the page must stop there.
 */
interface Batch {
  rows: PulledRow[];
  horizon: number;
}

const ALL = Number.POSITIVE_INFINITY;
const horizonOf = (versions: number[], limit: number) => (versions.length >= limit ? (versions[versions.length - 1] ?? ALL) : ALL);

async function orderRows(trx: Trx, reader: Reader, after: number, limit: number): Promise<Batch[]> {
  if (reader.storeIds === null) {
    const rows = await trx
      .selectFrom('orders')
      .select(['id', 'version', 'doc'])
      .where('version', '>', after)
      .orderBy('version')
      .limit(limit)
      .execute();
    return [
      {
        rows: rows.map((row) => ({ op: 'put', type: 'order', id: row.id, version: row.version, data: new RawJson(row.doc) })),
        horizon: horizonOf(
          rows.map((row) => row.version),
          limit,
        ),
      },
    ];
  }
  // One index range per store ((store_id, version)), merged here: an IN list over several stores
  // would make the database sort every matching row before the LIMIT. Only the page's first
  // `limit` orders (below every store's horizon) are then read whole.
  const refs: { order_id: number; version: number }[] = [];
  let horizon = ALL;
  for (const storeId of reader.storeIds) {
    const storeRefs = await trx
      .selectFrom('order_stores')
      .select(['order_id', 'version'])
      .where('store_id', '=', storeId)
      .where('version', '>', after)
      .orderBy('version')
      .limit(limit)
      .execute();
    refs.push(...storeRefs);
    horizon = Math.min(
      horizon,
      horizonOf(
        storeRefs.map((ref) => ref.version),
        limit,
      ),
    );
  }
  const wanted = new Map<number, number>();
  const theirStores = new Map<number, number>();
  for (const ref of refs) theirStores.set(ref.order_id, (theirStores.get(ref.order_id) ?? 0) + 1);
  for (const ref of refs.filter((r) => r.version <= horizon).sort((a, b) => a.version - b.version)) {
    // An order in two of the reader's stores appears twice, at the same version.
    if (wanted.has(ref.order_id)) continue;
    if (wanted.size >= limit) {
      // The rest is past this page: the page ends before it.
      horizon = Math.min(horizon, ref.version - 1);
      break;
    }
    wanted.set(ref.order_id, ref.version);
  }
  const docs = wanted.size
    ? await trx
        .selectFrom('orders')
        .select(['id', 'version', 'store_count', 'doc'])
        .where('id', 'in', [...wanted.keys()])
        .execute()
    : [];
  const rows: PulledRow[] = docs.map((row) => {
    // Every store on the order is the reader's: the doc is theirs whole, as stored.
    if (theirStores.get(row.id) === row.store_count) return { op: 'put', type: 'order', id: row.id, version: row.version, data: new RawJson(row.doc) };
    // Stored docs are written only by this server, from parsed input, so they are trusted here.
    const scoped = scopeOrderDoc(JSON.parse(row.doc) as OrderDoc, reader.storeIds);
    return scoped
      ? { op: 'put', type: 'order', id: row.id, version: row.version, data: scoped }
      : { op: 'del', type: 'order', id: row.id, version: row.version };
  });
  return [{ rows, horizon }];
}

async function storeRows(trx: Trx, reader: Reader, after: number, limit: number): Promise<Batch> {
  let query = trx.selectFrom('stores').select(['id', 'slug', 'name', 'version']).where('version', '>', after);
  if (reader.storeIds !== null) {
    if (reader.storeIds.length === 0) return { rows: [], horizon: ALL };
    query = query.where('id', 'in', reader.storeIds);
  }
  const rows = await query.orderBy('version').limit(limit).execute();
  return {
    rows: rows.map((row) => ({ op: 'put', type: 'store', id: row.id, version: row.version, data: { id: row.id, slug: row.slug, name: row.name } })),
    horizon: horizonOf(
      rows.map((row) => row.version),
      limit,
    ),
  };
}

/** Staff the reader may see: themselves and the people of their stores (an admin: everyone). */
async function staffRows(trx: Trx, reader: Reader, after: number, limit: number): Promise<Batch> {
  const users = await trx
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'version'])
    .where('version', '>', after)
    .orderBy('version')
    .limit(limit)
    .execute();
  const memberships = await membershipsOf(
    trx,
    users.map((user) => user.id),
  );
  const visible = users.filter((user) => {
    if (reader.storeIds === null || user.id === reader.userId) return true;
    const theirs = memberships.get(user.id) ?? [];
    return theirs.some((id) => reader.storeIds?.includes(id));
  });
  return {
    rows: visible.map((user) => ({ op: 'put', type: 'staff', id: user.id, version: user.version, data: staffDoc(user, memberships.get(user.id) ?? []) })),
    horizon: horizonOf(
      users.map((user) => user.version),
      limit,
    ),
  };
}

async function tombstoneRows(trx: Trx, reader: Reader, after: number, limit: number): Promise<Batch> {
  const rows = await trx
    .selectFrom('tombstones')
    .select(['type', 'entity_id', 'version', 'store_ids'])
    .where('version', '>', after)
    .orderBy('version')
    .limit(limit)
    .execute();
  const visible = rows.filter((row) => {
    if (reader.storeIds === null) return true;
    const stores = JSON.parse(row.store_ids) as number[];
    return stores.some((id) => reader.storeIds?.includes(id));
  });
  return {
    rows: visible.map((row) => ({ op: 'del', type: row.type, id: row.entity_id, version: row.version })),
    horizon: horizonOf(
      rows.map((row) => row.version),
      limit,
    ),
  };
}

/** How many rows a first pull will receive in all (for the desk's progress bar). */
async function countInScope(trx: Trx, reader: Reader): Promise<number> {
  const one = async (query: Promise<{ n: number | string | bigint } | undefined>) => Number((await query)?.n ?? 0);
  if (reader.storeIds === null) {
    const [orders, stores, users] = await Promise.all([
      one(trx.selectFrom('orders').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst()),
      one(trx.selectFrom('stores').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst()),
      one(trx.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst()),
    ]);
    return orders + stores + users;
  }
  if (reader.storeIds.length === 0) return 1;
  const orders = await one(
    trx
      .selectFrom('order_stores')
      .select((eb) => eb.fn.count('order_id').distinct().as('n'))
      .where('store_id', 'in', reader.storeIds)
      .executeTakeFirst(),
  );
  return orders + reader.storeIds.length + 1;
}

/**
 * One page of what changed for this reader since their cursor. All of it is read in one
 * snapshot (REPEATABLE READ on PostgreSQL; SQLite's transaction is one), so the rows and
 * lastMutationId agree: a mutation reported applied has its effects in the rows up to the cursor.
 */
export async function pull(sdb: ServerDb, reader: Reader, request: PullRequest): Promise<PullResponse> {
  const hash = scopeHash(reader);
  const run = async (trx: Trx): Promise<PullResponse> => {
    // The server, its version and this client's last mutation in one round trip.
    const meta = await trx
      .selectFrom('meta')
      .select((eb) => [
        'server_id',
        'version',
        eb
          .selectFrom('client_mutations')
          .select('mutation_id')
          .where('client_id', '=', request.clientId)
          .orderBy('seq', 'desc')
          .limit(1)
          .as('last_mutation_id'),
        // The newest version of each small source: a source with nothing past the cursor is not
        // queried, which spares three round trips on nearly every page.
        eb.selectFrom('stores').select((s) => s.fn.max('version').as('v')).as('stores_max'),
        eb.selectFrom('users').select((s) => s.fn.max('version').as('v')).as('users_max'),
        eb.selectFrom('tombstones').select((s) => s.fn.max('version').as('v')).as('tombstones_max'),
      ])
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    let after = 0;
    if (request.cursor !== null) {
      const cursor = decodeCursor(request.cursor);
      if (!cursor) return { status: 'reset', reason: 'The cursor is not one this server wrote.' };
      if (cursor.s !== meta.server_id) return { status: 'reset', reason: 'The cursor is from another server.' };
      if (cursor.v > meta.version) return { status: 'reset', reason: 'The cursor is ahead of this server: it was restored from a backup.' };
      if (cursor.h !== hash) return { status: 'reset', reason: 'Your role or stores changed since the last pull.' };
      after = cursor.v;
    }
    const limit = request.limit;
    const newer = (max: number | string | null) => max !== null && Number(max) > after;
    const nothing: Batch = { rows: [], horizon: ALL };
    const batches = [
      ...(await orderRows(trx, reader, after, limit)),
      newer(meta.stores_max) ? await storeRows(trx, reader, after, limit) : nothing,
      newer(meta.users_max) ? await staffRows(trx, reader, after, limit) : nothing,
      newer(meta.tombstones_max) ? await tombstoneRows(trx, reader, after, limit) : nothing,
    ];
    const pageEnd = Math.min(...batches.map((batch) => batch.horizon));
    const candidates = batches
      .flatMap((batch) => batch.rows)
      .filter((row) => row.version <= pageEnd)
      .sort((a, b) => a.version - b.version);
    let rows = candidates;
    let upTo: number;
    let more: boolean;
    if (candidates.length > limit) {
      rows = candidates.slice(0, limit);
      upTo = rows[rows.length - 1]?.version ?? after;
      more = true;
    } else if (pageEnd !== ALL) {
      upTo = pageEnd;
      more = true;
    } else {
      // Everything in scope up to the snapshot's version has been read (committed versions form
      // a prefix: see db/versions.ts), so the next pull starts there.
      upTo = Math.max(after, meta.version);
      more = false;
    }
    const remaining = request.cursor === null ? Math.max(0, (await countInScope(trx, reader)) - rows.length) : null;
    return {
      status: 'ok',
      rows,
      cursor: encodeCursor({ s: meta.server_id, v: upTo, h: hash }),
      more,
      remaining: more ? remaining : remaining === null ? null : 0,
      lastMutationId: meta.last_mutation_id,
    };
  };
  return sdb.dialect === 'postgres'
    ? sdb.db.transaction().setIsolationLevel('repeatable read').execute(run)
    : sdb.db.transaction().execute(run);
}
