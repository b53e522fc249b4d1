import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyDeliveryError, classifySmsError } from './delivery-errors.js';

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
