import { describe, expect, it } from 'vitest';
import { kindLabel, senderLine, tabCount, tabOrder } from './labels.js';

const counts = { queued: 2, sending: 0, sent: 10, failed: 0, suppressed: 1 };

describe('tabOrder', () => {
  it('puts Failed first while anything has failed, and near the end otherwise', () => {
    expect(tabOrder({ ...counts, failed: 3 })[0]).toBe('failed');
    expect(tabOrder(counts)).toEqual(['queued', 'sending', 'sent', 'suppressed', 'failed', 'all']);
    expect(tabOrder(null)).toEqual(['queued', 'sending', 'sent', 'suppressed', 'failed', 'all']);
  });

  it('counts All as the sum of every status', () => {
    expect(tabCount('all', counts)).toBe(13);
    expect(tabCount('sent', counts)).toBe(10);
    expect(tabCount('sent', null)).toBeNull();
  });
});

describe('senderLine', () => {
  it('says when mail waits, why, and when it is tried again', () => {
    const line = senderLine({ mail: 'offline', lastError: 'connect ECONNREFUSED', nextProbeAt: 1_000 + 120_000 }, 1_000);
    expect(line.tone).toBe('warn');
    expect(line.text).toMatch(/can't be reached/);
    expect(line.text).toMatch(/in 2 minutes/);
    expect(line.text).toMatch(/ECONNREFUSED/);
    expect(senderLine({ mail: 'not_configured', lastError: null, nextProbeAt: null }).tone).toBe('off');
    expect(senderLine(null).text).toMatch(/does not send/);
    expect(senderLine({ mail: 'ready', lastError: null, nextProbeAt: null }).tone).toBe('ok');
  });

  it('names unknown kinds readably', () => {
    expect(kindLabel('shipped')).toBe('Shipped');
    expect(kindLabel('gift_card_sent')).toBe('Gift card sent');
  });
});
