import { create } from 'zustand';
import type { NotificationSummary } from '../../../shared/contract/index.js';
import { call, on } from '../../api/client.js';

/** Events come in bursts while a queue drains; look again at most this often. */
const REFRESH_EVERY_MS = 1_000;

interface SummaryState {
  summary: NotificationSummary | null;
  load(): Promise<void>;
}

let generation = 0;

/** Counts, the failure alert and the sender's state, for the app shell and the notifications screen. */
export const useNotificationSummary = create<SummaryState>()((set) => ({
  summary: null,
  async load() {
    const mine = ++generation;
    const result = await call('notifications.summary', {});
    // A failed summary keeps the last one: the banner shouldn't flicker away on a hiccup.
    if (mine === generation && result.ok) set({ summary: result.value });
  },
}));

/**
 * Runs `callback` after notification events (status changes, alerts), throttled with a trailing
 * call so the last change of a burst is always seen. Returns the unsubscribe.
 */
export function onNotificationEvents(callback: () => void): () => void {
  let timer: number | undefined;
  let last = 0;
  const fire = () => {
    timer = undefined;
    last = Date.now();
    callback();
  };
  const schedule = () => {
    if (timer !== undefined) return;
    timer = window.setTimeout(fire, Math.max(0, last + REFRESH_EVERY_MS - Date.now()));
  };
  const offChanged = on('notifications.changed', schedule);
  const offAlert = on('notifications.alert', schedule);
  return () => {
    offChanged();
    offAlert();
    if (timer !== undefined) window.clearTimeout(timer);
  };
}

/** Keeps the summary current for the app shell: loads it now and after every burst of events. */
export function watchNotificationSummary(): () => void {
  void useNotificationSummary.getState().load();
  return onNotificationEvents(() => void useNotificationSummary.getState().load());
}
