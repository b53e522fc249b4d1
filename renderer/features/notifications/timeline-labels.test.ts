import { describe, expect, it } from 'vitest';
import type { OrderEventView } from '../../../shared/contract/index.js';
import { describeEvent } from '../order/timeline-text.js';

const event = (kind: string, data: Record<string, unknown>): OrderEventView => ({ id: 1, at: 0, actorName: 'Ada Admin', stationName: null, kind, data });

describe('timeline sentences for notification events', () => {
  it('says which message was retried, to whom, and keeps the failure apart', () => {
    expect(describeEvent(event('notification_retried', { kind: 'shipped', channel: 'email', recipient: 'casey@example.com', lastError: '550 <b>no</b>' }))).toEqual({
      title: 'Retried the shipped email to casey@example.com. It had failed:',
      body: '550 <b>no</b>',
      tone: 'default',
    });
    expect(describeEvent(event('notification_retried', { kind: 'shipped', channel: 'sms', recipient: '+15035550123', lastError: null })).title).toBe(
      'Retried the shipped text to +15035550123.',
    );
  });

  it('says a confirmation was sent again', () => {
    expect(describeEvent(event('confirmation_resent', { notificationId: 4, recipient: 'casey@example.com' })).title).toBe(
      'Emailed the order confirmation again to casey@example.com.',
    );
  });
});
