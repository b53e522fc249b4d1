import type { StaffRole } from '../../shared/contract/permissions.js';

/** The signed-in person behind a request, as every route and rule sees them. */
export interface Actor {
  userId: number;
  name: string;
  email: string;
  role: StaffRole;
  /** null: an admin, who sees every store. A seller's member stores otherwise (maybe none). */
  storeIds: number[] | null;
  sessionId: number;
  device: string | null;
  expiresAt: number;
}

/** Whether the reader may see something that touches `storeIds`. */
export function canSeeStores(scope: { storeIds: number[] | null }, storeIds: readonly number[]): boolean {
  if (scope.storeIds === null) return true;
  const own = scope.storeIds;
  return storeIds.some((id) => own.includes(id));
}
