/**
 * Splits rows by the store they belong to, stores in ascending id order and rows in their
 * original order within each: work on several stores' parts of an order is recorded as one
 * timeline entry per store, so an entry never carries anything of a store its readers can't see.
 */
export function byStore<T>(rows: readonly T[], storeOf: (row: T) => number): Array<[storeId: number, rows: T[]]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const storeId = storeOf(row);
    const group = groups.get(storeId);
    if (group) group.push(row);
    else groups.set(storeId, [row]);
  }
  return [...groups].sort(([a], [b]) => a - b);
}
