import type { Claim } from '../../shared/contract/schemas.js';
import { shownClaim, type StoreClaimHolder } from '../../shared/domain/store-claims.js';
import type { OrderClaimTable } from '../schema.js';
import type { OrderStore } from '../store.js';
import { inScope, type Scope, type StoreScope } from '../../shared/domain/scope.js';

// Claims are kept per (order, store): each seller packs only their own store's part of an order.

export type ClaimRow = OrderClaimTable;

/** A claim row as the claim rules see it. */
export const holderOf = (row: ClaimRow): StoreClaimHolder => ({
  storeId: row.store_id,
  stationId: row.station_id,
  stationName: row.station_name,
  userName: row.user_name,
  claimedAt: row.claimed_at,
  expiresAt: row.expires_at,
});

/** The order's claims on the given stores (every store when null), fresh or expired: expiry is the caller's rule to apply. */
export function findClaims(store: OrderStore, orderId: number, storeIds: StoreScope): ClaimRow[] {
  return store
    .all(store.q.selectFrom('order_claims').selectAll().where('order_id', '=', orderId).orderBy('store_id'))
    .filter((row) => inScope(storeIds, row.store_id));
}

/** Writes the one claim a store's part of an order can have, replacing whatever was there. */
export function putClaim(store: OrderStore, claim: ClaimRow): void {
  store.run(
    store.q
      .insertInto('order_claims')
      // Named one by one: a wider object passed as a ClaimRow must not become extra columns.
      .values({
        order_id: claim.order_id,
        store_id: claim.store_id,
        station_id: claim.station_id,
        station_name: claim.station_name,
        user_id: claim.user_id,
        user_name: claim.user_name,
        claimed_at: claim.claimed_at,
        expires_at: claim.expires_at,
      })
      .onConflict((conflict) =>
        conflict.columns(['order_id', 'store_id']).doUpdateSet((eb) => ({
          station_id: eb.ref('excluded.station_id'),
          station_name: eb.ref('excluded.station_name'),
          user_id: eb.ref('excluded.user_id'),
          user_name: eb.ref('excluded.user_name'),
          claimed_at: eb.ref('excluded.claimed_at'),
          expires_at: eb.ref('excluded.expires_at'),
        })),
      ),
  );
}

/**
 * Drops claims on the order's stores in `storeIds`: any station's when `stationId` is null
 * (nothing is left to pack there), else only that station's (it is done with its part).
 * Returns the rows dropped.
 */
export function releaseClaims(store: OrderStore, orderId: number, storeIds: readonly number[], stationId: string | null): ClaimRow[] {
  if (storeIds.length === 0) return [];
  const stores = storeIds.map(() => '?').join(',');
  const station = stationId === null ? '' : 'AND station_id = ?';
  // Hand-written: every ship releases its stores' claims (ship_mutation figure).
  return store.select<ClaimRow>(
    `DELETE FROM order_claims WHERE order_id = ? AND store_id IN (${stores}) ${station} RETURNING *`,
    [orderId, ...storeIds, ...(stationId === null ? [] : [stationId])],
  );
}

/**
 * For each order, the one fresh claim a viewer is shown (see shownClaim): only claims on the
 * viewer's own stores count, so a seller never learns which station or person is packing
 * another seller's part of a shared order. Orders with no such claim are absent from the map.
 */
export function shownClaims(store: OrderStore, orderIds: readonly number[], scope: Scope, stationId: string, now: number): Map<number, ClaimRow> {
  const shown = new Map<number, ClaimRow>();
  if (orderIds.length === 0) return shown;
  const rows = scope.filter(
    // Hand-written: read for every queue page and order page (queue_first_page, scan_open_order figures).
    store.select<ClaimRow>(`SELECT * FROM order_claims WHERE order_id IN (${orderIds.map(() => '?').join(',')}) AND expires_at > ?`, [...orderIds, now]),
    (row) => row.store_id,
  );
  const byOrder = new Map<number, ClaimRow[]>();
  for (const row of rows) byOrder.set(row.order_id, [...(byOrder.get(row.order_id) ?? []), row]);
  for (const [orderId, claims] of byOrder) {
    const holders = claims.map((row) => ({ ...holderOf(row), row }));
    const pick = shownClaim(holders, stationId, now);
    if (pick) shown.set(orderId, pick.row);
  }
  return shown;
}

/** A claim row as the contract shows it to a viewer at `viewerStationId`. */
export function toClaimView(row: ClaimRow, viewerStationId: string): Claim {
  return {
    stationId: row.station_id,
    stationName: row.station_name,
    userName: row.user_name,
    claimedAt: row.claimed_at,
    expiresAt: row.expires_at,
    mine: row.station_id === viewerStationId,
  };
}
