import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, nextAttemptDelay, unreachableDelay } from './retry-policy.js';

describe('nextAttemptDelay', () => {
  it('gives up once the attempts are spent', () => {
    expect(nextAttemptDelay(DEFAULT_RETRY_POLICY.maxAttempts, DEFAULT_RETRY_POLICY, 0.5)).toBeNull();
    expect(nextAttemptDelay(DEFAULT_RETRY_POLICY.maxAttempts - 1, DEFAULT_RETRY_POLICY, 0.5)).not.toBeNull();
  });

  it('stays within its bounds and grows with the attempts (ceiling doubles up to the cap)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.double({ min: 0, max: 1, noNaN: true }), (attempts, random) => {
        const delay = nextAttemptDelay(attempts, DEFAULT_RETRY_POLICY, random)!;
        const ceiling = Math.min(DEFAULT_RETRY_POLICY.maxDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs * 2 ** (attempts - 1));
        expect(delay).toBeGreaterThanOrEqual(DEFAULT_RETRY_POLICY.baseDelayMs / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }),
    );
    expect(nextAttemptDelay(5, DEFAULT_RETRY_POLICY, 0.99)!).toBeGreaterThan(nextAttemptDelay(1, DEFAULT_RETRY_POLICY, 0.99)!);
  });

  it('probes an unreachable server soon, never later than a minute', () => {
    expect(unreachableDelay(1)).toBe(2000);
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), (n) => unreachableDelay(n) <= 60_000 && unreachableDelay(n) >= 2000));
  });
});
