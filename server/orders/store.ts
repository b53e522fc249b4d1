import type { Transaction } from 'kysely';
import { orderDocSchema, type OrderDoc } from '../../shared/contract/sync-protocol.js';
import type { Dialect } from '../db/connect.js';
import type { ServerDatabase } from '../db/schema.js';
import { nextVersion } from '../db/versions.js';

type Trx = Transaction<ServerDatabase>;

/**
 * An order's doc, locked for this transaction on PostgreSQL (a second writer of the same order
 * waits, then reads what the first wrote). SQLite has one writer at a time anyway. The doc is
 * parsed: a row damaged outside this server is refused rather than built upon.
 */
export async function loadOrderForUpdate(
  trx: Trx,
  dialect: Dialect,
  where: { id: number } | { number: string },
): Promise<{ doc: OrderDoc; version: number } | null> {
  let query = trx.selectFrom('orders').select(['doc', 'version']);
  query = 'id' in where ? query.where('id', '=', where.id) : query.where('number', '=', where.number);
  if (dialect === 'postgres') query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return null;
  return { doc: orderDocSchema.parse(JSON.parse(row.doc)), version: row.version };
}

const trackingNumbers = (doc: OrderDoc | null) => new Set(doc?.shipments.map((shipment) => shipment.trackingNumber) ?? []);
const shipmentIds = (doc: OrderDoc | null) => new Set(doc?.shipments.map((shipment) => shipment.id) ?? []);

/**
 * Writes an order's new doc at a new version, with its store and tracking index rows. The version
 * is taken as late as the rows allow, since the meta row stays locked from then to commit.
 */
export async function writeOrder(
  trx: Trx,
  doc: OrderDoc,
  previous: OrderDoc | null,
  takeVersion: () => Promise<number> | number = () => nextVersion(trx),
): Promise<number> {
  const before = trackingNumbers(previous);
  const added = [...trackingNumbers(doc)].filter((number) => !before.has(number));
  const hadShipments = shipmentIds(previous);
  const newShipments = [...shipmentIds(doc)].filter((id) => !hadShipments.has(id));
  const addTracking = async () => {
    if (newShipments.length) {
      // No ON CONFLICT: a shipment id on another order must fail the write (the caller checked first).
      await trx
        .insertInto('order_shipments')
        .values(newShipments.map((shipmentId) => ({ shipment_id: shipmentId, order_id: doc.id })))
        .execute();
    }
    if (!added.length) return;
    await trx
      .insertInto('order_tracking')
      .values(added.map((trackingNumber) => ({ tracking_number: trackingNumber, order_id: doc.id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  };
  const json = JSON.stringify(doc);
  if (previous) {
    await addTracking();
    const version = await takeVersion();
    await trx.updateTable('orders').set({ doc: json, version }).where('id', '=', doc.id).execute();
    await trx.updateTable('order_stores').set({ version }).where('order_id', '=', doc.id).execute();
    return version;
  }
  const version = await takeVersion();
  await trx
    .insertInto('orders')
    .values({ id: doc.id, number: doc.number, version, placed_at: doc.placedAt, store_count: new Set(doc.storeIds).size, doc: json })
    .execute();
  await trx
    .insertInto('order_stores')
    .values([...new Set(doc.storeIds)].map((storeId) => ({ order_id: doc.id, store_id: storeId, version })))
    .execute();
  await addTracking();
  return version;
}

/** The order a shipment id is on, if any. */
export async function orderOfShipment(trx: Trx, shipmentId: string): Promise<number | null> {
  const row = await trx.selectFrom('order_shipments').select('order_id').where('shipment_id', '=', shipmentId).executeTakeFirst();
  return row?.order_id ?? null;
}

/** The orders a carrier's tracking number belongs to (normally one). */
export async function ordersByTracking(trx: Trx, trackingNumber: string): Promise<number[]> {
  const rows = await trx.selectFrom('order_tracking').select('order_id').where('tracking_number', '=', trackingNumber).execute();
  return rows.map((row) => row.order_id);
}
