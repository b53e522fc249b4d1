import { describe, expect, it } from 'vitest';
import { createOwnChanges, OWN_ECHO_WINDOW_MS } from './own-changes.js';

function clock() {
  let t = 1_000;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('own changes: which orders.changed need a refetch', () => {
  it('takes the one event after a committed answer as its echo, and the next as a change made elsewhere', () => {
    const c = clock();
    const own = createOwnChanges(c.now);
    own.begin();
    own.end(true);
    expect(own.isOwnEcho()).toBe(true);
    expect(own.isOwnEcho()).toBe(false);
  });

  it('takes an event that arrives before the answer as the echo, so none is awaited after it', () => {
    const own = createOwnChanges(clock().now);
    own.begin();
    expect(own.isOwnEcho()).toBe(true);
    own.end(true);
    expect(own.isOwnEcho()).toBe(false);
  });

  it('awaits no echo for a refused change', () => {
    const own = createOwnChanges(clock().now);
    own.begin();
    own.end(false);
    expect(own.isOwnEcho()).toBe(false);
  });

  it('stops awaiting an echo that never came (an idempotent repeat emits nothing)', () => {
    const c = clock();
    const own = createOwnChanges(c.now);
    own.begin();
    own.end(true);
    c.advance(OWN_ECHO_WINDOW_MS + 1);
    expect(own.isOwnEcho()).toBe(false);
  });

  it('forgets everything when another order is shown', () => {
    const own = createOwnChanges(clock().now);
    own.begin();
    own.end(true);
    own.reset();
    expect(own.isOwnEcho()).toBe(false);
  });
});
