import { findClaims, holderOf, putClaim, releaseClaims, type ClaimRow } from '../../../../db/queries/claims.js';
import { orderStoreIds } from '../../../../db/queries/order-detail.js';
import type { OrderStore } from '../../../../db/store.js';
import type { Claim, ParsedInput } from '../../../../shared/contract/index.js';
import { CLAIM_TTL_MS } from '../../../../shared/domain/packing.js';
import { fail, ok, type Result } from '../../../../shared/domain/result.js';
import { claimChangesView, decideStoreClaims, type StoreClaimStep } from '../../../../shared/domain/store-claims.js';
import { loadOrderFor } from '../access.js';
import type { CallActor, AppContext } from '../context.js';
import { afterCommit, runMutation, runOrderMutation, unchanged } from '../write-path/pipeline.js';

/**
 * The stores of an order whose part the actor packs: the seller's stores among the order's,
 * every store of the order for an admin. Claims are taken and released on exactly these.
 */
export function packedStores(store: OrderStore, actor: CallActor, orderId: number): number[] {
  const stores = orderStoreIds(store, orderId).sort((a, b) => a - b);
  return actor.scope.visible(stores);
}

/**
 * Tells open windows the order's claims changed once the transaction commits, for mutations
 * that write no timeline entry (which would announce it itself).
 */
function announceAfterCommit(ctx: AppContext, orderId: number): void {
  afterCommit(ctx, 'orders.changed', () => ctx.emit('orders.changed', { orderIds: [orderId] }));
}

/**
 * One timeline entry per store taken from another station, tagged with that store: the previous
 * holder's station and name are that store's business, shown to its sellers and admins only.
 */
function recordTakeOvers(steps: readonly StoreClaimStep[], record: (data: Record<string, unknown>, storeId: number) => void): boolean {
  let tookOver = false;
  for (const step of steps) {
    if (step.action !== 'take_over' || step.previous === null) continue;
    const from = step.previous;
    record(
      {
        fromStationId: from.stationId,
        fromStationName: from.stationName,
        fromUserName: from.userName,
        claimedSince: from.claimedAt,
        storeIds: [step.storeId],
      },
      step.storeId,
    );
    tookOver = true;
  }
  return tookOver;
}

/**
 * order.claim@2: this station is packing its part of the order (the stores it packs, see
 * packedStores) for the next CLAIM_TTL_MS; @1 claimed the whole order. Another station's fresh
 * claim on any of those stores needs takeOver; other stores' claims don't matter, so two sellers
 * pack their own parts of one order without warning each other. Renewing keeps the original
 * "since" time. A plain claim leaves the timeline alone (a station claims on every open) but
 * still goes to the outbox, so the backend can arbitrate between stations; taking over is
 * recorded on the timeline.
 *
 * orders.changed goes out after a claim that changes what others see (a new claim, a take-over),
 * so queues and open orders show the badge at once. The station's once-a-minute renewal changes
 * only the expiry, so it stays quiet: every window refetching every minute per packing station
 * would be a storm for nothing. (Windows learn the new expiry when they next refetch.)
 */
export function claimOrder(ctx: AppContext, actor: CallActor, input: ParsedInput<'orders.claim'>): Result<Claim> {
  const { store } = ctx;
  // Read before the transaction only to name the stores in the outbox row; nothing runs in between.
  const args = { ...input, storeIds: packedStores(store, actor, input.orderId) };
  return runOrderMutation(ctx, actor, { name: 'order.claim@2', args }, input.orderId, (tx, order) => {
    if (order.status !== 'processing') {
      return fail(
        'INVALID_TRANSITION',
        order.status === 'pending' ? "This order isn't paid yet, so there is nothing to pack." : `A ${order.status} order has nothing left to pack.`,
      );
    }
    const storeIds = packedStores(store, actor, order.id);
    if (storeIds.length === 0) return fail('INVALID_TRANSITION', 'This order has no items to pack.');
    const held = findClaims(store, order.id, storeIds).map(holderOf);
    const decision = decideStoreClaims(held, storeIds, actor.stationId, tx.now, input.takeOver);
    if (!decision.ok) return decision;
    const steps = decision.value;
    const rows: ClaimRow[] = steps.map((step) => ({
      order_id: order.id,
      store_id: step.storeId,
      station_id: actor.stationId,
      station_name: actor.stationName,
      user_id: actor.userId,
      user_name: actor.name,
      claimed_at: step.action === 'renew' && step.previous ? step.previous.claimedAt : tx.now,
      expires_at: tx.now + CLAIM_TTL_MS,
    }));
    for (const row of rows) putClaim(store, row);
    const tookOver = recordTakeOvers(steps, (data, storeId) => tx.event(order.id, 'claim_taken_over', data, storeId));
    if (!tookOver && claimChangesView(steps, { stationName: actor.stationName, userName: actor.name })) announceAfterCommit(ctx, order.id);
    return ok({
      stationId: actor.stationId,
      stationName: actor.stationName,
      userName: actor.name,
      claimedAt: Math.min(...rows.map((row) => row.claimed_at)),
      expiresAt: tx.now + CLAIM_TTL_MS,
      mine: true,
    });
  });
}

/**
 * order.releaseClaim@2: lets go of this station's claims on the stores the actor packs. Another
 * station's claim, or this station's on stores the actor doesn't pack (another seller at the same
 * bench), is never touched; with nothing of ours to release the call changes nothing and sends
 * nothing. orders.changed goes out when a claim others could see was dropped.
 */
export function releaseOwnClaim(ctx: AppContext, actor: CallActor, input: ParsedInput<'orders.releaseClaim'>): Result<{ orderId: number }> {
  const { store } = ctx;
  const loaded = loadOrderFor(store, actor, input.orderId);
  if (!loaded.ok) return loaded;
  const orderId = loaded.value.id;
  const ours = findClaims(store, orderId, packedStores(store, actor, orderId)).filter((row) => row.station_id === actor.stationId);
  // Nothing of ours to let go: the write path's "done already", which writes and sends nothing.
  if (ours.length === 0) {
    return runMutation(ctx, actor, { name: 'order.releaseClaim@2', args: { ...input, storeIds: [] } }, () => unchanged({ orderId }));
  }
  const storeIds = ours.map((row) => row.store_id);
  return runMutation(ctx, actor, { name: 'order.releaseClaim@2', args: { ...input, storeIds } }, (tx) => {
    const dropped = releaseClaims(store, orderId, storeIds, actor.stationId);
    if (dropped.some((row) => row.expires_at > tx.now)) announceAfterCommit(ctx, orderId);
    return ok({ orderId });
  });
}
