/**
 * What a server's reply means for its row: sent, tried again later (retry policy), failed, or
 * waiting for the server (channel backoff). A first success after the server was away reopens
 * the channel, so what waited for it goes now rather than at its probe time.
 */
import type { ChannelBackoff } from './channel-backoff.js';
import { mayHaveArrivedMessage, type DueRow, type Outcome } from './outbox-rows.js';
import type { DeliveryOutcome } from './ports.js';
import { nextAttemptDelay, type RetryPolicy } from './retry-policy.js';

export interface ReplyRules {
  policy: RetryPolicy;
  /** In [0, 1): the jitter of the retry delay. */
  random: () => number;
  backoff: Pick<ChannelBackoff, 'delivered' | 'unreachable'>;
  /** The channel answered after being away or unproven: release what waits for it. */
  reopened: (channel: DueRow['channel']) => void;
}

export function outcomeOfReply(row: DueRow, delivery: DeliveryOutcome, at: number, rules: ReplyRules): Outcome {
  if (delivery.ok) {
    if (rules.backoff.delivered(row.channel)) rules.reopened(row.channel);
    return { id: row.id, kind: 'sent', providerId: delivery.providerId };
  }
  switch (delivery.failure) {
    // The message may have reached the customer: failed with the reason, never sent again on its own.
    case 'unknown':
      return { id: row.id, kind: 'failed', attempts: row.attempts + 1, error: mayHaveArrivedMessage(delivery.message) };
    case 'permanent':
      return { id: row.id, kind: 'failed', attempts: row.attempts + 1, error: delivery.message };
    case 'transient': {
      const attempts = row.attempts + 1;
      const delay = nextAttemptDelay(attempts, rules.policy, rules.random());
      if (delay === null) return { id: row.id, kind: 'failed', attempts, error: `Gave up after ${attempts} attempts. Last reply: ${delivery.message}` };
      return { id: row.id, kind: 'retry', attempts, nextAttemptAt: at + delay, error: delivery.message };
    }
    case 'unreachable':
      return { id: row.id, kind: 'wait', nextAttemptAt: rules.backoff.unreachable(row.channel, delivery.message, at), error: delivery.message };
  }
}
