import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  CANCELLATION_STATUSES,
  RETURN_STATUSES,
  canRequestCancellation,
  canRequestReturn,
  checkCancellationRequest,
  checkCancellationTransition,
  checkReturnAllowed,
  checkReturnTransition,
  planReturn,
  requiredCustomerText,
  returnableUnits,
  type ReturnableItem,
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

describe('checkCancellationRequest', () => {
  it('allows asking before anything ships, one open request at a time', () => {
    expect(checkCancellationRequest('pending', 0)).toEqual({ ok: true, value: null });
    expect(checkCancellationRequest('processing', 0)).toEqual({ ok: true, value: null });
    expect(checkCancellationRequest('processing', 1)).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: 'A cancellation of this order was already asked for and is waiting for an answer.',
    });
  });

  it('says why an order past that point cannot be cancelled', () => {
    expect(checkCancellationRequest('cancelled', 0)).toMatchObject({ code: 'INVALID_TRANSITION', message: 'This order is already cancelled.' });
    expect(checkCancellationRequest('returned', 0)).toMatchObject({ message: "This order was returned, so it can't be cancelled." });
    expect(checkCancellationRequest('shipped', 0)).toMatchObject({ message: "This order has shipped, so it can't be cancelled. Ask to return it instead." });
  });

  it('agrees with canRequestCancellation for every status', () => {
    for (const status of ORDER_STATUSES) expect(checkCancellationRequest(status, 0).ok).toBe(canRequestCancellation(status));
  });
});

describe('checkReturnAllowed', () => {
  it('agrees with canRequestReturn for every status, with a reason when not', () => {
    for (const status of ORDER_STATUSES) {
      const check = checkReturnAllowed(status);
      expect(check.ok).toBe(canRequestReturn(status));
      if (!check.ok) expect(check.code).toBe('INVALID_TRANSITION');
    }
    expect(checkReturnAllowed('processing')).toMatchObject({ message: "This order hasn't shipped yet, so nothing can be returned. Ask to cancel it instead." });
  });
});

describe('requiredCustomerText', () => {
  it('trims what the customer wrote, invisible edges included', () => {
    expect(requiredCustomerText('  \u200Bchanged my mind ', 'reason', 'Say why.')).toEqual({ ok: true, value: 'changed my mind' });
  });

  it('refuses text that shows nothing, on the field named', () => {
    expect(requiredCustomerText(' \u200B\n', 'reason', 'Say why.')).toEqual({ ok: false, code: 'INVALID_INPUT', message: 'Say why.', fields: { reason: 'Say why.' } });
  });
});

const returnable = (over: Partial<ReturnableItem> & Pick<ReturnableItem, 'id' | 'sku'>): ReturnableItem => ({
  isDigital: false,
  fulfilledQuantity: 0,
  returnedQuantity: 0,
  ...over,
});

describe('returnableUnits', () => {
  it('is what shipped, less what was returned or is asked for already; none for digital items', () => {
    expect(returnableUnits(returnable({ id: 1, sku: 'A', fulfilledQuantity: 5, returnedQuantity: 1 }), 2)).toBe(2);
    expect(returnableUnits(returnable({ id: 1, sku: 'A', fulfilledQuantity: 1 }), 3)).toBe(0);
    expect(returnableUnits(returnable({ id: 1, sku: 'A', fulfilledQuantity: 1, isDigital: true }), 0)).toBe(0);
  });
});

describe('planReturn', () => {
  const mug = returnable({ id: 1, sku: 'ALD-MUG', fulfilledQuantity: 2 });
  const bowl = returnable({ id: 2, sku: 'ALD-BOWL', fulfilledQuantity: 1, returnedQuantity: 1 });
  const ebook = returnable({ id: 3, sku: 'ALD-EBOOK', isDigital: true, fulfilledQuantity: 0 });
  const items = [mug, bowl, ebook];
  const none = new Map<number, number>();

  it('names items by SKU in any case and answers their ids', () => {
    expect(planReturn(items, none, [{ sku: ' ald-mug', quantity: 2 }])).toEqual({ ok: true, value: [{ itemId: 1, quantity: 2 }] });
  });

  it('refuses an empty request, an unknown or repeated SKU, a bad quantity and a digital item, on the line at fault', () => {
    expect(planReturn(items, none, [])).toMatchObject({ code: 'INVALID_INPUT', fields: { items: 'Choose an item.' } });
    expect(planReturn(items, none, [{ sku: 'NOPE', quantity: 1 }])).toMatchObject({ message: "NOPE isn't on this order.", fields: { 'items.0.sku': 'Not an item on this order.' } });
    expect(planReturn(items, none, [{ sku: 'ALD-MUG', quantity: 1 }, { sku: 'ald-mug', quantity: 1 }])).toMatchObject({
      message: 'ALD-MUG is listed twice.',
      fields: { 'items.1.sku': 'Listed twice.' },
    });
    expect(planReturn(items, none, [{ sku: 'ALD-MUG', quantity: 0 }])).toMatchObject({ fields: { 'items.0.quantity': 'Enter a whole number of at least 1.' } });
    expect(planReturn(items, none, [{ sku: 'ALD-EBOOK', quantity: 1 }])).toMatchObject({ message: 'ALD-EBOOK is digital, so there is nothing to send back.' });
  });

  it('refuses more than is returnable, counting open requests', () => {
    expect(planReturn(items, new Map([[1, 1]]), [{ sku: 'ALD-MUG', quantity: 2 }])).toEqual({
      ok: false,
      code: 'INVALID_TRANSITION',
      message: 'Only 1 of ALD-MUG can be returned.',
      fields: { 'items.0.quantity': 'At most 1.' },
    });
    expect(planReturn(items, none, [{ sku: 'ALD-BOWL', quantity: 1 }])).toMatchObject({
      message: 'No unit of ALD-BOWL can be returned: none has shipped, or every shipped one is returned or already asked for.',
    });
  });

  it('never plans more of an item than is returnable', () => {
    const stock = fc
      .uniqueArray(fc.record({ id: fc.integer({ min: 1, max: 6 }), fulfilled: fc.nat(5), returned: fc.nat(5), open: fc.nat(3) }), { selector: (r) => r.id })
      .map((rows) => rows.map((r) => ({ item: returnable({ id: r.id, sku: `S${r.id}`, fulfilledQuantity: r.fulfilled, returnedQuantity: Math.min(r.returned, r.fulfilled) }), open: r.open })));
    const asked = fc.array(fc.record({ sku: fc.constantFrom('S1', 'S2', 'S3', 'S4', 'S5', 'S6'), quantity: fc.integer({ min: -1, max: 6 }) }), { maxLength: 4 });
    fc.assert(
      fc.property(stock, asked, (rows, lines) => {
        const open = new Map(rows.map((r) => [r.item.id, r.open]));
        const plan = planReturn(rows.map((r) => r.item), open, lines);
        if (!plan.ok) return;
        expect(plan.value.length).toBe(lines.length);
        for (const line of plan.value) {
          const row = rows.find((r) => r.item.id === line.itemId)!;
          expect(line.quantity).toBeGreaterThan(0);
          expect(line.quantity).toBeLessThanOrEqual(returnableUnits(row.item, row.open));
        }
      }),
    );
  });
});
