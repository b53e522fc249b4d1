import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byStore } from './by-store.js';

describe('byStore', () => {
  it('groups rows per store, stores ascending, rows in their original order', () => {
    const rows = [
      { id: 'a', store: 3 },
      { id: 'b', store: 1 },
      { id: 'c', store: 3 },
      { id: 'd', store: 2 },
    ];
    expect(byStore(rows, (r) => r.store).map(([store, group]) => [store, group.map((r) => r.id)])).toEqual([
      [1, ['b']],
      [2, ['d']],
      [3, ['a', 'c']],
    ]);
  });

  it('has no group for no rows', () => {
    expect(byStore([], () => 1)).toEqual([]);
  });

  it('loses no row, duplicates none, and never puts a row in another store', () => {
    const rows = fc.array(fc.record({ id: fc.nat(), store: fc.integer({ min: 1, max: 6 }) }));
    fc.assert(
      fc.property(rows, (list) => {
        const groups = byStore(list, (r) => r.store);
        const stores = groups.map(([store]) => store);
        expect(stores).toEqual([...new Set(list.map((r) => r.store))].sort((a, b) => a - b));
        for (const [store, group] of groups) {
          expect(group.length).toBeGreaterThan(0);
          // Within a store, the rows keep the order they came in.
          expect(group).toEqual(list.filter((r) => r.store === store));
        }
        expect(groups.reduce((n, [, group]) => n + group.length, 0)).toBe(list.length);
      }),
    );
  });
});
