import type { OrderClaimTable } from '../schema.js';
import type { OrderStore } from '../store.js';

export type ClaimRow = OrderClaimTable;

/** The order's claim row, fresh or expired: expiry is the caller's rule to apply. */
export function findClaim(store: OrderStore, orderId: number): ClaimRow | undefined {
  return store.selectOne<ClaimRow>('SELECT * FROM order_claims WHERE order_id = ?', [orderId]);
}

/** Writes the one claim an order can have, replacing whatever was there. */
export function putClaim(store: OrderStore, claim: ClaimRow): void {
  store.execute(
    `INSERT INTO order_claims (order_id, station_id, station_name, user_id, user_name, claimed_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (order_id) DO UPDATE SET station_id = excluded.station_id, station_name = excluded.station_name,
       user_id = excluded.user_id, user_name = excluded.user_name, claimed_at = excluded.claimed_at, expires_at = excluded.expires_at`,
    [claim.order_id, claim.station_id, claim.station_name, claim.user_id, claim.user_name, claim.claimed_at, claim.expires_at],
  );
}

/**
 * Drops the order's claim: any station's when `stationId` is null (the order is done), else only
 * that station's (it is done with its part). Returns whether a claim was dropped.
 */
export function releaseClaim(store: OrderStore, orderId: number, stationId: string | null): boolean {
  const result =
    stationId === null
      ? store.execute('DELETE FROM order_claims WHERE order_id = ?', [orderId])
      : store.execute('DELETE FROM order_claims WHERE order_id = ? AND station_id = ?', [orderId, stationId]);
  return result.changes > 0;
}
