import type { OrderDoc, StorefrontOrder } from '../../shared/contract/sync-protocol.js';
import { fail, type Result } from '../../shared/domain/result.js';
import type { EventIds } from './types.js';

/** Ids for a new order: the server's sequences; the number when the storefront sent none. */
export interface NewOrderIds extends EventIds {
  orderId: number;
  customerId: number;
  number: string;
  itemId(): number;
}

export function newOrderDoc(_input: StorefrontOrder, _ids: NewOrderIds, _now: number): Result<OrderDoc> {
  return fail('INTERNAL', 'Not built yet.');
}

export interface CancellationRequestInput {
  id: string;
  requestedBy: number;
  reason: string;
  now: number;
}

export function addCancellationRequest(_doc: OrderDoc, _request: CancellationRequestInput, _ids: EventIds): Result<OrderDoc> {
  return fail('INTERNAL', 'Not built yet.');
}

export interface ReturnRequestInput {
  id: string;
  requestedBy: number;
  items: ReadonlyArray<{ sku: string; quantity: number }>;
  reason: string;
  description: string;
  now: number;
}

export function addReturnRequest(_doc: OrderDoc, _request: ReturnRequestInput, _ids: EventIds): Result<OrderDoc> {
  return fail('INTERNAL', 'Not built yet.');
}

export function reportDelivery(_doc: OrderDoc, _trackingNumber: string, _at: number, _ids: EventIds): Result<OrderDoc> {
  return fail('INTERNAL', 'Not built yet.');
}
