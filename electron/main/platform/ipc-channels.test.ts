import { describe, expect, it } from 'vitest';
import { parseCallMessage } from './ipc-channels.js';

describe('parseCallMessage', () => {
  it('reads { name, input }', () => {
    expect(parseCallMessage({ name: 'orders.get', input: { orderId: 1 } })).toEqual({ name: 'orders.get', input: { orderId: 1 } });
    expect(parseCallMessage({ name: 'session.get' })).toEqual({ name: 'session.get', input: undefined });
  });

  it.each([null, undefined, 'orders.get', 42, [], [{ name: 'orders.get' }], {}, { name: '' }, { name: 7 }, { name: 'x'.repeat(201) }])(
    'refuses %j',
    (raw) => {
      expect(parseCallMessage(raw)).toBeNull();
    },
  );
});
