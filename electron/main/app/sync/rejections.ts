import type { Scope } from '../../../../db/queries/scope.js';
import type { OrderStore } from '../../../../db/store.js';
import type { SyncRejection } from '../../../../shared/contract/index.js';

/** Placeholder until the sync_rejections table lands (h-apply). */
export function listRejections(_store: OrderStore, _scope: Scope, _orderId: number | null): SyncRejection[] {
  return [];
}
