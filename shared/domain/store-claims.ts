import { decideClaim, type ClaimAction, type ClaimHolder } from './packing.js';
import { ok, type Result } from './result.js';

/**
 * A station's claim on one store's part of an order. A marketplace order can hold items of
 * several stores and each seller packs only their own, so claims are kept per (order, store):
 * two sellers packing their own halves of one order never warn each other.
 */
export interface StoreClaimHolder extends ClaimHolder {
  storeId: number;
}

/** What claiming does to one store's part: the action, and the fresh claim it replaces (if any). */
export interface StoreClaimStep {
  storeId: number;
  action: ClaimAction;
  /** The fresh claim held before (own for 'renew', another station's for 'take_over'); null for 'new'. */
  previous: ClaimHolder | null;
}

const isFresh = (holder: ClaimHolder, now: number) => holder.expiresAt > now;

/**
 * Decides a claim by `stationId` at `now` on the stores it packs (`storeIds`), given the claims
 * already held on this order's stores. Each store follows decideClaim: free or expired is 'new',
 * this station's own is 'renew', another station's fresh claim needs `takeOver`. If any store
 * is held elsewhere and takeOver is false, the whole claim is refused with CLAIMED_ELSEWHERE,
 * naming the station that has held one of them longest, so a refused claim writes nothing.
 */
export function decideStoreClaims(
  held: readonly StoreClaimHolder[],
  storeIds: readonly number[],
  stationId: string,
  now: number,
  takeOver: boolean,
  timeZone?: string,
): Result<StoreClaimStep[]> {
  const byStore = new Map(held.map((holder) => [holder.storeId, holder]));
  const steps: StoreClaimStep[] = [];
  let conflict: StoreClaimHolder | null = null;
  for (const storeId of [...new Set(storeIds)].sort((a, b) => a - b)) {
    const holder = byStore.get(storeId) ?? null;
    const decision = decideClaim(holder, stationId, now, takeOver, timeZone);
    if (!decision.ok) {
      if (conflict === null || holder!.claimedAt < conflict.claimedAt) conflict = holder;
      continue;
    }
    steps.push({ storeId, action: decision.value, previous: holder !== null && isFresh(holder, now) ? holder : null });
  }
  if (conflict !== null) {
    const refused = decideClaim(conflict, stationId, now, false, timeZone);
    if (!refused.ok) return refused;
  }
  return ok(steps);
}

/**
 * Whether applying `steps` changes what anyone else sees of the order's claims: a new or taken
 * claim does, and so does a renewal by a different person at the same station. A plain renewal
 * (same station, same person, only a later expiry) does not, so the station's once-a-minute
 * renewal need not make every open window refetch.
 */
export function claimChangesView(steps: readonly StoreClaimStep[], claimer: Pick<ClaimHolder, 'stationName' | 'userName'>): boolean {
  return steps.some(
    (step) =>
      step.action !== 'renew' ||
      step.previous === null ||
      step.previous.stationName !== claimer.stationName ||
      step.previous.userName !== claimer.userName,
  );
}

/**
 * The one claim to show for an order, among the fresh claims the viewer may see (those on their
 * own stores; every store for an admin): another station's claim first, since that is the one
 * to be warned about, then the viewer's own; the longest-held first within each. Null when none
 * is fresh.
 */
export function shownClaim<T extends ClaimHolder>(visible: readonly T[], viewerStationId: string, now: number): T | null {
  let best: T | null = null;
  const rank = (holder: T) => (holder.stationId === viewerStationId ? 1 : 0);
  for (const holder of visible) {
    if (!isFresh(holder, now)) continue;
    if (
      best === null ||
      rank(holder) < rank(best) ||
      (rank(holder) === rank(best) && (holder.claimedAt < best.claimedAt || (holder.claimedAt === best.claimedAt && holder.stationId < best.stationId)))
    ) {
      best = holder;
    }
  }
  return best;
}
