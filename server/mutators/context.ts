import { Scope } from '../../shared/domain/scope.js';
import type { EventDoc, ItemDoc, OrderDoc } from '../../shared/contract/sync-protocol.js';
import type { FulfillableItem } from '../../shared/domain/fulfillment.js';
import type { PackingItem } from '../../shared/domain/packing.js';
import { deriveFulfillmentStatus } from '../../shared/domain/fulfillment.js';
import { derivePaymentStatus, isPaid } from '../../shared/domain/payment.js';
import { ok, type Result } from '../../shared/domain/result.js';
import { orderUnreachable } from '../../shared/domain/access.js';
import type { Applied, EventIds, MutationActor } from './types.js';

/** One mutation being applied: the order as loaded, who acts (with their scope), when, and the event ids. */
export interface Step {
  readonly doc: OrderDoc;
  readonly actor: MutationActor;
  /** The same Scope the desk asks (shared/domain/scope.ts): an admin sees every store, a seller theirs. */
  readonly scope: Scope;
  readonly now: number;
  readonly ids: EventIds;
}

/** The order, if the actor has a part in it (the desk's loadOrderFor); see orderUnreachable. */
export function reach(doc: OrderDoc, actor: MutationActor, now: number, ids: EventIds): Result<Step> {
  const scope = Scope.from(actor.storeIds);
  if (!scope.canSeeAny(doc.storeIds)) return orderUnreachable(scope.seesEveryStore, doc.id);
  return ok({ doc, actor, scope, now, ids });
}

/**
 * A timeline entry by the actor, at the commit's time. With a storeId it is about that store's
 * part and only its people (and admins) read it; without, it is about the whole order.
 */
export function eventBy(step: Step, kind: string, data: Record<string, unknown>, storeId: number | null = null): EventDoc {
  const { actor } = step;
  return {
    id: step.ids.eventId(),
    at: step.now,
    actorId: actor.userId,
    actorName: actor.name,
    stationId: actor.stationId,
    stationName: actor.stationName,
    kind,
    data,
    storeId,
  };
}

/**
 * The order with its derived fields recomputed from its money and items, never set by hand: the
 * document's counterpart of the desk's saveOrder (db/queries/derive.ts).
 */
export function withDerived(doc: OrderDoc): OrderDoc {
  const paymentStatus = derivePaymentStatus({
    totalCents: doc.totalCents,
    capturedCents: doc.capturedCents,
    refundedCents: doc.refundedCents,
    failed: doc.paymentFailed,
  });
  const fulfillmentStatus = deriveFulfillmentStatus(doc.items.map(toFulfillable), isPaid(paymentStatus));
  return { ...doc, paymentStatus, fulfillmentStatus };
}

export const changed = (doc: OrderDoc): Applied => ({ ok: true, value: withDerived(doc), changed: true });
export const unchanged = (doc: OrderDoc): Applied => ({ ok: true, value: doc, changed: false });

export const toFulfillable = (item: ItemDoc): FulfillableItem => ({
  id: item.id,
  quantity: item.quantity,
  fulfilledQuantity: item.fulfilledQuantity,
  returnedQuantity: item.returnedQuantity,
  isDigital: item.isDigital,
});

export const toPackable = (item: ItemDoc): PackingItem => ({
  id: item.id,
  sku: item.sku,
  barcode: item.barcode,
  quantity: item.quantity,
  packedQuantity: item.packedQuantity,
  fulfilledQuantity: item.fulfilledQuantity,
  isDigital: item.isDigital,
});
