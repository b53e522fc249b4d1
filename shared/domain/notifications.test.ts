import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyDeliveryError,
  classifySmsError,
  DEFAULT_RETRY_POLICY,
  headerSafe,
  nextAttemptDelay,
  notificationContentSchema,
  recipientProblem,
  shouldAlert,
  smsNumber,
  unreachableDelay,
} from './notifications.js';

describe('classifyDeliveryError', () => {
  it('retries 4xx replies, fails 5xx replies at once', () => {
    expect(classifyDeliveryError({ responseCode: 451 })).toBe('transient');
    expect(classifyDeliveryError({ responseCode: 421, code: 'EENVELOPE' })).toBe('transient');
    expect(classifyDeliveryError({ responseCode: 550, code: 'EENVELOPE' })).toBe('permanent');
    expect(classifyDeliveryError({ responseCode: 554 })).toBe('permanent');
  });

  it('waits for the network when the server was never reached, and on bad credentials', () => {
    for (const code of ['ECONNREFUSED', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNECTION', 'EAUTH']) {
      expect(classifyDeliveryError({ code })).toBe('unreachable');
    }
    expect(classifyDeliveryError({ responseCode: 535, code: 'EAUTH' })).toBe('unreachable');
  });

  it('fails a message that can never be sent as addressed', () => {
    expect(classifyDeliveryError({ code: 'EENVELOPE' })).toBe('permanent');
  });

  it('retries what it cannot place', () => {
    expect(classifyDeliveryError({})).toBe('transient');
    expect(classifyDeliveryError({ code: 'ESOMETHINGNEW' })).toBe('transient');
  });

  it('sorts every SMTP reply code by its first digit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 400, max: 599 }), (reply) => {
        expect(classifyDeliveryError({ responseCode: reply })).toBe(reply < 500 ? 'transient' : 'permanent');
      }),
    );
  });
});

describe('classifySmsError', () => {
  it('follows the HTTP status of the provider', () => {
    expect(classifySmsError({ status: 429 })).toBe('transient');
    expect(classifySmsError({ status: 503 })).toBe('transient');
    expect(classifySmsError({ status: 401 })).toBe('unreachable');
    expect(classifySmsError({ status: 400 })).toBe('permanent');
    expect(classifySmsError({ code: 'ECONNREFUSED' })).toBe('unreachable');
  });
});

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

describe('smsNumber', () => {
  it('turns US numbers into E.164 and refuses the rest', () => {
    expect(smsNumber('(503) 555-0142')).toBe('+15035550142');
    expect(smsNumber('+1 503.555.0142')).toBe('+15035550142');
    expect(smsNumber('555-0142')).toBeNull();
    expect(smsNumber('+44 20 7946 0958')).toBeNull();
    expect(smsNumber(null)).toBeNull();
  });
});

describe('shouldAlert', () => {
  it('alerts at the threshold, never with the threshold off', () => {
    expect(shouldAlert(2, 3)).toBe(false);
    expect(shouldAlert(3, 3)).toBe(true);
    expect(shouldAlert(100, 0)).toBe(false);
  });
});

describe('notificationContentSchema', () => {
  const shipped = {
    kind: 'shipped',
    orderNumber: 'SH-1',
    customerName: 'Casey',
    storeNames: ['Alder Goods'],
    carrierName: 'UPS',
    trackingNumber: '1Z999AA10123456784',
    trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
    items: [{ title: 'Mug', sku: 'MUG', quantity: 1 }],
    partial: false,
    estimatedDelivery: null,
  };

  it('accepts a complete snapshot', () => {
    expect(notificationContentSchema.safeParse(shipped).success).toBe(true);
  });

  it('refuses a tracking link that is not https, so no email can carry a javascript: or http: link', () => {
    for (const trackingUrl of ['http://www.ups.com/track', 'javascript:alert(1)', 'data:text/html,hi']) {
      expect(notificationContentSchema.safeParse({ ...shipped, trackingUrl }).success).toBe(false);
    }
  });

  it('refuses a refund of nothing', () => {
    const refund = { kind: 'refund_issued', orderNumber: 'SH-1', customerName: 'C', storeNames: [], amountCents: 0, totalRefundedCents: 0, reason: null };
    expect(notificationContentSchema.safeParse(refund).success).toBe(false);
    expect(notificationContentSchema.safeParse({ ...refund, amountCents: 1250, totalRefundedCents: 1250 }).success).toBe(true);
  });
});
