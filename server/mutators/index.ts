/**
 * The server's order rules, pure: the named mutations a desk pushes, applied to one order
 * document with the same shared/domain rules (and refusals) as the desk; a reader's scoped copy;
 * and the storefront's changes (new orders, customer requests, carrier deliveries).
 */
export type { Applied, EventIds, MutationActor, MutationResult, NamedMutation } from './types.js';
export { applyMutation, mutationOrderId, orderUnreachable } from './apply.js';
export { scopeOrderDoc } from './scope.js';
export {
  addCancellationRequest,
  addReturnRequest,
  newOrderDoc,
  reportDelivery,
  type CancellationRequestInput,
  type NewOrderIds,
  type ReturnRequestInput,
} from './storefront.js';
