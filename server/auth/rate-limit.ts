/**
 * Sign-in attempts per key (an email, an address) in a sliding window, in this process's memory:
 * a restart forgets them, and several server processes each count their own. Good enough to make
 * guessing passwords slow; a shared store would be needed to make it exact.
 */
export class AttemptLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Milliseconds until another attempt is allowed, or 0 when one is allowed now. */
  retryAfter(key: string, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < this.max) return 0;
    return (recent[recent.length - this.max] ?? now) + this.windowMs - now;
  }

  record(key: string, now: number): void {
    const recent = this.recent(key, now);
    recent.push(now);
    this.attempts.set(key, recent);
    if (this.attempts.size > 100_000) this.sweep(now);
  }

  clear(key: string): void {
    this.attempts.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.attempts.get(key) ?? []).filter((at) => at > now - this.windowMs);
  }

  /** Bounded memory under a spray of made-up emails: forget keys whose window has passed. */
  private sweep(now: number): void {
    for (const [key, times] of this.attempts) {
      if (!times.some((at) => at > now - this.windowMs)) this.attempts.delete(key);
    }
  }
}
