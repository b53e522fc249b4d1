import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { OrderDetail } from '../../../shared/contract/index.js';

// Main is a stand-in the test answers by hand; what matters is which calls the page makes.
const h = vi.hoisted(() => ({ calls: [] as { name: string; input: unknown; answer: (value: unknown) => void }[] }));

vi.mock('../../api/client.js', () => ({
  call: (name: string, input: unknown) => new Promise((resolve) => h.calls.push({ name, input, answer: resolve })),
  on: () => () => {},
}));
vi.mock('../../stores/toasts.js', () => ({ notify: { success: () => {}, error: () => {}, info: () => {} } }));

const { useOrder } = await import('./store.js');

const order = (note: string) => ({ id: 7, number: 'SH-1000007', note }) as unknown as OrderDetail;
const gets = () => h.calls.filter((c) => c.name === 'orders.get').length;
/** Lets awaited answers run on. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function openPage() {
  const loading = useOrder.getState().load(7);
  h.calls.at(-1)!.answer({ ok: true, value: order('loaded') });
  await loading;
  h.calls.length = 0;
}

beforeEach(async () => {
  h.calls.length = 0;
  await openPage();
});

describe('order page: one load per change', () => {
  it('shows the order a mutation answered with and does not fetch it again on its own orders.changed', async () => {
    const saving = useOrder.getState().mutate('orders.addNote', { orderId: 7, body: 'Fragile' }, 'Note added.');
    h.calls[0]!.answer({ ok: true, value: order('answered') });
    await saving;
    await useOrder.getState().changed();
    expect(gets()).toBe(0);
    expect(useOrder.getState().detail).toMatchObject({ note: 'answered' });
  });

  it('fetches nothing when the echo arrives before the answer', async () => {
    const saving = useOrder.getState().mutate('orders.addNote', { orderId: 7, body: 'Fragile' }, 'Note added.');
    await useOrder.getState().changed();
    h.calls[0]!.answer({ ok: true, value: order('answered') });
    await saving;
    expect(gets()).toBe(0);
  });

  it('still fetches a change made elsewhere, after its own echo', async () => {
    const saving = useOrder.getState().mutate('orders.addNote', { orderId: 7, body: 'Fragile' }, 'Note added.');
    h.calls[0]!.answer({ ok: true, value: order('answered') });
    await saving;
    await useOrder.getState().changed();
    const elsewhere = useOrder.getState().changed();
    expect(gets()).toBe(1);
    h.calls.at(-1)!.answer({ ok: true, value: order('changed elsewhere') });
    await elsewhere;
    expect(useOrder.getState().detail).toMatchObject({ note: 'changed elsewhere' });
  });

  it('fetches on orders.changed after a refused mutation', async () => {
    const saving = useOrder.getState().mutate('orders.placeHold', { orderId: 7, reason: 'Check' }, 'Held.');
    h.calls[0]!.answer({ ok: false, code: 'INVALID_TRANSITION', message: 'No.' });
    await saving;
    void useOrder.getState().changed();
    await settle();
    expect(gets()).toBe(1);
  });

  it('treats an address edit sent through the page as its own change', async () => {
    const saving = useOrder.getState().sendOwnChange(() => Promise.resolve({ ok: true as const, value: order('new address') }));
    await saving;
    await useOrder.getState().changed();
    expect(gets()).toBe(0);
  });
});
