import { create } from 'zustand';
import type { OrderListInput, QueueRow, QueueView } from '../../../shared/contract/index.js';
import { trimInvisible } from '../../../shared/domain/text.js';
import { call } from '../../api/client.js';
import { checkAll, checkRange, extendChecked, keepListed, NO_CHECKED, toggleChecked, type Checked } from './selection.js';

export type SortOrder = 'oldest' | 'newest';

export const PAGE_SIZE = 50;
/** orders.list accepts at most 200 rows a page; a refresh reloads what is shown up to that. */
export const MAX_REFRESH = 200;
export const SEARCH_DEBOUNCE_MS = 200;

interface QueueState {
  view: QueueView;
  storeId: number | null;
  minAgeDays: number;
  sort: SortOrder;
  /** What is in the search box. */
  searchText: string;
  /** The search the list reflects: searchText, trimmed, after the debounce. */
  search: string;

  rows: QueueRow[];
  nextCursor: string | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  loadingMore: boolean;
  error: string | null;
  selectedId: number | null;
  /** Rows ticked for a bulk action; survives refetches, cleared when the tab changes. */
  checked: Checked;

  setView(view: QueueView): void;
  setStoreId(storeId: number | null): void;
  setMinAgeDays(days: number): void;
  setSort(sort: SortOrder): void;
  setSearchText(text: string): void;
  clearSearch(): void;
  reload(): Promise<void>;
  loadMore(): Promise<void>;
  /** Refetch what is shown after a change elsewhere, keeping the selection. */
  refresh(): Promise<void>;
  select(id: number | null): void;
  moveSelection(delta: number): void;
  toggleChecked(id: number): void;
  /** Shift+click: tick from the last ticked row to this one. */
  checkRangeTo(id: number): void;
  /** Shift+↓/↑: move the highlight and tick (or untick, coming back) as it goes. */
  extendChecked(delta: 1 | -1): void;
  checkAllLoaded(): void;
  clearChecked(): void;
}

// Each reload starts a generation; answers from an older one are dropped so a slow response
// to an old filter can never overwrite a newer list.
let generation = 0;
let searchTimer: ReturnType<typeof setTimeout> | undefined;

function listInput(s: QueueState, cursor: string | undefined, limit: number): OrderListInput {
  const input: OrderListInput = { sort: s.sort, limit };
  if (s.storeId !== null) input.storeId = s.storeId;
  if (cursor !== undefined) input.cursor = cursor;
  if (s.search !== '') {
    // Searching looks across every tab, so a packer finds an order wherever it sits.
    input.view = 'all';
    input.search = s.search;
  } else {
    input.view = s.view;
    if (s.minAgeDays > 0) input.minAgeDays = s.minAgeDays;
  }
  return input;
}

export const selectedIndexOf = (s: Pick<QueueState, 'rows' | 'selectedId'>): number =>
  s.selectedId === null ? -1 : s.rows.findIndex((row) => row.id === s.selectedId);

export const useQueue = create<QueueState>()((set, get) => ({
  view: 'to_pack',
  storeId: null,
  minAgeDays: 0,
  sort: 'oldest',
  searchText: '',
  search: '',
  rows: [],
  nextCursor: null,
  status: 'idle',
  loadingMore: false,
  error: null,
  selectedId: null,
  checked: NO_CHECKED,

  setView(view) {
    set({ view, searchText: '', search: '', checked: NO_CHECKED });
    clearTimeout(searchTimer);
    void get().reload();
  },
  setStoreId(storeId) {
    set({ storeId });
    void get().reload();
  },
  setMinAgeDays(minAgeDays) {
    set({ minAgeDays });
    void get().reload();
  },
  setSort(sort) {
    set({ sort });
    void get().reload();
  },
  setSearchText(searchText) {
    set({ searchText });
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => {
      // Main refuses a search of only invisible characters; here it is no search at all.
      const search = trimInvisible(get().searchText);
      if (search === get().search) return;
      set({ search });
      void get().reload();
    }, SEARCH_DEBOUNCE_MS);
  },
  clearSearch() {
    clearTimeout(searchTimer);
    const hadSearch = get().search !== '';
    set({ searchText: '', search: '' });
    if (hadSearch) void get().reload();
  },

  async reload() {
    const mine = ++generation;
    set({ status: 'loading', error: null, loadingMore: false });
    const result = await call('orders.list', listInput(get(), undefined, PAGE_SIZE));
    if (mine !== generation) return;
    if (!result.ok) {
      set({ status: 'error', error: result.message, rows: [], nextCursor: null });
      return;
    }
    const { rows, nextCursor } = result.value;
    set({
      status: 'ready',
      rows,
      nextCursor,
      selectedId: rows[0]?.id ?? null,
      checked: keepListed(get().checked, rows.map((row) => row.id)),
    });
  },

  async loadMore() {
    const s = get();
    if (s.loadingMore || s.status !== 'ready' || s.nextCursor === null) return;
    const mine = generation;
    set({ loadingMore: true });
    const result = await call('orders.list', listInput(s, s.nextCursor, PAGE_SIZE));
    if (mine !== generation) return;
    if (!result.ok) {
      set({ loadingMore: false, error: result.message });
      return;
    }
    const seen = new Set(get().rows.map((row) => row.id));
    const fresh = result.value.rows.filter((row) => !seen.has(row.id));
    set({ loadingMore: false, error: null, rows: [...get().rows, ...fresh], nextCursor: result.value.nextCursor });
  },

  async refresh() {
    const s = get();
    if (s.status === 'idle') return get().reload();
    if (s.status === 'loading') return;
    const mine = ++generation;
    const before = selectedIndexOf(s);
    const limit = Math.min(Math.max(s.rows.length, PAGE_SIZE), MAX_REFRESH);
    const result = await call('orders.list', listInput(s, undefined, limit));
    if (mine !== generation) return;
    if (!result.ok) {
      set({ status: 'error', error: result.message, loadingMore: false });
      return;
    }
    const { rows, nextCursor } = result.value;
    const selectedId = get().selectedId;
    // Keep the same order selected; if it left this list (packed, shipped), stay at the same place.
    const kept = rows.some((row) => row.id === selectedId)
      ? selectedId
      : (rows[Math.min(Math.max(before, 0), rows.length - 1)]?.id ?? null);
    set({
      status: 'ready',
      error: null,
      loadingMore: false,
      rows,
      nextCursor,
      selectedId: kept,
      checked: keepListed(get().checked, rows.map((row) => row.id)),
    });
  },

  select: (selectedId) => set({ selectedId }),
  moveSelection(delta) {
    const s = get();
    if (s.rows.length === 0) return;
    const index = selectedIndexOf(s);
    const next = Math.min(Math.max(index === -1 ? 0 : index + delta, 0), s.rows.length - 1);
    set({ selectedId: s.rows[next]!.id });
  },

  toggleChecked: (id) => set({ checked: toggleChecked(get().checked, id), selectedId: id }),
  checkRangeTo(id) {
    const s = get();
    set({ checked: checkRange(s.checked, s.rows.map((row) => row.id), id), selectedId: id });
  },
  extendChecked(delta) {
    const s = get();
    if (s.rows.length === 0) return;
    const rowIds = s.rows.map((row) => row.id);
    const { checked, cursor } = extendChecked(s.checked, rowIds, Math.max(selectedIndexOf(s), 0), delta);
    set({ checked, selectedId: rowIds[cursor]! });
  },
  checkAllLoaded: () => set({ checked: checkAll(get().rows.map((row) => row.id)) }),
  clearChecked: () => set({ checked: NO_CHECKED }),
}));
