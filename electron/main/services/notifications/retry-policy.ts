/** When the sender tries a message again, and when it probes a server that can't be reached. */

export interface RetryPolicy {
  /** Attempts a message gets (the first included) before a transient failure becomes final. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 30_000, maxDelayMs: 60 * 60_000 };

/**
 * When to try again after `attempts` failed attempts: exponential backoff with full jitter
 * (so a queue that failed together doesn't retry together), or null once attempts are spent.
 * `random` is in [0, 1).
 */
export function nextAttemptDelay(attempts: number, policy: RetryPolicy, random: number): number | null {
  if (attempts >= policy.maxAttempts) return null;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  const floor = Math.min(ceiling, policy.baseDelayMs / 2);
  return Math.round(floor + (ceiling - floor) * Math.min(Math.max(random, 0), 0.999_999));
}

/** How long to wait before probing again while the server can't be reached (capped: the desk should notice the network return soon). */
export function unreachableDelay(consecutive: number): number {
  return Math.min(60_000, 2_000 * 2 ** Math.max(0, Math.min(consecutive - 1, 10)));
}
