import type { ParsedInput } from '../../shared/contract/index.js';
import { checkPlaceHold, checkReleaseHold } from '../../shared/domain/hold.js';
import { changed, eventBy, type Step } from './context.js';
import type { MutationResult } from './types.js';

/** order.placeHold@1 (desk: electron/main/app/orders/hold.ts). The whole order is held: the entry is everyone's. */
export function placeHold(step: Step, input: ParsedInput<'orders.placeHold'>): MutationResult {
  const { doc } = step;
  const reason = checkPlaceHold({ status: doc.status, onHold: doc.onHold }, input.reason);
  if (!reason.ok) return reason;
  return changed({
    ...doc,
    onHold: true,
    holdReason: reason.value,
    heldAt: step.now,
    heldBy: step.actor.userId,
    events: [...doc.events, eventBy(step, 'hold_placed', { reason: reason.value })],
  });
}

/** order.releaseHold@1: order-wide, like the hold it ends. */
export function releaseHold(step: Step, _input: ParsedInput<'orders.releaseHold'>): MutationResult {
  const { doc } = step;
  const check = checkReleaseHold({ onHold: doc.onHold, status: doc.status });
  if (!check.ok) return check;
  return changed({
    ...doc,
    onHold: false,
    holdReason: null,
    heldAt: null,
    heldBy: null,
    events: [...doc.events, eventBy(step, 'hold_released', { reason: doc.holdReason })],
  });
}
