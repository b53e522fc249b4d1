import { describe, expect, it } from 'vitest';
import type { OrderStore } from '../../../../db/store.js';
import { createChannelBackoff } from './channel-backoff.js';
import { memoryNotificationSettings } from './memory-settings.js';
import type { MailSettings } from './ports.js';
import { unreachableDelay } from './retry-policy.js';

const mail: MailSettings = { host: 'smtp.example.com', port: 587, security: 'starttls', user: null, fromName: 'Shomp', fromAddress: 'orders@example.com', replyTo: null };
const sms = { enabled: true, accountSid: `AC${'0'.repeat(32)}`, fromNumber: '+15035550123' };
// These cases never reopen a channel, the one step that reads the table.
const noTable = {} as OrderStore;

describe('channel backoff', () => {
  it('takes rows only for channels that are set up (texts need a saved token)', () => {
    expect(createChannelBackoff(noTable, memoryNotificationSettings()).ready(0)).toEqual([]);
    expect(createChannelBackoff(noTable, memoryNotificationSettings({ mail, sms })).ready(0)).toEqual(['email']);
    expect(createChannelBackoff(noTable, memoryNotificationSettings({ mail, sms }, { twilioAuthToken: 'tok' })).ready(0)).toEqual(['email', 'sms']);
  });

  it('backs a channel off once per probe however many messages in flight find the server away', () => {
    const backoff = createChannelBackoff(noTable, memoryNotificationSettings({ mail }));
    const first = backoff.unreachable('email', 'ECONNREFUSED', 1_000);
    for (let i = 0; i < 20; i += 1) expect(backoff.unreachable('email', 'ECONNREFUSED', 1_000 + i)).toBe(first);
    expect(first).toBe(1_000 + unreachableDelay(1));
    expect(backoff.ready(first - 1)).toEqual([]);
    expect(backoff.probeTimes(first - 1)).toEqual([first]);
    expect(backoff.mailState()).toEqual({ mail: 'offline', lastError: 'ECONNREFUSED', nextProbeAt: first });
    // The probe fails too: the next wait is longer.
    expect(backoff.unreachable('email', 'ETIMEDOUT', first)).toBe(first + unreachableDelay(2));
    expect(backoff.ready(first + unreachableDelay(2))).toEqual(['email']);
  });

  it('says a delivery proves the channel only the first time after a start or an outage', () => {
    const backoff = createChannelBackoff(noTable, memoryNotificationSettings({ mail }));
    expect(backoff.delivered('email')).toBe(true);
    expect(backoff.delivered('email')).toBe(false);
    backoff.unreachable('email', 'ECONNRESET', 0);
    expect(backoff.delivered('email')).toBe(true);
    expect(backoff.mailState().lastError).toBeNull();
  });

  it('reports a sender with no mail server as not configured', () => {
    expect(createChannelBackoff(noTable, memoryNotificationSettings()).mailState()).toEqual({ mail: 'not_configured', lastError: null, nextProbeAt: null });
  });
});
