import { describe, expect, it } from 'vitest';
import { createAfterPaint, NO_FRAME_FALLBACK_MS, type FrameClock } from './after-paint.js';

/** A hand-driven clock: frames, posted tasks and timers run only when the test says. */
function manualClock() {
  let frames: (() => void)[] = [];
  let tasks: (() => void)[] = [];
  const timers = new Map<number, { callback: () => void; ms: number }>();
  let nextTimer = 1;
  const clock: FrameClock = {
    requestFrame: (callback) => void frames.push(callback),
    postTask: (callback) => void tasks.push(callback),
    setTimer: (callback, ms) => {
      timers.set(nextTimer, { callback, ms });
      return nextTimer++;
    },
    clearTimer: (handle) => void timers.delete(handle as number),
  };
  return {
    clock,
    /** The next frame: its callbacks, then the tasks they posted (after the frame is rendered). */
    frame() {
      const now = frames;
      frames = [];
      for (const callback of now) callback();
      const posted = tasks;
      tasks = [];
      for (const callback of posted) callback();
    },
    /** Fires every timer of at least `ms`. */
    elapse(ms: number) {
      for (const [id, timer] of [...timers]) {
        if (timer.ms > ms) continue;
        timers.delete(id);
        timer.callback();
      }
    },
    timerCount: () => timers.size,
  };
}

describe('createAfterPaint', () => {
  it('runs nothing in the current task, then every queued job in order after the next frame', () => {
    const t = manualClock();
    const after = createAfterPaint(t.clock);
    const ran: string[] = [];
    after.schedule(() => ran.push('line'));
    after.schedule(() => ran.push('beep'));
    after.schedule(() => ran.push('save'));
    expect(ran).toEqual([]);
    expect(after.pending()).toBe(3);
    t.frame();
    expect(ran).toEqual(['line', 'beep', 'save']);
    expect(after.pending()).toBe(0);
    // Its fallback timer went with it: nothing runs twice.
    expect(t.timerCount()).toBe(0);
  });

  it('runs a job queued by a job after the following frame, not in the same run', () => {
    const t = manualClock();
    const after = createAfterPaint(t.clock);
    const ran: string[] = [];
    after.schedule(() => {
      ran.push('first');
      after.schedule(() => ran.push('second'));
    });
    t.frame();
    expect(ran).toEqual(['first']);
    t.frame();
    expect(ran).toEqual(['first', 'second']);
  });

  it('skips a cancelled job and keeps the rest', () => {
    const t = manualClock();
    const after = createAfterPaint(t.clock);
    const ran: string[] = [];
    after.schedule(() => ran.push('a'));
    const cancel = after.schedule(() => ran.push('b'));
    after.schedule(() => ran.push('c'));
    cancel();
    expect(after.pending()).toBe(2);
    t.frame();
    expect(ran).toEqual(['a', 'c']);
  });

  it('still runs the jobs when no frame comes (a hidden window), after the fallback delay', () => {
    const t = manualClock();
    const after = createAfterPaint(t.clock);
    const ran: string[] = [];
    after.schedule(() => ran.push('save'));
    t.elapse(NO_FRAME_FALLBACK_MS - 1);
    expect(ran).toEqual([]);
    t.elapse(NO_FRAME_FALLBACK_MS);
    expect(ran).toEqual(['save']);
  });

  it("does not let an earlier arming's late frame run jobs queued after the fallback served it", () => {
    const t = manualClock();
    const after = createAfterPaint(t.clock);
    const ran: string[] = [];
    after.schedule(() => ran.push('first'));
    t.elapse(NO_FRAME_FALLBACK_MS);
    after.schedule(() => ran.push('second'));
    // The stale frame callback from the first arming and the second arming's fire in this frame:
    // 'second' runs once, in its own arming.
    t.frame();
    expect(ran).toEqual(['first', 'second']);
    t.elapse(NO_FRAME_FALLBACK_MS);
    expect(ran).toEqual(['first', 'second']);
  });

  it('runs the jobs behind one that throws, and reports the error later', () => {
    const t = manualClock();
    const after = createAfterPaint(t.clock);
    const ran: string[] = [];
    after.schedule(() => {
      throw new Error('boom');
    });
    after.schedule(() => ran.push('save'));
    t.frame();
    expect(ran).toEqual(['save']);
    expect(() => t.elapse(0)).toThrow('boom');
  });
});
