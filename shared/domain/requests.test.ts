import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  CANCELLATION_STATUSES,
  RETURN_STATUSES,
  canRequestCancellation,
  canRequestReturn,
  checkCancellationTransition,
  checkReturnTransition,
  type ReturnStatus,
} from './requests.js';
import { ORDER_STATUSES } from './order-status.js';

describe('cancellation requests', () => {
  it('allows only pending -> approved | rejected', () => {
    const allowed: string[] = [];
    for (const from of CANCELLATION_STATUSES) {
      for (const to of CANCELLATION_STATUSES) {
        const r = checkCancellationTransition(from, to);
        if (r.ok) {
          expect(r.value).toBe(to);
          allowed.push(`${from}->${to}`);
        } else {
          expect(r.code).toBe('INVALID_TRANSITION');
        }
      }
    }
    expect(allowed).toEqual(['pending->approved', 'pending->rejected']);
  });

  it('can be requested only before shipping', () => {
    expect(ORDER_STATUSES.filter(canRequestCancellation)).toEqual(['pending', 'processing']);
  });
});

describe('return requests', () => {
  it('allows pending -> approved | rejected and approved -> completed only', () => {
    const allowed: string[] = [];
    for (const from of RETURN_STATUSES) {
      for (const to of RETURN_STATUSES) {
        const r = checkReturnTransition(from, to);
        if (r.ok) allowed.push(`${from}->${to}`);
        else expect(r.code).toBe('INVALID_TRANSITION');
      }
    }
    expect(allowed).toEqual(['pending->approved', 'pending->rejected', 'approved->completed']);
  });

  it('explains completing an unapproved return', () => {
    const r = checkReturnTransition('pending', 'completed');
    expect(r.ok === false && r.message).toBe('Approve this return before completing it.');
  });

  it('can be requested only after shipping', () => {
    expect(ORDER_STATUSES.filter(canRequestReturn)).toEqual(['shipped', 'delivered']);
  });

  it('cancellation and return eligibility never overlap', () => {
    for (const s of ORDER_STATUSES) expect(canRequestCancellation(s) && canRequestReturn(s)).toBe(false);
  });

  it('property: random walks take at most two steps and stop at rejected or completed', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...RETURN_STATUSES), { maxLength: 20 }), (attempts) => {
        let current: ReturnStatus = 'pending';
        let moves = 0;
        for (const to of attempts) {
          const r = checkReturnTransition(current, to);
          if (r.ok) {
            expect(current === 'rejected' || current === 'completed').toBe(false);
            current = r.value;
            moves += 1;
          }
        }
        expect(moves).toBeLessThanOrEqual(2);
        if (moves === 2) expect(current).toBe('completed');
      }),
    );
  });
});
