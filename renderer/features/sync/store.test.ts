import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from '../../../shared/contract/sync-calls.js';

// Main is a stand-in the test answers by hand: what matters is which answer the header keeps.
const h = vi.hoisted(() => ({
  calls: [] as { name: string; input: unknown; answer: (value: unknown) => void }[],
  listeners: new Map<string, (payload: unknown) => void>(),
}));

vi.mock('../../api/client.js', () => ({
  call: (name: string, input: unknown) => new Promise((resolve) => h.calls.push({ name, input, answer: resolve })),
  on: (event: string, listener: (payload: unknown) => void) => {
    h.listeners.set(event, listener);
    return () => h.listeners.delete(event);
  },
}));

const { useSync, watchSync, needsSignIn } = await import('./store.js');

const status = (over: Partial<SyncStatus> = {}): SyncStatus => ({
  connection: 'online',
  serverUrl: 'https://shop.example.com',
  pending: 0,
  oldestPendingAt: null,
  lastSyncedAt: 1_000,
  firstPull: null,
  rejections: 0,
  quarantined: 0,
  needsSignIn: false,
  lastError: null,
  ...over,
});

beforeEach(() => {
  h.calls.length = 0;
  h.listeners.clear();
  useSync.setState({ status: null, error: null, syncingNow: false, spoken: null, panelOpen: false });
});

describe('sync status in the header', () => {
  it('loads the status and then follows sync.changed', async () => {
    const off = watchSync();
    h.calls[0]!.answer({ ok: true, value: status({ pending: 2 }) });
    await Promise.resolve();
    expect(useSync.getState().status?.pending).toBe(2);
    h.listeners.get('sync.changed')!(status({ connection: 'offline', pending: 3 }));
    expect(useSync.getState().status).toMatchObject({ connection: 'offline', pending: 3 });
    off();
    expect(h.listeners.has('sync.changed')).toBe(false);
    expect(h.listeners.has('orders.changed')).toBe(false);
  });

  it('looks again once after a burst of local commits, whose waiting count no event may bring', async () => {
    vi.useFakeTimers();
    try {
      const off = watchSync();
      h.calls[0]!.answer({ ok: true, value: status() });
      await vi.advanceTimersByTimeAsync(0);
      for (let i = 0; i < 5; i++) h.listeners.get('orders.changed')!({ orderIds: [i + 1] });
      await vi.advanceTimersByTimeAsync(499);
      expect(h.calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(h.calls.map((c) => c.name)).toEqual(['sync.status', 'sync.status']);
      h.calls[1]!.answer({ ok: true, value: status({ pending: 5, oldestPendingAt: 1 }) });
      await vi.advanceTimersByTimeAsync(0);
      expect(useSync.getState().status?.pending).toBe(5);
      off();
      h.listeners.get('orders.changed')?.({ orderIds: [9] });
      await vi.advanceTimersByTimeAsync(1_000);
      expect(h.calls).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps a pushed status when an older answer arrives after it', async () => {
    const loading = useSync.getState().load();
    useSync.getState().receive(status({ connection: 'offline', pending: 5 }));
    h.calls[0]!.answer({ ok: true, value: status({ connection: 'online', pending: 0 }) });
    await loading;
    expect(useSync.getState().status).toMatchObject({ connection: 'offline', pending: 5 });
  });

  it('keeps the last status and says why when the desk service does not answer', async () => {
    useSync.getState().receive(status({ pending: 4 }));
    const loading = useSync.getState().load();
    h.calls[0]!.answer({ ok: false, code: 'INTERNAL', message: 'The desk service is not reachable.' });
    await loading;
    expect(useSync.getState()).toMatchObject({ status: { pending: 4 }, error: 'The desk service is not reachable.' });
  });

  it('sends one Sync now at a time and shows what it answered', async () => {
    const first = useSync.getState().syncNow();
    const second = useSync.getState().syncNow();
    expect(h.calls.map((c) => c.name)).toEqual(['sync.now']);
    expect(useSync.getState().syncingNow).toBe(true);
    h.calls[0]!.answer({ ok: true, value: status({ lastSyncedAt: 9_000 }) });
    await Promise.all([first, second]);
    expect(useSync.getState()).toMatchObject({ syncingNow: false, status: { lastSyncedAt: 9_000 } });
  });

  it('announces going offline once, for screen readers, and not the ticking details', () => {
    useSync.getState().receive(status());
    expect(useSync.getState().spoken).toBeNull();
    useSync.getState().receive(status({ connection: 'offline' }));
    const spoken = useSync.getState().spoken;
    expect(spoken?.text).toBe('Sync: offline.');
    useSync.getState().receive(status({ connection: 'offline', pending: 1, oldestPendingAt: 5 }));
    expect(useSync.getState().spoken).toBe(spoken);
  });
});

describe('when the sign-in screen comes first', () => {
  it('after the session ended or while nobody is signed in, never on the demo store or online', () => {
    expect(needsSignIn(status({ needsSignIn: true, connection: 'offline' }))).toBe(true);
    expect(needsSignIn(status({ connection: 'signed_out' }))).toBe(true);
    expect(needsSignIn(status({ connection: 'local', serverUrl: null }))).toBe(false);
    expect(needsSignIn(status())).toBe(false);
    expect(needsSignIn(null)).toBe(false);
  });
});
