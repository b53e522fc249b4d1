import type { Scope } from '../../../../db/queries/scope.js';
import { listRejections as readRejections } from '../../../../db/queries/sync-outbox.js';
import { orderStoreIds } from '../../../../db/queries/order-detail.js';
import type { OrderStore } from '../../../../db/store.js';
import type { SyncRejection } from '../../../../shared/contract/index.js';

/**
 * Changes the backend refused, newest first, as the caller may see them: a seller's store file
 * holds only their stores' orders, but a colleague with other stores may have used this station.
 */
export function listRejections(store: OrderStore, scope: Scope, orderId: number | null): SyncRejection[] {
  const rows = readRejections(store, orderId === null ? {} : { orderId });
  return rows
    .filter((row) => row.order_id === null || scope.canSeeAny(() => orderStoreIds(store, row.order_id!)))
    .map((row) => ({
      mutationId: row.mutation_id,
      summary: row.summary,
      orderId: row.order_id,
      orderNumber: row.order_number,
      code: row.code,
      message: row.message,
      madeAt: row.made_at,
      madeBy: row.made_by_name,
      rejectedAt: row.rejected_at,
    }));
}
