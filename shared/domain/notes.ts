/**
 * Who reads a note: an admin's, or that of a seller working for every store on the order, is
 * for everyone on it (one entry, storeId null); a seller's note on a shared order is about their
 * part of it, so it is for their own stores' people only, one entry per store, ascending. Sellers
 * are separate businesses and never read each other's notes.
 * @param orderStores every store with a part in the order
 * @param visible those of them the writer works for
 */
export function noteAudience(orderStores: readonly number[], visible: readonly number[]): Array<number | null> {
  if (visible.length === orderStores.length) return [null];
  return [...visible].sort((a, b) => a - b);
}
