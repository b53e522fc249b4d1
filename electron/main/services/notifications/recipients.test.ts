import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recipientProblem, smsNumber } from './recipients.js';

describe('recipientProblem', () => {
  it('accepts ordinary addresses', () => {
    for (const address of ['casey@example.com', 'first.last+orders@mail.example.co.uk', "o'brien@example.org"]) {
      expect(recipientProblem(address)).toBeNull();
    }
  });

  it('refuses what could bend an SMTP command or a header, with a sentence', () => {
    for (const address of ['', 'casey', 'casey@', '@example.com', 'a b@example.com', 'casey@example.com\r\nRCPT TO:<x@y.z>', '<casey@example.com>', 'a..b@example.com', `${'a'.repeat(65)}@example.com`]) {
      expect(recipientProblem(address)).toMatch(/\.$/);
    }
  });

  it('never accepts an address with a control character or angle bracket', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('\r', '\n', '<', '>', ' ', '\0'), fc.string(), (before, bad, after) => {
        expect(recipientProblem(`${before}${bad}${after}@example.com`)).not.toBeNull();
      }),
    );
  });
});

describe('smsNumber', () => {
  it('turns US numbers into E.164 and refuses the rest', () => {
    expect(smsNumber('(503) 555-0142')).toBe('+15035550142');
    expect(smsNumber('+1 503.555.0142')).toBe('+15035550142');
    expect(smsNumber('555-0142')).toBeNull();
    expect(smsNumber('+44 20 7946 0958')).toBeNull();
    expect(smsNumber(null)).toBeNull();
  });
});
