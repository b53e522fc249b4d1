import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { QUEUES, queueOf } from './queue.js';
import { ORDER_STATUSES, checkTransition, type OrderStatus } from './order-status.js';
import { checkPlaceHold, checkReleaseHold } from './hold.js';

describe('queueOf', () => {
  it.each([
    ['pending', false, 'awaiting_payment'],
    ['processing', false, 'to_pack'],
    ['shipped', false, 'shipped'],
    ['delivered', false, 'shipped'],
    ['cancelled', false, 'closed'],
    ['returned', false, 'closed'],
    ['pending', true, 'on_hold'],
    ['processing', true, 'on_hold'],
    ['shipped', true, 'shipped'],
    ['cancelled', true, 'closed'],
  ] as const)('%s (hold=%s) -> %s', (status, onHold, queue) => {
    expect(queueOf({ status, onHold })).toBe(queue);
  });

  it('property: total, and on_hold exactly when a hold could have been placed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ORDER_STATUSES), fc.boolean(), (status, onHold) => {
        const q = queueOf({ status, onHold });
        expect(QUEUES).toContain(q);
        const holdable = checkPlaceHold({ status, onHold: false }, 'reason').ok;
        expect(q === 'on_hold').toBe(onHold && holdable);
        // Releasing a hold never changes the tab of an order the hold didn't apply to.
        if (!holdable) expect(q).toBe(queueOf({ status, onHold: !onHold }));
      }),
    );
  });

  it('property: walking status and hold actions keeps the queue consistent', () => {
    const action = fc.oneof(
      fc.constantFrom(...ORDER_STATUSES).map((to) => ({ kind: 'status' as const, to })),
      fc.constant({ kind: 'hold' as const }),
      fc.constant({ kind: 'release' as const }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 30 }), (actions) => {
        let o: { status: OrderStatus; onHold: boolean } = { status: 'pending', onHold: false };
        for (const a of actions) {
          if (a.kind === 'status') {
            const r = checkTransition(o.status, a.to);
            if (r.ok) o = { ...o, status: r.value };
          } else if (a.kind === 'hold') {
            if (checkPlaceHold(o, 'check').ok) o = { ...o, onHold: true };
          } else if (checkReleaseHold(o).ok) {
            o = { ...o, onHold: false };
          }
          const q = queueOf(o);
          if (q === 'on_hold') expect(o.onHold).toBe(true);
          if (o.status === 'cancelled' || o.status === 'returned') expect(q).toBe('closed');
          if (!o.onHold) expect(q).not.toBe('on_hold');
        }
      }),
    );
  });
});
