import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerSafe } from './header-safe.js';

describe('headerSafe', () => {
  it('can never produce a line break, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        expect(headerSafe(value)).not.toMatch(/[\r\n\u2028\u2029\u0085]/);
        expect(headerSafe(value).length).toBeLessThanOrEqual(200);
      }),
    );
    expect(headerSafe('Casey\r\nBcc: evil@example.com')).toBe('Casey Bcc: evil@example.com');
  });
});
