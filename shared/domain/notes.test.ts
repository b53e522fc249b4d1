import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { noteAudience } from './notes.js';

describe('noteAudience', () => {
  it("is everyone on the order for a writer who works for all of the order's stores", () => {
    expect(noteAudience([1, 2], [1, 2])).toEqual([null]);
    expect(noteAudience([4], [4])).toEqual([null]);
  });

  it("is a seller's own stores on a shared order, one entry each, ascending", () => {
    expect(noteAudience([1, 2, 3], [3, 1])).toEqual([1, 3]);
    expect(noteAudience([1, 2], [2])).toEqual([2]);
  });

  it("never reaches a store the writer doesn't work for, and doesn't reorder the caller's list", () => {
    const stores = fc.uniqueArray(fc.integer({ min: 1, max: 20 }), { minLength: 1 });
    fc.assert(
      fc.property(stores, fc.func(fc.boolean()), (orderStores, pick) => {
        const visible = orderStores.filter((id) => pick(id));
        fc.pre(visible.length > 0);
        const before = [...visible];
        const audience = noteAudience(orderStores, visible);
        expect(visible).toEqual(before);
        if (visible.length === orderStores.length) expect(audience).toEqual([null]);
        else expect(audience).toEqual([...visible].sort((a, b) => a - b));
      }),
    );
  });
});
