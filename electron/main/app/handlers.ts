import type { AppContext } from './context.js';
import type { Handlers } from './handler-types.js';
import { bulkHandlers } from './bulk/handlers.js';
import { customerHandlers } from './customers/handlers.js';
import { deliveryHandlers } from './delivery/handlers.js';
import { notificationHandlers } from './notifications/handlers.js';
import { orderHandlers } from './orders/handlers.js';
import { packingHandlers } from './packing/handlers.js';
import { sessionHandlers } from './session/handlers.js';
import { slipHandlers } from './slips/handlers.js';
import { syncHandlers } from './sync/handlers.js';

/**
 * The application: one handler per contract call. Every transport (IPC, web host, tests) serves
 * this same table through dispatch(), which has already parsed the input and checked the role.
 *
 * One folder per area, each with its handlers.ts (the area's slice of this table), its mutations
 * and its query glue; every change goes through write-path/. A new area (sync, requests,
 * refunds) gets its own folder and one line here, and its calls get shared/contract/<area>.ts.
 */
export function createHandlers(ctx: AppContext): Handlers {
  return {
    ...sessionHandlers(ctx),
    ...orderHandlers(ctx),
    ...packingHandlers(ctx),
    ...deliveryHandlers(ctx),
    ...customerHandlers(ctx),
    ...bulkHandlers(ctx),
    ...slipHandlers(ctx),
    ...notificationHandlers(ctx),
    ...syncHandlers(ctx),
  };
}
