import { describe, expect, it } from 'vitest';
import { inScope, Scope } from './scope.js';

describe('Scope', () => {
  const admin = Scope.everyStore();
  const seller = Scope.of([2, 5]);
  const nobody = Scope.of([]);

  it('lets an admin see every store and a seller only theirs', () => {
    expect([admin.canSee(9), seller.canSee(5), seller.canSee(9), nobody.canSee(2)]).toEqual([true, true, false, false]);
    expect([admin.seesEveryStore, seller.seesEveryStore]).toEqual([true, false]);
    expect(inScope(null, 7)).toBe(true);
    expect(inScope([1], 7)).toBe(false);
  });

  it('answers for all or any of an order’s stores, loading them only when the answer depends on them', () => {
    let loads = 0;
    const load = () => {
      loads += 1;
      return [2, 3];
    };
    expect(admin.canSeeAll(load)).toBe(true);
    expect(admin.canSeeAny(load)).toBe(true);
    expect(loads).toBe(0);
    expect(seller.canSeeAll(load)).toBe(false);
    expect(seller.canSeeAny(load)).toBe(true);
    expect(seller.canSeeAll([5, 2])).toBe(true);
    expect(loads).toBe(2);
  });

  it('filters rows by their store, keeping their order, and narrows to one store', () => {
    const rows = [{ s: 5 }, { s: 1 }, { s: 2 }];
    expect(seller.filter(rows, (r) => r.s)).toEqual([{ s: 5 }, { s: 2 }]);
    expect(admin.filter(rows, (r) => r.s)).toBe(rows);
    expect(seller.visible([1, 2, 3])).toEqual([2]);
    expect(seller.narrowTo(9)).toBeNull();
    expect(seller.narrowTo(2)?.storeIds).toEqual([2]);
    expect(admin.narrowTo(9)?.storeIds).toEqual([9]);
  });


  it('keeps its own copy of the list it was made from', () => {
    const ids = [4];
    const scope = Scope.of(ids);
    ids.push(8);
    expect(scope.canSee(8)).toBe(false);
  });

  it('picks the every-store or the listed-stores case', () => {
    const describe = (scope: Scope) => scope.match({ everyStore: () => 'all', stores: (ids) => ids.join('+') || 'none' });
    expect([describe(admin), describe(seller), describe(nobody)]).toEqual(['all', '2+5', 'none']);
  });
});
