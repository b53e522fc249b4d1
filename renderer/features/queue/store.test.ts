import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The store asks main for the list; here each call is recorded and answered with an empty page.
const h = vi.hoisted(() => ({ calls: [] as { name: string; input: unknown }[] }));

vi.mock('../../api/client.js', () => ({
  call: (name: string, input: unknown) => {
    h.calls.push({ name, input });
    return Promise.resolve({ ok: true, value: { rows: [], nextCursor: null } });
  },
}));

const { SEARCH_DEBOUNCE_MS, useQueue } = await import('./store.js');
const initial = useQueue.getState();

beforeEach(() => {
  vi.useFakeTimers();
  h.calls.length = 0;
  useQueue.setState(initial, true);
});

afterEach(() => {
  vi.useRealTimers();
});

const typeSearch = (text: string) => {
  useQueue.getState().setSearchText(text);
  vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
};

describe('queue search', () => {
  // Main refuses a search of only invisible characters (U+200B, U+0085...), so sending one would
  // fail the whole list; it is no search at all.
  it('treats a search box of only whitespace or invisible characters as empty', () => {
    typeSearch(' \u200B\u0085\uFEFF ');
    expect(useQueue.getState().search).toBe('');
    expect(h.calls).toEqual([]);
  });

  it('searches for what is visible, without the invisible characters around it', () => {
    typeSearch('\u200BSH-1000009\u0085');
    expect(useQueue.getState().search).toBe('SH-1000009');
    expect(h.calls).toEqual([{ name: 'orders.list', input: expect.objectContaining({ view: 'all', search: 'SH-1000009' }) }]);
  });
});
