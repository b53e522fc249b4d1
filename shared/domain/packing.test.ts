import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CLAIM_TTL_MS,
  checkVerified,
  decideClaim,
  formatClaimTime,
  packedAfter,
  parseOrderNumber,
  planPacking,
  resolveScan,
  unitsToVerify,
  verifiedUnits,
  type ClaimHolder,
  type PackingItem,
} from './packing.js';

const item = (over: Partial<PackingItem> & Pick<PackingItem, 'id' | 'sku'>): PackingItem => ({
  barcode: null,
  quantity: 1,
  packedQuantity: 0,
  fulfilledQuantity: 0,
  isDigital: false,
  ...over,
});

const mug = item({ id: 1, sku: 'ALD-MUG', barcode: '0012345678905', quantity: 2 });
const bowl = item({ id: 2, sku: 'ALD-BOWL', barcode: '0098765432109', quantity: 1, packedQuantity: 1 });
const ebook = item({ id: 3, sku: 'ALD-EBOOK', barcode: '0011111111116', isDigital: true });

describe('resolveScan', () => {
  it('ticks an item by its exact barcode or its SKU in any case', () => {
    expect(resolveScan([mug, bowl], '0012345678905')).toEqual({ kind: 'tick', itemId: 1 });
    expect(resolveScan([mug, bowl], ' ald-mug ')).toEqual({ kind: 'tick', itemId: 1 });
  });

  it('does not match a barcode loosely', () => {
    expect(resolveScan([mug], '012345678905').kind).toBe('wrong');
    expect(resolveScan([mug], '00123456789050').kind).toBe('wrong');
  });

  it('calls a unit beyond the quantity an extra, and ticks nothing', () => {
    expect(resolveScan([mug, bowl], 'ALD-BOWL')).toEqual({
      kind: 'extra',
      itemId: 2,
      message: 'All 1 of ALD-BOWL are already scanned. Take this one out.',
    });
    const shipped = item({ id: 4, sku: 'ALD-VASE', quantity: 1, fulfilledQuantity: 1, packedQuantity: 1 });
    expect(resolveScan([shipped], 'ald-vase')).toMatchObject({ kind: 'extra', message: expect.stringContaining('already shipped') });
  });

  it('never ticks a digital item: it needs no scan', () => {
    expect(resolveScan([mug, ebook], '0011111111116')).toMatchObject({ kind: 'extra', itemId: 3, message: expect.stringContaining('digital') });
  });

  it('says an unknown code is not on the order, shortening a runaway scan', () => {
    expect(resolveScan([mug], 'BIR-SPOON')).toEqual({ kind: 'wrong', message: "BIR-SPOON isn't on this order. Put it aside." });
    const long = resolveScan([mug], 'X'.repeat(300));
    expect(long.kind === 'wrong' && long.message.length).toBeLessThan(80);
    expect(resolveScan([mug], '   ')).toEqual({ kind: 'wrong', message: 'Nothing was scanned.' });
  });

  it('gives the tick to the first line of the same code still short of units', () => {
    const a = item({ id: 10, sku: 'SAME', barcode: '111', quantity: 1, packedQuantity: 1 });
    const b = item({ id: 11, sku: 'SAME', barcode: '111', quantity: 1 });
    expect(resolveScan([a, b], '111')).toEqual({ kind: 'tick', itemId: 11 });
  });

  it('property: a tick always names a physical item with units left to scan, and scanning stops at the quantity', () => {
    const items = fc.uniqueArray(
      fc.record({
        id: fc.integer({ min: 1, max: 50 }),
        sku: fc.constantFrom('A-1', 'a-1', 'B-2', 'C-3'),
        barcode: fc.option(fc.constantFrom('111', '222', '333'), { nil: null }),
        quantity: fc.integer({ min: 1, max: 4 }),
        packedQuantity: fc.integer({ min: 0, max: 4 }),
        fulfilledQuantity: fc.integer({ min: 0, max: 4 }),
        isDigital: fc.boolean(),
      }),
      { selector: (i) => i.id, maxLength: 5 },
    );
    const codes = fc.array(fc.constantFrom('111', '222', '333', 'a-1', 'B-2', 'zzz'), { maxLength: 20 });
    fc.assert(
      fc.property(items, codes, (start, scans) => {
        let current = start.map((i) => ({ ...i, fulfilledQuantity: Math.min(i.fulfilledQuantity, i.quantity) }));
        const before = current.reduce((sum, i) => sum + unitsToVerify(i), 0);
        let ticks = 0;
        for (const code of scans) {
          const outcome = resolveScan(current, code);
          if (outcome.kind !== 'tick') continue;
          const target = current.find((i) => i.id === outcome.itemId)!;
          expect(target.isDigital).toBe(false);
          expect(unitsToVerify(target)).toBeGreaterThan(0);
          ticks++;
          current = current.map((i) =>
            i.id === outcome.itemId ? { ...i, packedQuantity: Math.max(i.packedQuantity, i.fulfilledQuantity) + 1 } : i,
          );
        }
        expect(ticks).toBeLessThanOrEqual(before);
      }),
    );
  });
});

