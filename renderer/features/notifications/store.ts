import { create } from 'zustand';
import type {
  NotificationCounts,
  NotificationListInput,
  NotificationPreviewView,
  NotificationRetryReport,
  NotificationRow,
} from '../../../shared/contract/index.js';
import { call } from '../../api/client.js';
import { notify } from '../../stores/toasts.js';
import type { NotificationTab } from './labels.js';
import { useNotificationSummary } from './summary-store.js';

export const PAGE_SIZE = 50;
/** notifications.list answers at most 200 rows a page; a refresh reloads what is shown up to that. */
const MAX_REFRESH = 200;
/** notifications.retry takes at most 500 ids a call. */
const RETRY_CHUNK = 500;

export type PreviewState =
  | { id: number; status: 'loading' }
  | { id: number; status: 'ready'; value: NotificationPreviewView }
  | { id: number; status: 'error'; error: string };

interface NotificationsState {
  tab: NotificationTab;
  /** A person picked the tab (rather than the screen's first-visit default). */
  tabChosen: boolean;
  rows: NotificationRow[];
  nextCursor: number | null;
  counts: NotificationCounts | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  loadingMore: boolean;
  error: string | null;
  /** The row whose message the preview panel shows. */
  highlightedId: number | null;
  /** Rows ticked for Retry. */
  checked: ReadonlySet<number>;
  preview: PreviewState | null;
  retrying: boolean;
  /** The last retry's refusals, shown until the next action. */
  refused: NotificationRetryReport['refused'];

  setTab(tab: NotificationTab, chosen?: boolean): void;
  reload(): Promise<void>;
  loadMore(): Promise<void>;
  refresh(): Promise<void>;
  highlight(id: number | null): void;
  move(delta: number): void;
  toggleChecked(id: number): void;
  setChecked(ids: readonly number[]): void;
  retry(ids: readonly number[]): Promise<void>;
  retryAllFailed(): Promise<void>;
}

let generation = 0;
let previewGeneration = 0;

function listInput(tab: NotificationTab, before: number | null, limit: number): NotificationListInput {
  const input: NotificationListInput = { limit };
  if (tab !== 'all') input.status = tab;
  if (before !== null) input.before = before;
  return input;
}

async function loadPreview(id: number): Promise<void> {
  const mine = ++previewGeneration;
  useNotifications.setState({ preview: { id, status: 'loading' } });
  const result = await call('notifications.preview', { id });
  if (mine !== previewGeneration) return;
  useNotifications.setState({
    preview: result.ok ? { id, status: 'ready', value: result.value } : { id, status: 'error', error: result.message },
  });
}

