/**
 * How long after a change's answer its own orders.changed may still arrive. Main emits at commit,
 * before it answers, but over the web host the event (WebSocket) and the answer (HTTP) travel apart,
 * so the event can land a little after the answer. An idempotent repeat emits nothing at all, so the
 * wait must end: a change made elsewhere in this window would otherwise go unseen.
 */
export const OWN_ECHO_WINDOW_MS = 2_000;

export interface OwnChanges {
  /** A change of this page's is being sent. */
  begin(): void;
  /** Its answer is in; `committed` when it carried the order as it now stands. */
  end(committed: boolean): void;
  /**
   * An orders.changed naming this page's order arrived: true when it is the echo of this page's
   * own change (whose answer already showed the order, or is about to), false when the order
   * changed elsewhere and must be fetched.
   */
  isOwnEcho(): boolean;
  /** Another order is shown: nothing pending carries over. */
  reset(): void;
}

/**
 * Tells the orders.changed this page's own changes cause from changes made elsewhere, so the page
 * shows the order a change answered with instead of fetching it a second time. Main emits exactly
 * one orders.changed per committed change.
 */
export function createOwnChanges(now: () => number = Date.now, windowMs = OWN_ECHO_WINDOW_MS): OwnChanges {
  let inFlight = 0;
  let seenInFlight = 0;
  /** Deadlines of echoes still to come for changes already answered. */
  let awaited: number[] = [];

  return {
    begin() {
      inFlight++;
    },
    end(committed) {
      inFlight = Math.max(0, inFlight - 1);
      if (committed) {
        if (seenInFlight > 0) seenInFlight--;
        else awaited.push(now() + windowMs);
      }
      // An event seen while only failed changes were in flight was someone else's; it was
      // skipped then (the answer was expected to carry the order), as it always has been.
      if (inFlight === 0) seenInFlight = 0;
    },
    isOwnEcho() {
      if (inFlight > 0) {
        seenInFlight++;
        return true;
      }
      const at = now();
      awaited = awaited.filter((deadline) => deadline >= at);
      if (awaited.length === 0) return false;
      awaited.shift();
      return true;
    },
    reset() {
      inFlight = 0;
      seenInFlight = 0;
      awaited = [];
    },
  };
}
