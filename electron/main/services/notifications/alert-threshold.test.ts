import { describe, expect, it } from 'vitest';
import { shouldAlert } from './alert-threshold.js';

describe('shouldAlert', () => {
  it('alerts at the threshold, never with the threshold off', () => {
    expect(shouldAlert(2, 3)).toBe(false);
    expect(shouldAlert(3, 3)).toBe(true);
    expect(shouldAlert(100, 0)).toBe(false);
  });
});
