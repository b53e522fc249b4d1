import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAll, checkRange, checkedInOrder, extendChecked, keepListed, NO_CHECKED, toggleChecked, type Checked } from './selection.js';

const ROWS = [10, 11, 12, 13, 14, 15];
const ids = (c: Checked) => [...c.ids].sort((a, b) => a - b);

describe('queue selection', () => {
  it('toggles one row and makes it the anchor', () => {
    const once = toggleChecked(NO_CHECKED, 12);
    expect(ids(once)).toEqual([12]);
    expect(once.anchorId).toBe(12);
    expect(ids(toggleChecked(once, 12))).toEqual([]);
  });

  it('shift-click ticks the range from the anchor in either direction', () => {
    const start = toggleChecked(NO_CHECKED, 13);
    expect(ids(checkRange(start, ROWS, 15))).toEqual([13, 14, 15]);
    expect(ids(checkRange(start, ROWS, 11))).toEqual([11, 12, 13]);
    expect(ids(checkRange(NO_CHECKED, ROWS, 11))).toEqual([11]);
    expect(checkRange(start, ROWS, 99)).toBe(start);
  });

  it('shift+arrow grows a range away from the anchor and shrinks it coming back', () => {
    let state = { checked: NO_CHECKED, cursor: 1 };
    state = extendChecked(state.checked, ROWS, state.cursor, 1);
    expect(state.cursor).toBe(2);
    expect(ids(state.checked)).toEqual([11, 12]);
    state = extendChecked(state.checked, ROWS, state.cursor, 1);
    expect(ids(state.checked)).toEqual([11, 12, 13]);
    state = extendChecked(state.checked, ROWS, state.cursor, -1);
    expect(state.cursor).toBe(2);
    expect(ids(state.checked)).toEqual([11, 12]);
    state = extendChecked(state.checked, ROWS, state.cursor, -1);
    state = extendChecked(state.checked, ROWS, state.cursor, -1);
    // Past the anchor the range grows upwards.
    expect(state.cursor).toBe(0);
    expect(ids(state.checked)).toEqual([10, 11]);
  });

  it('shift+arrow at the end of the list stays put and keeps the row ticked', () => {
    const state = extendChecked(NO_CHECKED, ROWS, 5, 1);
    expect(state.cursor).toBe(5);
    expect(ids(state.checked)).toEqual([15]);
  });

  it('select all, then keep only rows still listed after a refetch', () => {
    const all = checkAll(ROWS);
    expect(ids(all)).toEqual(ROWS);
    const kept = keepListed(all, [10, 12, 99]);
    expect(ids(kept)).toEqual([10, 12]);
    expect(keepListed(kept, [10, 12])).toBe(kept);
  });

  it('lists ticked ids in row order', () => {
    const c = toggleChecked(toggleChecked(NO_CHECKED, 14), 11);
    expect(checkedInOrder(c, ROWS)).toEqual([11, 14]);
  });

  it('every ticked id is a listed row, whatever the sequence of actions', () => {
    const action = fc.oneof(
      fc.record({ kind: fc.constant('toggle' as const), i: fc.nat(5) }),
      fc.record({ kind: fc.constant('range' as const), i: fc.nat(5) }),
      fc.record({ kind: fc.constant('extend' as const), d: fc.constantFrom(1 as const, -1 as const) }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 40 }), fc.nat(5), (actions, start) => {
        let checked = NO_CHECKED;
        let cursor = start;
        for (const a of actions) {
          if (a.kind === 'toggle') checked = toggleChecked(checked, ROWS[a.i]!);
          else if (a.kind === 'range') checked = checkRange(checked, ROWS, ROWS[a.i]!);
          else ({ checked, cursor } = extendChecked(checked, ROWS, cursor, a.d));
          expect(cursor).toBeGreaterThanOrEqual(0);
          expect(cursor).toBeLessThan(ROWS.length);
        }
        for (const id of checked.ids) expect(ROWS).toContain(id);
      }),
    );
  });
});
