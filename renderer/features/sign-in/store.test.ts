import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Main is a stand-in the test answers by hand; what matters is when the desk starts again.
const h = vi.hoisted(() => ({ calls: [] as { name: string; input: unknown; answer: (value: unknown) => void }[] }));

vi.mock('../../api/client.js', () => ({
  call: (name: string, input: unknown) => new Promise((resolve) => h.calls.push({ name, input, answer: resolve })),
  on: () => () => {},
}));

const { openDemoStore, signIn, signOut } = await import('./store.js');

const reload = vi.fn();
const session = { user: { id: 2, name: 'Sam', email: 'sam@example.com', role: 'seller' }, stores: [], station: { id: 's', name: 'Bench 1' }, demo: false };

beforeEach(() => {
  h.calls.length = 0;
  reload.mockClear();
  vi.stubGlobal('window', { location: { reload } });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('switching store files', () => {
  it('starts every screen again after signing in, so nothing of the previous store stays on screen', async () => {
    const input = { serverUrl: 'https://shop.example.com', email: 'sam@example.com', password: 'pw' };
    const signing = signIn(input);
    expect(h.calls[0]).toMatchObject({ name: 'session.signIn', input });
    h.calls[0]!.answer({ ok: true, value: session });
    await expect(signing).resolves.toMatchObject({ ok: true });
    expect(reload).toHaveBeenCalledOnce();
  });

  it('keeps the screen (and what was typed) when the sign-in is refused', async () => {
    const signing = signIn({ serverUrl: 'https://shop.example.com', email: 'sam@example.com', password: 'wrong' });
    h.calls[0]!.answer({ ok: false, code: 'UNAUTHENTICATED', message: 'That email and password do not match.' });
    await expect(signing).resolves.toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(reload).not.toHaveBeenCalled();
  });

  it('starts again after signing out or opening the demo store, and not when either is refused', async () => {
    const out = signOut();
    h.calls[0]!.answer({ ok: true, value: { signedOut: true } });
    await expect(out).resolves.toBeNull();
    expect(reload).toHaveBeenCalledOnce();

    const demo = openDemoStore();
    h.calls[1]!.answer({ ok: false, code: 'INTERNAL', message: 'The demo store could not be opened.' });
    await expect(demo).resolves.toMatchObject({ message: 'The demo store could not be opened.' });
    expect(h.calls.map((c) => c.name)).toEqual(['session.signOut', 'session.useDemo']);
    expect(reload).toHaveBeenCalledOnce();
  });
});
