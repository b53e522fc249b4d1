import type { OrderDoc, SyncedMutationName } from '../../shared/contract/sync-protocol.js';
import type { StaffRole } from '../../shared/contract/permissions.js';
import type { Failure, Success } from '../../shared/domain/result.js';

/**
 * Who a pushed mutation is applied as: the author the server resolved (see mutationSchema's
 * authorId), with the station the desk named. storeIds null = every store (an admin).
 */
export interface MutationActor {
  userId: number;
  name: string;
  role: StaffRole;
  storeIds: readonly number[] | null;
  stationId: string;
  stationName: string;
}

/** Where new timeline entry ids come from (the server's sequence); the mutators never make ids up. */
export interface EventIds {
  eventId(): number;
}

/** A synced mutation as pushed: its args are parsed here with the desk call's input schema. */
export interface NamedMutation {
  name: SyncedMutationName;
  args: unknown;
}

/**
 * An applied mutation: the order as it is now, and whether anything changed. `changed: false` is
 * an idempotent repeat (a shipmentId already on this order) or a desk-only effect: the caller
 * writes nothing and bumps no version, but still answers `applied`.
 */
export type Applied = Success<OrderDoc> & { changed: boolean };
export type MutationResult = Failure | Applied;