describe('checkVerified', () => {
  it('passes when every unit in the parcel was verified', () => {
    expect(checkVerified([{ ...mug, packedQuantity: 2 }], [{ itemId: 1, quantity: 2 }])).toEqual({ ok: true, value: null });
    expect(checkVerified([{ ...mug, packedQuantity: 1 }], [{ itemId: 1, quantity: 1 }]).ok).toBe(true);
  });

  it('counts only units not yet shipped as verified', () => {
    const partlyShipped = { ...mug, packedQuantity: 1, fulfilledQuantity: 1 };
    expect(verifiedUnits(partlyShipped)).toBe(0);
    expect(checkVerified([partlyShipped], [{ itemId: 1, quantity: 1 }])).toMatchObject({ ok: false, code: 'NOT_VERIFIED' });
  });

  it('names every short SKU in one sentence', () => {
    const r = checkVerified(
      [{ ...mug, packedQuantity: 1 }, { ...bowl, packedQuantity: 0 }],
      [
        { itemId: 1, quantity: 2 },
        { itemId: 2, quantity: 1 },
      ],
    );
    expect(r).toEqual({
      ok: false,
      code: 'NOT_VERIFIED',
      message: 'Not verified yet: ALD-MUG (1 of 2 verified) and ALD-BOWL (0 of 1 verified). Scan the items, or ship anyway with a reason.',
      fields: { items: 'ALD-MUG (1 of 2 verified) and ALD-BOWL (0 of 1 verified)' },
    });
  });

  it('leaves digital and unknown lines to the shipment plan', () => {
    expect(checkVerified([ebook], [{ itemId: 3, quantity: 1 }, { itemId: 99, quantity: 1 }]).ok).toBe(true);
  });

  it('property: passes exactly when each line is covered by verified units', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ packed: fc.integer({ min: 0, max: 5 }), fulfilled: fc.integer({ min: 0, max: 5 }), ship: fc.integer({ min: 1, max: 5 }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        (rows) => {
          const items = rows.map((r, i) => ({ id: i + 1, sku: `S-${i}`, packedQuantity: r.packed, fulfilledQuantity: r.fulfilled, isDigital: false }));
          const lines = rows.map((r, i) => ({ itemId: i + 1, quantity: r.ship }));
          const covered = rows.every((r) => r.packed - r.fulfilled >= r.ship);
          expect(checkVerified(items, lines).ok).toBe(covered);
        },
      ),
    );
  });
});

describe('parseOrderNumber', () => {
  it.each([
    ['SH-1035600', 'SH-1035600'],
    ['sh1035600', 'SH-1035600'],
    [' SH 1035600 ', 'SH-1035600'],
    ['1035600', 'SH-1035600'],
    ['SH-0000101', 'SH-0000101'],
    ['0000101', 'SH-0000101'],
  ])('reads %s as %s', (code, number) => {
    expect(parseOrderNumber(code)).toBe(number);
  });

  it.each(['012345678905', '12345678', '0012345678905', 'ALD-MUG', 'SH-', 'SH-12AB', '1Z999AA10123456784', ''])(
    'does not take %s for an order number',
    (code) => {
      expect(parseOrderNumber(code)).toBeNull();
    },
  );
});

describe('decideClaim', () => {
  const now = Date.UTC(2026, 10, 27, 16, 5);
  const bench2: ClaimHolder = { stationId: 'station-2', stationName: 'Bench 2', userName: 'Sam Seller', claimedAt: now - 60_000, expiresAt: now - 60_000 + CLAIM_TTL_MS };

  it('takes a free or expired order, and renews an own claim', () => {
    expect(decideClaim(null, 'station-1', now, false)).toEqual({ ok: true, value: 'new' });
    expect(decideClaim({ ...bench2, expiresAt: now }, 'station-1', now, false)).toEqual({ ok: true, value: 'new' });
    expect(decideClaim(bench2, 'station-2', now, false)).toEqual({ ok: true, value: 'renew' });
  });

  it("warns about another station's fresh claim with who and since when, unless taking over", () => {
    expect(decideClaim(bench2, 'station-1', now, false, 'UTC')).toEqual({
      ok: false,
      code: 'CLAIMED_ELSEWHERE',
      message: 'Bench 2 (Sam Seller) has been packing this order since 4:04 PM.',
      fields: { stationName: 'Bench 2', userName: 'Sam Seller', claimedAt: '2026-11-27T16:04:00.000Z' },
    });
    expect(decideClaim(bench2, 'station-1', now, true)).toEqual({ ok: true, value: 'take_over' });
  });

  it('formats the time as people read it', () => {
    expect(formatClaimTime(Date.UTC(2026, 0, 1, 9, 7), 'UTC')).toBe('9:07 AM');
  });

  it('property: a claim is fresh for exactly CLAIM_TTL_MS', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 * CLAIM_TTL_MS }), (elapsed) => {
        const claim = { ...bench2, claimedAt: now, expiresAt: now + CLAIM_TTL_MS };
        const r = decideClaim(claim, 'station-1', now + elapsed, false);
        expect(r.ok).toBe(elapsed >= CLAIM_TTL_MS);
      }),
    );
  });
});

