import type { Scope } from '../../../db/queries/scope.js';
import type { OrderStore } from '../../../db/store.js';
import type { EventName, EventPayload, StaffRole } from '../../../shared/contract/index.js';
import type { NotificationService } from '../services/notifications/ports.js';
import type { Printouts } from '../services/slips/printouts.js';
import type { AccountPort, SyncPort } from './sync/ports.js';

/** The person and station making a call, resolved by the transport before any handler runs. */
export interface Actor {
  userId: number;
  name: string;
  email: string;
  role: StaffRole;
  /** Stores a seller works for; null for an admin, who sees every store. */
  storeIds: readonly number[] | null;
  stationId: string;
  stationName: string;
}

/**
 * The actor during one call, with the store scope dispatch made from it for that call. The raw
 * storeIds are left out on purpose: what a caller may see is asked of the scope.
 */
export interface CallActor extends Omit<Actor, 'storeIds'> {
  readonly scope: Scope;
}

export interface AppContext {
  store: OrderStore;
  now: () => number;
  newId: () => string;
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  /** Errors that aren't the caller's fault; never given secrets or customer data. */
  logError: (message: string, error: unknown) => void;
  /** Where packing-slip PDFs are written; createApp fills in a temp folder per database. */
  slipsDir?: string;
  /** How a finished PDF is shown: the OS viewer in Electron, a URL on the web host (the default). */
  printouts?: Printouts;
  /** Delivers queued customer notifications; absent where nothing is sent (some tests). */
  notifications?: NotificationService;
  /** Pushes and pulls this store file with the shop backend; absent for the offline demo store. */
  sync?: SyncPort;
  /** Signs people in and out (the composition root's); absent where the desk can't switch (some tests). */
  account?: AccountPort;
}
