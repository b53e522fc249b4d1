/**
 * Which stores a caller may see, as a plain list: null means every store (an admin); a seller's
 * list may be empty, in which case they see nothing. Handed to code that only needs the list
 * (slip rendering); everything that decides what a caller sees asks a Scope.
 */
export type StoreScope = readonly number[] | null;

// Scope.canSee on the list form, without making a Scope per row (slip rendering asks per line).
export const inScope = (scope: StoreScope, storeId: number): boolean => scope === null || scope.includes(storeId);

/** Store ids, or how to load them when they are needed. */
type StoreList = readonly number[] | (() => readonly number[]);
const listOf = (storeIds: StoreList): readonly number[] => (typeof storeIds === 'function' ? storeIds() : storeIds);

/**
 * The stores one caller may see, made once per call from the actor. Every question about seller
 * scope goes through it, so "an admin sees everything, a seller only their stores" is decided in
 * one place instead of by a `storeIds === null` test at each use.
 */
export class Scope {
  private static readonly every = new Scope(null);

  private constructor(private readonly ids: readonly number[] | null) {}

  static everyStore(): Scope {
    return Scope.every;
  }

  static of(storeIds: readonly number[]): Scope {
    return new Scope([...storeIds]);
  }

  static from(storeIds: StoreScope): Scope {
    return storeIds === null ? Scope.every : Scope.of(storeIds);
  }

  /** An admin's scope: the choice between "not found" and "not yours" in refusals hangs on it. */
  get seesEveryStore(): boolean {
    return this.ids === null;
  }

  /** The list form, for code that takes a StoreScope. */
  get storeIds(): StoreScope {
    return this.ids;
  }

  canSee(storeId: number): boolean {
    return this.ids === null || this.ids.includes(storeId);
  }

  /**
   * Whether every one of these stores is visible (an order wholly within the caller's stores).
   * Given a function, the stores are only loaded when the answer depends on them: never for an admin.
   */
  canSeeAll(storeIds: StoreList): boolean {
    const ids = this.ids;
    return ids === null || listOf(storeIds).every((storeId) => ids.includes(storeId));
  }

  /** Whether any of these stores is visible (an order the caller has a part of); lazy as canSeeAll. */
  canSeeAny(storeIds: StoreList): boolean {
    const ids = this.ids;
    return ids === null || listOf(storeIds).some((storeId) => ids.includes(storeId));
  }

  /** The rows of visible stores, in their order; every row (the same array) for every store. */
  filter<T>(rows: T[], storeOf: (row: T) => number): T[] {
    const ids = this.ids;
    return ids === null ? rows : rows.filter((row) => ids.includes(storeOf(row)));
  }

  /** The visible ones of these store ids. */
  visible(storeIds: number[]): number[] {
    return this.filter(storeIds, (storeId) => storeId);
  }

  /** This scope narrowed to one store, or null when that store can't be seen. */
  narrowTo(storeId: number): Scope | null {
    return this.canSee(storeId) ? Scope.of([storeId]) : null;
  }

  /**
   * One answer for every store and another built from a seller's list: for queries whose shape
   * differs (an admin's reads skip the store filter altogether, which keeps them on their index).
   */
  match<T>(cases: { everyStore: () => T; stores: (storeIds: readonly number[]) => T }): T {
    return this.ids === null ? cases.everyStore() : cases.stores(this.ids);
  }
}
