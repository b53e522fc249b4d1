/**
 * The order rules this server applies, from server/mutators (pure, shared with nothing else):
 * the one place the rest of server/ reaches them, so a change of their signatures lands here.
 */
export {
  addCancellationRequest,
  addReturnRequest,
  applyMutation,
  mutationOrderId,
  orderUnreachable,
  newOrderDoc,
  reportDelivery,
  scopeOrderDoc,
  type EventIds,
  type MutationActor,
  type MutationResult,
  type NewOrderIds,
} from '../mutators/index.js';
