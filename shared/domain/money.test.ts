import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MAX_CENTS, addCents, centsSchema, formatMoney, isCents, sumLineTotals } from './money.js';

describe('isCents', () => {
  it('accepts safe non-negative integers only', () => {
    expect(isCents(0)).toBe(true);
    expect(isCents(123)).toBe(true);
    expect(isCents(-1)).toBe(false);
    expect(isCents(1.5)).toBe(false);
    expect(isCents(Number.NaN)).toBe(false);
    expect(isCents(Number.MAX_SAFE_INTEGER + 1)).toBe(false);
    expect(isCents('5')).toBe(false);
  });
});

describe('addCents', () => {
  it('sums amounts', () => {
    expect(addCents()).toBe(0);
    expect(addCents(1, 2, 300)).toBe(303);
  });

  it('throws on floats, negatives and overflow', () => {
    expect(() => addCents(1, 0.5)).toThrow(RangeError);
    expect(() => addCents(-1)).toThrow(RangeError);
    expect(() => addCents(Number.MAX_SAFE_INTEGER, 1)).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it.each([
    [0, '$0.00'],
    [5, '$0.05'],
    [99, '$0.99'],
    [100, '$1.00'],
    [123456, '$1,234.56'],
    [100000000, '$1,000,000.00'],
  ])('%i -> %s', (cents, text) => {
    expect(formatMoney(cents)).toBe(text);
  });

  it('throws on negative or fractional cents', () => {
    expect(() => formatMoney(-1)).toThrow(RangeError);
    expect(() => formatMoney(1.5)).toThrow(RangeError);
  });

  it('property: round-trips through parsing', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (cents) => {
        const text = formatMoney(cents);
        expect(text).toMatch(/^\$\d{1,3}(,\d{3})*\.\d{2}$/);
        const [dollars = '', rest = ''] = text.slice(1).replaceAll(',', '').split('.');
        expect(BigInt(dollars) * 100n + BigInt(rest)).toBe(BigInt(cents));
      }),
    );
  });
});

describe('sumLineTotals', () => {
  it('multiplies and sums', () => {
    expect(sumLineTotals([])).toBe(0);
    expect(
      sumLineTotals([
        { quantity: 2, unitPriceCents: 1999 },
        { quantity: 1, unitPriceCents: 1 },
      ]),
    ).toBe(3999);
  });

  it('throws on fractional prices or quantities', () => {
    expect(() => sumLineTotals([{ quantity: 1, unitPriceCents: 19.99 }])).toThrow(RangeError);
    expect(() => sumLineTotals([{ quantity: 0.5, unitPriceCents: 100 }])).toThrow(RangeError);
  });

  it('property: equals the sum of each line computed alone', () => {
    const line = fc.record({ quantity: fc.nat(1000), unitPriceCents: fc.nat(10_000_000) });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), (lines) => {
        const expected = lines.reduce((s, l) => s + BigInt(l.quantity) * BigInt(l.unitPriceCents), 0n);
        expect(BigInt(sumLineTotals(lines))).toBe(expected);
      }),
    );
  });
});

describe('centsSchema', () => {
  it('accepts integers in range and rejects others with a message', () => {
    expect(centsSchema.parse(0)).toBe(0);
    expect(centsSchema.parse(MAX_CENTS)).toBe(MAX_CENTS);
    for (const bad of [-1, 1.5, MAX_CENTS + 1, '100']) {
      const r = centsSchema.safeParse(bad);
      expect(r.success).toBe(false);
      if (!r.success) expect(r.error.issues[0]?.message).toMatch(/amount|cents/i);
    }
  });
});
