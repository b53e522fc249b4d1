/**
 * Long work in the main process (packing-slip PDFs, CSV imports) runs in slices with a turn of
 * the event loop between them, so IPC calls, the sender's timers and events are served while it
 * runs. A job can be cancelled; it stops after the slice it is in, never in the middle of one.
 */

/** Lets queued I/O, IPC answers and timers run before the next slice. */
export const yieldToEventLoop = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

export interface CancelFlag {
  readonly cancelled: boolean;
}

export interface SliceProgress {
  /** Report at least every this many items... */
  everyItems: number;
  /** ...or this often, whichever comes first. */
  everyMs: number;
  /** Called between slices, never after the last one: the caller reports the final state itself. */
  report(done: number): void;
}

export interface SlicedRun<T> {
  items: readonly T[];
  /** Items per slice: a slice runs without a break, so it should take tens of milliseconds at most. */
  sliceSize: number;
  flag: CancelFlag;
  runSlice(slice: readonly T[], offset: number): void;
  progress?: SliceProgress;
}

/** How far a run got: `done` items were run; the rest were not reached because it was cancelled. */
export interface SlicedOutcome {
  done: number;
  cancelled: boolean;
}

/**
 * Runs `items` a slice at a time, yielding to the event loop before each slice and checking the
 * cancel flag there. An exception from runSlice ends the run and is the caller's to handle.
 */
export async function runInSlices<T>(run: SlicedRun<T>): Promise<SlicedOutcome> {
  const { items, flag, progress } = run;
  const sliceSize = Math.max(1, Math.floor(run.sliceSize));
  let done = 0;
  let reported = 0;
  let reportedAt = performance.now();
  while (done < items.length) {
    await yieldToEventLoop();
    if (flag.cancelled) return { done, cancelled: true };
    const slice = items.slice(done, done + sliceSize);
    run.runSlice(slice, done);
    done += slice.length;
    if (progress && done < items.length && (done - reported >= progress.everyItems || performance.now() - reportedAt >= progress.everyMs)) {
      progress.report(done);
      reported = done;
      reportedAt = performance.now();
    }
  }
  return { done, cancelled: false };
}

interface Entry<Owner> {
  flag: { cancelled: boolean };
  owner: Owner;
}

/** The jobs running now, by id, with who owns each, so a cancel can find and flag one. */
export class RunningJobs<Owner> {
  private readonly jobs = new Map<string, Entry<Owner>>();

  /** Registers a job; null when one with this id is already running. */
  start(jobId: string, owner: Owner): CancelFlag | null {
    if (this.jobs.has(jobId)) return null;
    const entry: Entry<Owner> = { flag: { cancelled: false }, owner };
    this.jobs.set(jobId, entry);
    return entry.flag;
  }

  ownerOf(jobId: string): Owner | undefined {
    return this.jobs.get(jobId)?.owner;
  }

  /** Asks a running job to stop after its current slice; false when no such job is running. */
  cancel(jobId: string): boolean {
    const entry = this.jobs.get(jobId);
    if (!entry) return false;
    entry.flag.cancelled = true;
    return true;
  }

  finish(jobId: string): void {
    this.jobs.delete(jobId);
  }
}
