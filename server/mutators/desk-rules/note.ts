/**
 * Who reads a note: an admin's, or that of a seller working for every store on the order, is
 * for everyone on it (one entry, storeId null); a seller's note on a shared order is for their
 * own stores' people only, one entry per store (desk: electron/main/app/orders/note.ts).
 */
export function noteAudience(orderStores: readonly number[], visible: readonly number[]): Array<number | null> {
  if (visible.length === orderStores.length) return [null];
  return [...visible].sort((a, b) => a - b);
}
