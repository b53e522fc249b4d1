import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  ORDER_STATUSES,
  canTransition,
  checkTransition,
  datesAfterShipping,
  isFinalStatus,
  statusAfterFulfillment,
  type OrderStatus,
} from './order-status.js';

const ALLOWED: ReadonlyArray<readonly [OrderStatus, OrderStatus]> = [
  ['pending', 'processing'],
  ['pending', 'cancelled'],
  ['processing', 'shipped'],
  ['processing', 'cancelled'],
  ['shipped', 'delivered'],
  ['shipped', 'returned'],
  ['delivered', 'returned'],
];
const isAllowed = (from: OrderStatus, to: OrderStatus) => ALLOWED.some(([f, t]) => f === from && t === to);
const status = fc.constantFrom(...ORDER_STATUSES);

describe('order status edges', () => {
  it('allows exactly the listed edges', () => {
    for (const from of ORDER_STATUSES) {
      for (const to of ORDER_STATUSES) {
        expect(canTransition(from, to), `${from} -> ${to}`).toBe(isAllowed(from, to));
      }
    }
  });

  it('treats only cancelled and returned as final', () => {
    expect(ORDER_STATUSES.filter(isFinalStatus)).toEqual(['cancelled', 'returned']);
  });

  it('never lets a shipped or delivered order be cancelled, and says to return it', () => {
    for (const from of ['shipped', 'delivered'] as const) {
      const r = checkTransition(from, 'cancelled');
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.code).toBe('INVALID_TRANSITION');
        expect(r.message).toBe(`A ${from} order can't be cancelled; start a return instead.`);
      }
    }
  });

  it('returns the target status on an allowed edge', () => {
    expect(checkTransition('pending', 'processing')).toEqual({ ok: true, value: 'processing' });
  });

  it('explains unpaid shipping and moves out of final states', () => {
    const unpaid = checkTransition('pending', 'shipped');
    expect(unpaid.ok === false && unpaid.message).toBe("This order isn't paid yet, so it can't ship.");
    const final = checkTransition('cancelled', 'processing');
    expect(final.ok === false && final.message).toMatch(/cancelled/);
    const same = checkTransition('shipped', 'shipped');
    expect(same.ok === false && same.message).toBe('This order is already shipped.');
  });

  it('property: random attempted transitions only follow edges and never leave a final state', () => {
    fc.assert(
      fc.property(fc.array(status, { maxLength: 40 }), (attempts) => {
        let current: OrderStatus = 'pending';
        let reachedFinal = false;
        for (const to of attempts) {
          const r = checkTransition(current, to);
          if (r.ok) {
            expect(reachedFinal).toBe(false);
            expect(isAllowed(current, to)).toBe(true);
            current = r.value;
          } else {
            expect(r.code).toBe('INVALID_TRANSITION');
            expect(r.message.length).toBeGreaterThan(0);
            expect(isAllowed(current, to)).toBe(false);
          }
          if (isFinalStatus(current)) reachedFinal = true;
        }
        if (reachedFinal) expect(isFinalStatus(current)).toBe(true);
      }),
    );
  });

  it('property: a cancelled order never had shipped along its path', () => {
    fc.assert(
      fc.property(fc.array(status, { maxLength: 40 }), (attempts) => {
        const path: OrderStatus[] = ['pending'];
        for (const to of attempts) {
          const r = checkTransition(path[path.length - 1] ?? 'pending', to);
          if (r.ok) path.push(r.value);
        }
        if (path.includes('cancelled')) {
          expect(path.includes('shipped') || path.includes('delivered')).toBe(false);
        }
      }),
    );
  });
});

describe('statusAfterFulfillment', () => {
  it('ships a processing order once fully fulfilled', () => {
    expect(statusAfterFulfillment('processing', 'fulfilled')).toEqual({ ok: true, value: 'shipped' });
  });

  it('keeps a partially fulfilled order processing', () => {
    expect(statusAfterFulfillment('processing', 'partially_fulfilled')).toEqual({ ok: true, value: 'processing' });
  });

  it('refuses unpaid orders with a clear reason', () => {
    const r = statusAfterFulfillment('pending', 'fulfilled');
    expect(r).toEqual({ ok: false, code: 'INVALID_TRANSITION', message: "This order isn't paid yet, so it can't ship." });
  });

  it('refuses every non-processing status', () => {
    for (const s of ORDER_STATUSES.filter((x) => x !== 'processing')) {
      const r = statusAfterFulfillment(s, 'fulfilled');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.code).toBe('INVALID_TRANSITION');
    }
  });

  it('property: any successful result is processing or a legal edge from processing', () => {
    fc.assert(
      fc.property(status, fc.constantFrom('unfulfilled', 'partially_fulfilled', 'fulfilled' as const), (s, f) => {
        const r = statusAfterFulfillment(s, f);
        expect(r.ok).toBe(s === 'processing');
        if (r.ok) expect(r.value === 'processing' || canTransition('processing', r.value)).toBe(true);
      }),
    );
  });
});

describe('datesAfterShipping', () => {
  const before = { shippedAt: 10, fulfilledAt: null };

  it('moves shippedAt when the order became shipped and fulfilledAt when it became fulfilled', () => {
    expect(datesAfterShipping(before, 'shipped', 'fulfilled', 99)).toEqual({ shippedAt: 99, fulfilledAt: 99 });
  });

  it('keeps both dates for a parcel that leaves the order partly shipped and processing', () => {
    expect(datesAfterShipping(before, 'processing', 'partially_fulfilled', 99)).toEqual(before);
  });

  it('only ever sets a date to now or leaves it as it was', () => {
    const date = fc.option(fc.nat(), { nil: null });
    const fulfillment = fc.constantFrom('unfulfilled', 'partially_fulfilled', 'fulfilled' as const);
    fc.assert(
      fc.property(date, date, status, fulfillment, fc.nat(), (shippedAt, fulfilledAt, s, f, now) => {
        const dates = datesAfterShipping({ shippedAt, fulfilledAt }, s, f, now);
        expect(dates.shippedAt).toBe(s === 'shipped' ? now : shippedAt);
        expect(dates.fulfilledAt).toBe(f === 'fulfilled' ? now : fulfilledAt);
      }),
    );
  });
});