describe('planPacking', () => {
  const cup = item({ id: 4, sku: 'ALD-CUP', quantity: 3, packedQuantity: 1 });
  const plate = item({ id: 5, sku: 'ALD-PLATE', quantity: 2, fulfilledQuantity: 2 });

  it('plans every unit still to verify when no lines are given', () => {
    expect(planPacking([mug, bowl, cup, plate], null)).toEqual({
      ok: true,
      value: [
        { itemId: 1, quantity: 2 },
        { itemId: 4, quantity: 2 },
      ],
    });
  });

  it('accepts lines within what is left to pack', () => {
    expect(planPacking([mug, cup], [{ itemId: 4, quantity: 2 }])).toEqual({ ok: true, value: [{ itemId: 4, quantity: 2 }] });
  });

  it("refuses an item that isn't one of the physical items given", () => {
    expect(planPacking([mug], [{ itemId: 3, quantity: 1 }])).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: "Item 3 isn't a physical item on this order.",
      fields: { items: 'Unknown item.' },
    });
  });

  it('refuses an item listed twice', () => {
    expect(planPacking([mug], [{ itemId: 1, quantity: 1 }, { itemId: 1, quantity: 1 }])).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: 'Item ALD-MUG is listed twice.',
      fields: { items: 'Duplicate item.' },
    });
  });

  it('refuses more than is left to pack, shipped units counting as packed', () => {
    expect(planPacking([cup], [{ itemId: 4, quantity: 3 }])).toEqual({ ok: false, code: 'INVALID_TRANSITION', message: 'Only 2 of ALD-CUP are left to pack.' });
    expect(planPacking([plate], [{ itemId: 5, quantity: 1 }])).toMatchObject({ message: 'Only 0 of ALD-PLATE are left to pack.' });
  });

  const physical = fc
    .uniqueArray(
      fc.record({ id: fc.integer({ min: 1, max: 8 }), quantity: fc.integer({ min: 1, max: 6 }), packed: fc.nat(6), fulfilled: fc.nat(6) }),
      { selector: (r) => r.id },
    )
    .map((rows) =>
      rows.map((r) => item({ id: r.id, sku: `SKU-${r.id}`, quantity: r.quantity, packedQuantity: r.packed, fulfilledQuantity: Math.min(r.fulfilled, r.quantity) })),
    );

  it('leaves nothing to verify after packing what it plans with no lines given', () => {
    fc.assert(
      fc.property(physical, (items) => {
        const plan = planPacking(items, null);
        expect(plan.ok).toBe(true);
        if (!plan.ok) return;
        const packed = new Map(plan.value.map((line) => [line.itemId, line.quantity]));
        for (const row of items) {
          const after = { ...row, packedQuantity: packed.has(row.id) ? packedAfter(row, packed.get(row.id)!) : row.packedQuantity };
          expect(unitsToVerify(after)).toBe(0);
        }
      }),
    );
  });

  it('never plans beyond the quantity, whatever is asked', () => {
    const asked = fc.array(fc.record({ itemId: fc.integer({ min: 1, max: 9 }), quantity: fc.integer({ min: 1, max: 8 }) }), { maxLength: 5 });
    fc.assert(
      fc.property(physical, asked, (items, lines) => {
        const plan = planPacking(items, lines);
        if (!plan.ok) return;
        expect(plan.value).toEqual(lines);
        for (const line of plan.value) {
          const row = items.find((candidate) => candidate.id === line.itemId)!;
          expect(packedAfter(row, line.quantity)).toBeLessThanOrEqual(row.quantity);
        }
      }),
    );
  });
});

describe('packedAfter', () => {
  it('adds to what is packed, counting shipped units as packed already', () => {
    expect(packedAfter({ packedQuantity: 1, fulfilledQuantity: 0 }, 2)).toBe(3);
    expect(packedAfter({ packedQuantity: 0, fulfilledQuantity: 2 }, 1)).toBe(3);
  });
});
