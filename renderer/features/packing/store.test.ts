import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { OrderDetail } from '../../../shared/contract/index.js';
import { packItem } from './test-items.js';

// The store talks to main, the speaker and the frame clock; here each is a stand-in the test
// drives: calls are recorded and answered by hand, beeps counted, frames run on demand.
const h = vi.hoisted(() => {
  const frame: (() => void)[] = [];
  return {
    frame,
    calls: [] as { name: string; input: unknown; answer: (value: unknown) => void }[],
    beeps: [] as string[],
  };
});

vi.mock('../../api/client.js', () => ({
  call: (name: string, input: unknown) =>
    new Promise((resolve) => h.calls.push({ name, input, answer: resolve })),
  on: () => () => {},
}));
vi.mock('./beep.js', () => ({ beep: (kind: string) => void h.beeps.push(kind) }));
vi.mock('./after-paint.js', () => ({
  afterPaint: (job: () => void) => {
    h.frame.push(job);
    return () => {};
  },
}));

const { usePacking } = await import('./store.js');

/** The frame that paints the tick is out: run what waited for it. */
function paint() {
  for (const job of h.frame.splice(0)) job();
}

const item = packItem;

const vase = item({ id: 1, title: 'Bud Vase', barcode: '0123456789012', quantity: 2 });
const mug = item({ id: 2, title: 'Mug', sku: 'JUN-MUG-001', barcode: '0123456789029', quantity: 1 });
const order = { id: 9, number: 'SH-1000009', items: [vase, mug], claim: null } as unknown as OrderDetail;

const initial = usePacking.getState();

beforeEach(() => {
  h.frame.length = 0;
  h.calls.length = 0;
  h.beeps.length = 0;
  usePacking.setState({ ...initial, order, pending: {}, inflight: {}, lastScan: null, lastTickedItemId: null, focus: { target: 'scan', seq: 0 } }, true);
});

const scan = (code: string) => usePacking.getState().scan(code, 'scanner', 12);

describe('packing store: a scan that ticks', () => {
  it('records the tick at once, and the line, beep and save once the frame is out', () => {
    scan(vase.barcode!);
    const now = usePacking.getState();
    expect(now.pending).toEqual({ [vase.id]: 1 });
    expect(now.lastTickedItemId).toBe(vase.id);
    expect(now.lastScan).toBeNull();
    expect(h.beeps).toEqual([]);
    expect(h.calls).toEqual([]);

    paint();
    const after = usePacking.getState();
    expect(after.lastScan).toMatchObject({ code: vase.barcode, source: 'scanner', outcome: 'tick', message: 'Verified 1 × Bud Vase.', medianGapMs: 12 });
    expect(h.beeps).toEqual(['success']);
    expect(h.calls.map((c) => [c.name, c.input])).toEqual([
      ['orders.markPacked', { orderId: order.id, items: [{ itemId: vase.id, quantity: 1 }], source: 'scan' }],
    ]);
    expect(after.pending).toEqual({});
    expect(after.inflight).toEqual({ [vase.id]: 1 });
  });

  it('counts two quick scans of the same item before the frame as two ticks, saved together', () => {
    scan(vase.barcode!);
    scan(vase.barcode!);
    expect(usePacking.getState().pending).toEqual({ [vase.id]: 2 });
    paint();
    expect(h.calls).toHaveLength(1);
    expect(h.calls[0]!.input).toMatchObject({ items: [{ itemId: vase.id, quantity: 2 }] });
    expect(h.beeps).toEqual(['success', 'success']);
  });

  it('shows a refusal that came after a tick in the same frame last, not under the tick', () => {
    scan(mug.barcode!);
    scan(mug.barcode!); // the only mug is already ticked: refused
    expect(usePacking.getState().lastScan).toBeNull();
    paint();
    expect(usePacking.getState().lastScan).toMatchObject({ outcome: 'refused' });
    expect(usePacking.getState().lastScan!.message).toContain('already scanned');
    expect(h.beeps).toEqual(['success', 'error']);
  });

  it('ignores a scan of only invisible characters, and reads a code through the ones around it', () => {
    scan('\u200B\u0085');
    paint();
    expect(usePacking.getState()).toMatchObject({ pending: {}, lastScan: null });
    expect(h.beeps).toEqual([]);
    expect(h.calls).toEqual([]);

    scan(`\u200B${vase.barcode!}\u0085`);
    expect(usePacking.getState().pending).toEqual({ [vase.id]: 1 });
    paint();
    expect(h.calls.map((c) => c.input)).toEqual([{ orderId: order.id, items: [{ itemId: vase.id, quantity: 1 }], source: 'scan' }]);
  });

  it('shows a refusal at once when no tick is waiting', () => {
    scan('0000000000000');
    expect(usePacking.getState().lastScan).toMatchObject({ outcome: 'refused' });
    expect(h.beeps).toEqual(['error']);
  });

  it('moves the keyboard to tracking after the frame that paints the last unit, as a move that yields to a scan in progress', () => {
    scan(vase.barcode!);
    scan(vase.barcode!);
    scan(mug.barcode!);
    expect(usePacking.getState().focus.target).toBe('scan');
    paint();
    expect(usePacking.getState().focus).toMatchObject({ target: 'tracking', unlessScanning: true });
  });

  it('leaves the keyboard on Ship when a tracking label was scanned before the last unit\'s frame was out', () => {
    scan(vase.barcode!);
    scan(vase.barcode!);
    scan(mug.barcode!);
    scan('1Z999AA10123456784');
    expect(usePacking.getState().focus.target).toBe('ship');
    paint();
    expect(usePacking.getState().focus.target).toBe('ship');
    expect(usePacking.getState().draft.tracking.text).toBe('1Z999AA10123456784');
    expect(usePacking.getState().lastScan).toMatchObject({ outcome: 'tracking' });
  });

  it('does not move the keyboard while units are left', () => {
    scan(vase.barcode!);
    paint();
    expect(usePacking.getState().focus.target).toBe('scan');
  });

  it('sends ticks still waiting for their frame before another order opens', () => {
    scan(vase.barcode!);
    void usePacking.getState().openOrder(10);
    expect(h.calls[0]).toMatchObject({ name: 'orders.markPacked', input: { orderId: order.id, items: [{ itemId: vase.id, quantity: 1 }] } });
    expect(h.calls.slice(1).map((c) => c.name)).toEqual(['orders.get', 'orders.claim']);
    // The tick's own job, once its frame is out, finds nothing left to send.
    paint();
    expect(h.calls.filter((c) => c.name === 'orders.markPacked')).toHaveLength(1);
  });
});
