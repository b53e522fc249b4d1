/**
 * Which stores a caller may see. null means every store (an admin); a seller's list may be
 * empty, in which case they see nothing.
 */
export type StoreScope = readonly number[] | null;

export const inScope = (scope: StoreScope, storeId: number): boolean => scope === null || scope.includes(storeId);
