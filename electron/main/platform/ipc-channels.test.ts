import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CALL_CHANNEL, EVENT_CHANNEL, parseCallMessage } from './ipc-channels.js';

describe('IPC channels', () => {
  it('match the preload side (the layering rule keeps it a separate file)', () => {
    const preload = readFileSync(new URL('../../preload/channels.ts', import.meta.url), 'utf8');
    expect(preload).toContain(`export const CALL_CHANNEL = '${CALL_CHANNEL}';`);
    expect(preload).toContain(`export const EVENT_CHANNEL = '${EVENT_CHANNEL}';`);
  });
});

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