/** The notifications screen: one status tab at a time, newest first, in keyset pages. */
export const useNotifications = create<NotificationsState>()((set, get) => ({
  tab: 'all',
  tabChosen: false,
  rows: [],
  nextCursor: null,
  counts: null,
  status: 'idle',
  loadingMore: false,
  error: null,
  highlightedId: null,
  checked: new Set(),
  preview: null,
  retrying: false,
  refused: [],

  setTab(tab, chosen = true) {
    set({ tab, tabChosen: get().tabChosen || chosen, checked: new Set(), refused: [] });
    void get().reload();
  },

  async reload() {
    const mine = ++generation;
    set({ status: 'loading', error: null, loadingMore: false });
    const result = await call('notifications.list', listInput(get().tab, null, PAGE_SIZE));
    if (mine !== generation) return;
    if (!result.ok) {
      set({ status: 'error', error: result.message, rows: [], nextCursor: null });
      return;
    }
    const { rows, nextCursor, counts } = result.value;
    set({ status: 'ready', rows, nextCursor, counts });
    get().highlight(rows[0]?.id ?? null);
  },

  async loadMore() {
    const s = get();
    if (s.loadingMore || s.status !== 'ready' || s.nextCursor === null) return;
    const mine = generation;
    set({ loadingMore: true });
    const result = await call('notifications.list', listInput(s.tab, s.nextCursor, PAGE_SIZE));
    if (mine !== generation) return;
    if (!result.ok) {
      set({ loadingMore: false, error: result.message });
      return;
    }
    const seen = new Set(get().rows.map((row) => row.id));
    set({
      loadingMore: false,
      error: null,
      rows: [...get().rows, ...result.value.rows.filter((row) => !seen.has(row.id))],
      nextCursor: result.value.nextCursor,
      counts: result.value.counts,
    });
  },

  async refresh() {
    const s = get();
    if (s.status === 'idle' || s.status === 'error') return get().reload();
    if (s.status === 'loading') return;
    const mine = ++generation;
    const limit = Math.min(Math.max(s.rows.length, PAGE_SIZE), MAX_REFRESH);
    const result = await call('notifications.list', listInput(s.tab, null, limit));
    if (mine !== generation || !result.ok) return;
    const { rows, nextCursor, counts } = result.value;
    const ids = new Set(rows.map((row) => row.id));
    const checked = new Set([...get().checked].filter((id) => ids.has(id)));
    const highlightedId = get().highlightedId;
    set({ rows, nextCursor, counts, checked });
    // The highlighted row left this tab (retried, sent): follow on to the row now in its place.
    if (highlightedId === null || !ids.has(highlightedId)) get().highlight(rows[0]?.id ?? null);
    else if (get().preview?.id === highlightedId) void loadPreview(highlightedId);
  },

  highlight(id) {
    set({ highlightedId: id });
    if (id === null) {
      previewGeneration++;
      set({ preview: null });
    } else if (get().preview?.id !== id || get().preview?.status === 'error') {
      void loadPreview(id);
    }
  },

  move(delta) {
    const { rows, highlightedId } = get();
    if (rows.length === 0) return;
    const at = rows.findIndex((row) => row.id === highlightedId);
    const next = Math.min(Math.max(at + delta, 0), rows.length - 1);
    get().highlight(rows[next]!.id);
    if (next >= rows.length - 5) void get().loadMore();
  },

  toggleChecked(id) {
    const checked = new Set(get().checked);
    if (checked.has(id)) checked.delete(id);
    else checked.add(id);
    set({ checked });
  },

  setChecked(ids) {
    set({ checked: new Set(ids) });
  },

  async retry(ids) {
    if (ids.length === 0 || get().retrying) return;
    set({ retrying: true, refused: [] });
    const retried: number[] = [];
    const refused: NotificationRetryReport['refused'] = [];
    for (let i = 0; i < ids.length; i += RETRY_CHUNK) {
      const result = await call('notifications.retry', { ids: ids.slice(i, i + RETRY_CHUNK) });
      if (!result.ok) {
        notify.error(result.message, 'Retry failed');
        break;
      }
      retried.push(...result.value.retried);
      refused.push(...result.value.refused);
    }
    set({ retrying: false, refused, checked: new Set() });
    if (retried.length > 0) notify.success(retried.length === 1 ? 'Put 1 notification back in the queue.' : `Put ${retried.length} notifications back in the queue.`);
    await Promise.all([get().refresh(), useNotificationSummary.getState().load()]);
  },

  async retryAllFailed() {
    if (get().retrying) return;
    set({ retrying: true, refused: [] });
    let retried = 0;
    const refused: NotificationRetryReport['refused'] = [];
    const seen = new Set<number>();
    // Page through what has failed, oldest pages included; stop when a page brings nothing new
    // (rows that keep being refused), so a row that can't be retried can't loop forever.
    for (;;) {
      const page = await call('notifications.list', { status: 'failed', limit: 200 });
      if (!page.ok) {
        notify.error(page.message, 'Retry failed');
        break;
      }
      const ids = page.value.rows.map((row) => row.id).filter((id) => !seen.has(id));
      if (ids.length === 0) break;
      for (const id of ids) seen.add(id);
      const result = await call('notifications.retry', { ids });
      if (!result.ok) {
        notify.error(result.message, 'Retry failed');
        break;
      }
      retried += result.value.retried.length;
      refused.push(...result.value.refused);
    }
    set({ retrying: false, refused, checked: new Set() });
    notify.success(retried === 1 ? 'Put 1 failed notification back in the queue.' : `Put ${retried} failed notifications back in the queue.`);
    await Promise.all([get().refresh(), useNotificationSummary.getState().load()]);
  },
}));
