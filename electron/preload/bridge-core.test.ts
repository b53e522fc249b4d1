import { describe, expect, it, vi } from 'vitest';
import { createDeskBridge, isEventName, isResult, type BridgeTransport } from './bridge-core.js';

function fakeTransport(answer: (message: { name: string; input: unknown }) => unknown = () => ({ ok: true, value: 1 })) {
  let handler: ((message: unknown) => void) | null = null;
  const transport = {
    invoke: vi.fn(async (message: { name: string; input: unknown }) => answer(message)),
    listen: vi.fn((h: (message: unknown) => void) => {
      handler = h;
    }),
  } satisfies BridgeTransport;
  const push = (message: unknown) => handler?.(message);
  const reportError = vi.fn();
  return { transport, push, reportError, bridge: createDeskBridge(transport, reportError) };
}

describe('call', () => {
  it('sends contract calls and returns the answer', async () => {
    const { bridge, transport } = fakeTransport(() => ({ ok: true, value: { orders: [] } }));
    await expect(bridge.call('orders.list', { view: 'to_pack' })).resolves.toEqual({ ok: true, value: { orders: [] } });
    expect(transport.invoke).toHaveBeenCalledWith({ name: 'orders.list', input: { view: 'to_pack' } });
  });

  it.each(['orders.delete', 'constructor', '__proto__', 'toString', 'hasOwnProperty', '', 'desk:call', 'ORDERS.LIST'])(
    'answers unknown name %j itself without sending it',
    async (name) => {
      const { bridge, transport } = fakeTransport();
      await expect(bridge.call(name, {})).resolves.toMatchObject({ ok: false, code: 'UNKNOWN_CALL' });
      expect(transport.invoke).not.toHaveBeenCalled();
    },
  );

  it.each([42, null, undefined, { toString: () => 'orders.list' }, ['orders.list']])('refuses a non-string name %j', async (name) => {
    const { bridge, transport } = fakeTransport();
    await expect(bridge.call(name as never, {})).resolves.toMatchObject({ ok: false, code: 'UNKNOWN_CALL' });
    expect(transport.invoke).not.toHaveBeenCalled();
  });

  it('turns a failed delivery into an INTERNAL failure', async () => {
    const { bridge, reportError } = fakeTransport(() => {
      throw new Error('An object could not be cloned.');
    });
    await expect(bridge.call('session.get', { f: () => 1 })).resolves.toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(reportError).toHaveBeenCalledOnce();
  });

  it('refuses answers that are not Results', async () => {
    for (const answer of [undefined, null, 'ok', { ok: true }, { ok: false, code: 'NOPE', message: 'x' }, { ok: 'yes' }]) {
      const { bridge } = fakeTransport(() => answer);
      await expect(bridge.call('session.get', {})).resolves.toMatchObject({ ok: false, code: 'INTERNAL' });
    }
  });

  it('passes failures from main through', async () => {
    const failure = { ok: false, code: 'FORBIDDEN', message: "Your role doesn't allow this." };
    const { bridge } = fakeTransport(() => failure);
    await expect(bridge.call('orders.ship', {})).resolves.toEqual(failure);
  });
});

describe('on', () => {
  it('delivers payloads of the subscribed event only', () => {
    const { bridge, push, transport } = fakeTransport();
    const listener = vi.fn();
    bridge.on('orders.changed', listener);
    push({ event: 'orders.changed', payload: { orderIds: [1, 2] } });
    push({ event: 'sync.status', payload: {} });
    push({ event: 'toString', payload: {} });
    push('orders.changed');
    push(null);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith({ orderIds: [1, 2] });
    expect(transport.listen).toHaveBeenCalledOnce();
  });

  it('stops delivering after unsubscribe, and unsubscribing twice is harmless', () => {
    const { bridge, push } = fakeTransport();
    const first = vi.fn();
    const second = vi.fn();
    const off = bridge.on('orders.changed', first);
    bridge.on('orders.changed', second);
    off();
    off();
    push({ event: 'orders.changed', payload: { orderIds: [3] } });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledOnce();
  });

  it('keeps two subscriptions of the same function apart', () => {
    const { bridge, push } = fakeTransport();
    const listener = vi.fn();
    const off = bridge.on('orders.changed', listener);
    bridge.on('orders.changed', listener);
    off();
    push({ event: 'orders.changed', payload: { orderIds: [] } });
    expect(listener).toHaveBeenCalledOnce();
  });

  it('keeps delivering when one listener throws', () => {
    const { bridge, push, reportError } = fakeTransport();
    const after = vi.fn();
    bridge.on('orders.changed', () => {
      throw new Error('boom');
    });
    bridge.on('orders.changed', after);
    push({ event: 'orders.changed', payload: { orderIds: [] } });
    expect(after).toHaveBeenCalledOnce();
    expect(reportError).toHaveBeenCalledOnce();
  });

  it.each(['orders.list', 'desk:event', '__proto__', 'constructor', ''])('refuses unknown event %j', (event) => {
    const { bridge, transport } = fakeTransport();
    expect(() => bridge.on(event as never, () => {})).toThrow(TypeError);
    expect(transport.listen).not.toHaveBeenCalled();
  });

  it('refuses a listener that is not a function', () => {
    const { bridge } = fakeTransport();
    expect(() => bridge.on('orders.changed', 'alert(1)' as never)).toThrow(TypeError);
  });
});

describe('guards', () => {
  it('isEventName knows contract events only', () => {
    expect(isEventName('orders.changed')).toBe(true);
    expect(isEventName('hasOwnProperty')).toBe(false);
    expect(isEventName(undefined)).toBe(false);
  });

  it('isResult checks the shape and the error code', () => {
    expect(isResult({ ok: true, value: undefined })).toBe(true);
    expect(isResult({ ok: false, code: 'NOT_FOUND', message: 'x' })).toBe(true);
    expect(isResult({ ok: false, code: 'NOT_FOUND' })).toBe(false);
  });
});
