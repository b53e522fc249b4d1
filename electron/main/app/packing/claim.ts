import { findClaim, putClaim, releaseClaim, type ClaimRow } from '../../../../db/queries/claims.js';
import type { Claim, ParsedInput } from '../../../../shared/contract/index.js';
import { CLAIM_TTL_MS, decideClaim, type ClaimHolder } from '../../../../shared/domain/packing.js';
import { fail, ok, type Result } from '../../../../shared/domain/result.js';
import { loadOrderFor } from '../access.js';
import type { Actor, AppContext } from '../context.js';
import { runMutation, runOrderMutation } from '../mutations/pipeline.js';

const holderOf = (row: ClaimRow): ClaimHolder => ({
  stationId: row.station_id,
  stationName: row.station_name,
  userName: row.user_name,
  claimedAt: row.claimed_at,
  expiresAt: row.expires_at,
});

/**
 * order.claim@1: this station is packing the order for the next CLAIM_TTL_MS. Renewing keeps the
 * original "since" time. A plain claim leaves the timeline alone (a station claims on every open)
 * but still goes to the outbox, so the backend can arbitrate between stations; taking over from
 * another station is recorded on the timeline. No orders.changed is pushed for a plain claim:
 * a window that claims on open and reloads on that event would loop.
 */
export function claimOrder(ctx: AppContext, actor: Actor, input: ParsedInput<'orders.claim'>): Result<Claim> {
  const { store } = ctx;
  return runOrderMutation(ctx, actor, { name: 'order.claim@1', args: input }, input.orderId, (tx, order) => {
    if (order.status !== 'processing') {
      return fail(
        'INVALID_TRANSITION',
        order.status === 'pending' ? "This order isn't paid yet, so there is nothing to pack." : `A ${order.status} order has nothing left to pack.`,
      );
    }
    const current = findClaim(store, order.id) ?? null;
    const decision = decideClaim(current && holderOf(current), actor.stationId, tx.now, input.takeOver);
    if (!decision.ok) return decision;
    const claimedAt = decision.value === 'renew' && current ? current.claimed_at : tx.now;
    const claim: ClaimRow = {
      order_id: order.id,
      station_id: actor.stationId,
      station_name: actor.stationName,
      user_id: actor.userId,
      user_name: actor.name,
      claimed_at: claimedAt,
      expires_at: tx.now + CLAIM_TTL_MS,
    };
    putClaim(store, claim);
    if (decision.value === 'take_over' && current) {
      tx.event(order.id, 'claim_taken_over', {
        fromStationId: current.station_id,
        fromStationName: current.station_name,
        fromUserName: current.user_name,
        claimedSince: current.claimed_at,
      });
    }
    return ok({
      stationId: claim.station_id,
      stationName: claim.station_name,
      userName: claim.user_name,
      claimedAt: claim.claimed_at,
      expiresAt: claim.expires_at,
      mine: true,
    });
  });
}

/**
 * order.releaseClaim@1: lets go of this station's claim. Another station's claim is never
 * touched, and with nothing of ours to release the call changes nothing and sends nothing.
 */
export function releaseOwnClaim(ctx: AppContext, actor: Actor, input: ParsedInput<'orders.releaseClaim'>): Result<{ orderId: number }> {
  const { store } = ctx;
  const loaded = loadOrderFor(store, actor, input.orderId);
  if (!loaded.ok) return loaded;
  const orderId = loaded.value.id;
  if (findClaim(store, orderId)?.station_id !== actor.stationId) return ok({ orderId });
  return runMutation(ctx, actor, { name: 'order.releaseClaim@1', args: input }, () => {
    releaseClaim(store, orderId, actor.stationId);
    return ok({ orderId });
  });
}
