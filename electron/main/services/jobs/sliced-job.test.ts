import { describe, expect, it } from 'vitest';
import { runInSlices, RunningJobs, yieldToEventLoop } from './sliced-job.js';

describe('runInSlices', () => {
  it('runs every item in slices, in order', async () => {
    const seen: Array<[number[], number]> = [];
    const outcome = await runInSlices({
      items: [1, 2, 3, 4, 5, 6, 7],
      sliceSize: 3,
      flag: { cancelled: false },
      runSlice: (slice, offset) => seen.push([[...slice], offset]),
    });
    expect(outcome).toEqual({ done: 7, cancelled: false });
    expect(seen).toEqual([
      [[1, 2, 3], 0],
      [[4, 5, 6], 3],
      [[7], 6],
    ]);
  });

  it('stops before the next slice once cancelled, never inside one', async () => {
    const flag = { cancelled: false };
    const ran: number[] = [];
    const outcome = await runInSlices({
      items: [1, 2, 3, 4, 5, 6],
      sliceSize: 2,
      flag,
      runSlice: (slice) => {
        ran.push(...slice);
        if (slice.includes(3)) flag.cancelled = true;
      },
    });
    expect(outcome).toEqual({ done: 4, cancelled: true });
    expect(ran).toEqual([1, 2, 3, 4]);
  });

  it('reports progress between slices by count, never after the last slice', async () => {
    const reports: number[] = [];
    await runInSlices({
      items: Array.from({ length: 10 }, (_, i) => i),
      sliceSize: 1,
      flag: { cancelled: false },
      runSlice: () => {},
      progress: { everyItems: 3, everyMs: 60_000, report: (done) => reports.push(done) },
    });
    expect(reports).toEqual([3, 6, 9]);
  });

  it('lets other work run while it goes', async () => {
    let otherRuns = 0;
    const other = (async () => {
      for (let i = 0; i < 5; i++) {
        otherRuns++;
        await yieldToEventLoop();
      }
    })();
    const seenOther: number[] = [];
    await runInSlices({ items: [1, 2, 3, 4, 5], sliceSize: 1, flag: { cancelled: false }, runSlice: () => seenOther.push(otherRuns) });
    await other;
    expect(seenOther.at(-1)).toBeGreaterThan(seenOther[0]!);
  });
});

describe('RunningJobs', () => {
  it('flags a running job for cancelling, knows its owner, and forgets it when finished', () => {
    const jobs = new RunningJobs<number>();
    const flag = jobs.start('a', 7)!;
    expect(jobs.start('a', 8)).toBeNull();
    expect(jobs.ownerOf('a')).toBe(7);
    expect(jobs.cancel('a')).toBe(true);
    expect(flag.cancelled).toBe(true);
    jobs.finish('a');
    expect(jobs.cancel('a')).toBe(false);
    expect(jobs.ownerOf('a')).toBeUndefined();
  });
});
