/**
 * Work that must not hold up the frame that paints a scan's tick: the scan line, the flash, the
 * beep, the save call, focus moves and the ship panel's recount. A scan's key task renders only
 * the count and the progress; these run once that frame is out.
 */

export type Job = () => void;

export interface FrameClock {
  /** Runs the callback at the start of the next frame (requestAnimationFrame). */
  requestFrame(callback: () => void): void;
  /** Queues a task that runs after the current one, behind other pending work. */
  postTask(callback: () => void): void;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

/** A window whose frames stopped (hidden, minimised) still gets its jobs, this much later. */
export const NO_FRAME_FALLBACK_MS = 100;

export interface AfterPaint {
  /** Queues `job` to run after the next frame has been rendered; returns a cancel. Jobs run in order. */
  schedule(job: Job): () => void;
  /** Jobs queued and not yet run. */
  pending(): number;
}

/**
 * A queue of jobs run in order once the next frame has been rendered: the frame callback posts a
 * task, and that task (after the frame's style, layout and paint) runs every job queued so far.
 */
export function createAfterPaint(clock: FrameClock): AfterPaint {
  let queue: { job: Job; cancelled: boolean }[] = [];
  // Each arming has its own generation: a frame callback or fallback timer left over from an
  // earlier arming must not run jobs queued after that arming was already served.
  let generation = 0;
  let armed = false;
  let fallback: unknown = null;

  const run = (mine: number) => {
    if (!armed || mine !== generation) return;
    armed = false;
    clock.clearTimer(fallback);
    fallback = null;
    const jobs = queue;
    queue = [];
    for (const entry of jobs) {
      if (entry.cancelled) continue;
      try {
        entry.job();
      } catch (error) {
        // One failing job must not drop the ones behind it (a tick's save among them).
        clock.setTimer(() => {
          throw error;
        }, 0);
      }
    }
  };

  const arm = () => {
    if (armed) return;
    armed = true;
    const mine = ++generation;
    clock.requestFrame(() => clock.postTask(() => run(mine)));
    fallback = clock.setTimer(() => run(mine), NO_FRAME_FALLBACK_MS);
  };

  return {
    schedule(job) {
      const entry = { job, cancelled: false };
      queue.push(entry);
      arm();
      return () => {
        entry.cancelled = true;
      };
    },
    pending: () => queue.filter((entry) => !entry.cancelled).length,
  };
}

interface TaskScheduler {
  postTask(callback: () => void, options: { priority: 'background' | 'user-visible' | 'user-blocking' }): Promise<unknown>;
}

/**
 * The browser's clock. The task after the frame is a background-priority one where the browser
 * has scheduler.postTask (Chromium does): it is feedback that may wait behind anything else the
 * page has to do, and it must not run before the frame it follows.
 */
function browserClock(): FrameClock {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  return {
    requestFrame: (callback) => window.requestAnimationFrame(() => callback()),
    postTask: scheduler
      ? (callback) => void scheduler.postTask(callback, { priority: 'background' })
      : (callback) => window.setTimeout(callback, 0),
    setTimer: (callback, ms) => window.setTimeout(callback, ms),
    clearTimer: (handle) => window.clearTimeout(handle as number),
  };
}

let shared: AfterPaint | null = null;

/** Runs `job` after the next frame has been rendered (see createAfterPaint); returns a cancel. */
export function afterPaint(job: Job): () => void {
  shared ??= createAfterPaint(browserClock());
  return shared.schedule(job);
}
